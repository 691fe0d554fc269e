// bpmn-elements test/feature/issues/stack-overflow-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, recover, saveState, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/**
 * The paging process: `getitems` and each iteration of `peritem` call the HTTP service (jobs the test completes
 * with the service's output, kept as `items` and, per iteration, `response`, which `multi` collects); `save` only
 * assigns the next page's url and the results so far; the loop-back flow is taken while a url is set (truthy).
 */
const paging: Rewrite = {
  jobs: ['getitems', 'peritem'],
  jsResults: { getitems: 'items' },
  jsLoops: {
    peritem: {
      collection: ['${environment.output.items[0].records}', 'items[1].records', 'item'],
      result: ['multi', 'response'],
    },
  },
  scriptAssignments: {
    save: [
      'environment.variables.url = environment.output.items?.[0]?.next; ' +
        'environment.output.result = (environment.output.result || []).concat(environment.output.multi); next();',
      { url: 'items[1].next', result: 'concatenate(if result = null then [] else result, multi)' },
    ],
  },
  conditions: { 'back-to-service': ['${environment.variables.url}', 'url != null'] },
};

/** The 301 records, served in a page of 300 (with the next page's url) and a page of 1. */
const records = Array.from({ length: 301 }, (_, id) => ({ id }));
const pages: Readonly<Record<string, unknown>> = {
  '/?pageSize=300': { records: records.slice(0, 300), next: '/?pageSize=1' },
  '/?pageSize=1': { records: records.slice(300) },
};

/** The variables an open job was handed out with. */
function handedOut(run: Scenario, type: string): Readonly<Record<string, unknown>> {
  const job = run.job(type);
  const effect = run.effects.findLast(
    (candidate) => candidate.type === 'activate-job' && candidate.job.key === job.key,
  );
  return effect?.type === 'activate-job' ? effect.variables : {};
}

/**
 * The HTTP service answers every call (its callback's arguments are the output: `[body]`), until the run ends or
 * `stopWhen` holds for an iteration of `peritem` that has started.
 */
function serve(run: Scenario, stopWhen: (index: number) => boolean = () => false): void {
  for (;;) {
    const [type] = run.openJobTypes();
    if (type === 'getitems') {
      run.completeJob(type, { items: [pages[String(handedOut(run, type)['url'])]] });
    } else if (type === 'peritem') {
      if (stopWhen(Number(handedOut(run, type)['loopCounter']) - 1)) return;
      run.completeJob(type, { response: [{ data: {} }] });
    } else return;
  }
}

conformanceFeature(corpus, 'stack-overflow', {
  1: async () => {
    const model = 'scenarios/bpmn/stack-overflow-feature__01.bpmn';
    // Given a service that returns 301 items (in two pages); when the definition is ran, then it completes
    const run = await given(corpus, model, paging);
    run.start({ url: '/?pageSize=300' });
    serve(run);
    expect(run.status).toBe('completed');

    // When the definition is ran again, stopping in the middle of the multi-instance (after iteration index 150)
    const again = await given(corpus, model, paging);
    again.start({ url: '/?pageSize=300' });
    serve(again, (index) => index > 150);
    const saved = saveState(again);
    // Then the execution is stopped, at an iteration of peritem
    expect(again.status).toBe('active');
    expect(again.openJobTypes()).toEqual(['peritem']);
    // When the execution is recovered and resumed, then it completes
    const recovered = recover(again, saved);
    serve(recovered);
    expect(recovered.status).toBe('completed');
    // And all items have been processed
    expect(recovered.variables()['result']).toHaveLength(301);
  },
});
