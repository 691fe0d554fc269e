// bpmn-elements test/feature/task-loop-feature.js, translated (rules in docs/conformance.md).
import { DEPLOY_CHECKS } from '../../src/index';
import { parseBpmn } from '@operon/model';
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { corpusModel, given, type Rewrite } from './translation';

const corpus = 'bpmn-elements';
const stopLoop = '${environment.services.stopLoop()}';

/**
 * bpmn-elements stops a standard loop when its condition holds (the test's service, stopLoop, answers true at
 * iteration index N, counted from 0); BPMN and Operon loop while it holds, so the translation is `loopCounter`
 * (counted from 1) != N + 1.
 */
function stopAtIndex(index: number): Rewrite {
  return {
    startEvents: { TaskLoopProcess: ['task'] },
    expressions: { task: [stopLoop, `loopCounter != ${index + 1}`] },
  };
}

/** Iterations of the looped task: its element instances other than the loop body. */
function iterations(run: Scenario): number {
  return run.events.filter((event) => event.type === 'element-activated' && event.elementId === 'task').length - 1;
}

/** `{ idx }` items, as the scenarios' collections hold them. */
function items(count: number): { idx: number }[] {
  return Array.from({ length: count }, (_, idx) => ({ idx }));
}

const cardinality = ['${environment.variables.cardinality}', 'cardinality'] as const;
const itemIdx = ['next(null, content.item.idx);', 'item.idx', 'idx'] as const;

/**
 * The looped script task of the collection scenarios: it starts the process, its script `next(null,
 * content.item.idx)` gives the item's idx (result variable `idx`), and its js: attributes become its
 * zeebe:loopCharacteristics: over `list`, each item as `item`, the outputs collected in `iterated`.
 */
function looped(extra: Rewrite = {}): Rewrite {
  return {
    startEvents: { TaskLoopProcess: ['task'] },
    scripts: { task: itemIdx },
    jsLoops: { task: { collection: ['${environment.variables.list}', 'list', 'item'], result: ['iterated', 'idx'] } },
    ...extra,
  };
}

/** The same task looped by cardinality, without a collection (the iteration index `content.index` is loopCounter - 1). */
function counted(script: readonly [corpus: string, feel: string, resultVariable: string]): Rewrite {
  return {
    startEvents: { TaskLoopProcess: ['task'] },
    scripts: { task: script },
    expressions: { task: cardinality },
    jsLoops: { task: { result: ['iterated', script[2]] } },
  };
}

conformanceFeature(corpus, 'task-loop', {
  1: async () => {
    // Given a process with one standard loop task with a condition (stop at iteration index 3)
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__01.bpmn', stopAtIndex(3));
    // When the definition is run, then it completes when the condition is met
    run.start();
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times
    expect(iterations(run)).toBe(4);
  },
  2: async () => {
    // Given a standard loop task with a condition tested before each iteration (stop before iteration index 3):
    // tested before an iteration, the index is the number of iterations that completed, so `loopCounter != 3`
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__02.bpmn', {
      startEvents: { TaskLoopProcess: ['task'] },
      expressions: { task: [stopLoop, 'loopCounter != 3'] },
    });
    // When the definition is run, then it completes when the condition is met
    run.start();
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times: three iterations, the fourth test stopped the loop
    expect(iterations(run)).toBe(3);
  },
  3: async () => {
    // Given a standard loop task with a condition (stop at index 5) and loop maximum 4
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__03.bpmn', stopAtIndex(5));
    // When the definition is run, then it completes when the condition is met
    run.start();
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times: the loop maximum
    expect(iterations(run)).toBe(4);
  },
  4: async () => {
    const model = 'scenarios/bpmn/task-loop-feature__04.bpmn';
    // Given a process with one collection looped script task (parallel)
    const run = await given(corpus, model, looped());
    // When the definition is run with 500 items, then it completes
    run.start({ list: items(500) });
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times
    expect(run.variables()['iterated']).toHaveLength(500);

    // When the definition is run with 0 items, then it completes
    const empty = await given(corpus, model, looped());
    empty.start({ list: [] });
    expect(empty.status).toBe('completed');
    // And the task was looped the expected number of times
    expect(empty.variables()['iterated']).toHaveLength(0);
  },
  5: async () => {
    // Given a process with one collection looped script task, with a loop cardinality too
    const run = await given(
      corpus,
      'scenarios/bpmn/task-loop-feature__05.bpmn',
      looped({ expressions: { task: cardinality } }),
    );
    // When the definition is run with a collection of 50 and cardinality 11, then it completes
    run.start({ cardinality: 11, list: items(50) });
    expect(run.status).toBe('completed');
    // And the task was looped the expected number of times: the cardinality
    expect(run.variables()['iterated']).toHaveLength(11);
  },
  6: async () => {
    // Given a process with one sequential loop task with a loop cardinality
    const run = await given(corpus, 'scenarios/bpmn/task-loop-feature__06.bpmn', counted(itemIdx));
    // When the definition is run with a cardinality that is not a number, then it breaks: an incident at the task
    run.start({ cardinality: 'apapap' });
    expect(run.incidentAt('task').message).toContain('loop cardinality');
    expect(run.status).toBe('active');

    // Given the same process with a bound anonymous error catcher
    const caught = await given(corpus, 'scenarios/bpmn/task-loop-feature__07.bpmn', counted(itemIdx));
    // When the definition is run with a cardinality that is not a number, then it completes
    caught.start({ cardinality: 'apapap' });
    expect(caught.status).toBe('completed');
  },
  7: async () => {
    // Given a process with one parallel loop task with a loop cardinality; its script gives the iteration index
    const model = 'scenarios/bpmn/task-loop-feature__08.bpmn';
    const byIndex = counted(['next(null, content.index);', 'loopCounter - 1', 'index']);
    // When run with a string, a negative or no cardinality, then the definition breaks: an incident at the task
    for (const variables of [{ cardinality: 'apapap' }, { cardinality: -1 }, {}]) {
      const run = await given(corpus, model, byIndex);
      run.start(variables);
      expect(run.incidentAt('task').message, JSON.stringify(variables)).toContain('loop cardinality');
      expect(run.status).toBe('active');
    }
    // When run with boolean false (0), then with boolean true (1) cardinality, then the definition runs through
    for (const value of [false, true]) {
      const run = await given(corpus, model, byIndex);
      run.start({ cardinality: value });
      expect(run.status, `cardinality ${value}`).toBe('completed');
    }

    // Given a parallel loop with an empty cardinality, and one with a completion condition only (over the item's
    // `stop`): when run, then the definition breaks since a cardinality (or collection) is required: refused
    for (const file of ['scenarios/bpmn/task-loop-feature__09.bpmn', 'scenarios/bpmn/task-loop-feature__10.bpmn']) {
      const xml = corpusModel(corpus, file, {
        startEvents: { TaskLoopProcess: ['task'] },
        scripts: { task: itemIdx },
        expressions: { task: ['${content.item.stop}', 'item.stop = true'] },
        jsLoops: { task: { result: ['iterated', 'idx'] } },
      });
      const outcome = await parseBpmn(xml, DEPLOY_CHECKS);
      expect(outcome.ok, file).toBe(false);
      expect(outcome.diagnostics.map((d) => d.code)).toEqual(['LOOP_INVALID']);
    }
    // (Given a parallel loop over a collection whose length cannot be read: not asserted, see the review)
  },
});
