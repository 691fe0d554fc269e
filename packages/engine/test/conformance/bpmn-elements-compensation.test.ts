// bpmn-elements test/feature/compensation-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, recover, saveState, timesCompleted, wasActivated } from './translation';

const corpus = 'bpmn-elements';

/** The variables the handler's job is handed out with: what the compensation service is called with. */
function handedOut(run: Scenario, type: string): unknown {
  const job = run.job(type);
  return run.effects.filter((effect) => effect.type === 'activate-job' && effect.job.key === job.key).at(-1);
}

const decision = {
  jobs: ['service', 'undoService'],
  // the service's output is saved to environment.output by a test extension: here, to the process variables
  conditions: { 'to-end2': ['${environment.output.condition}', 'condition = true'] },
} as const;

/** bpmn-elements' failing service calls back with an error: the test's worker throws a BPMN error. */
const failing = { jobs: ['service', 'undoService'] } as const;

conformanceFeature(corpus, 'compensation', {
  1: async () => {
    const model = 'scenarios/bpmn/compensation-feature__01.bpmn';
    // Given a service compensated by its associated compensation boundary event
    const run = await given(corpus, model, decision);
    // When ran (with the decision to discard), then the service waits and the compensation service is not started
    run.start();
    expect(run.openJobTypes()).toEqual(['service']);
    // When the service completes, then the compensation service waits, with the service's completion data
    run.completeJob('service', { condition: true });
    expect(run.openJobTypes()).toEqual(['undoService']);
    expect(handedOut(run, 'undoService')).toMatchObject({ variables: { condition: true } });
    // When the compensation service completes, then the run completes; each was taken once
    run.completeJob('undoService');
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'service')).toBe(1);
    expect(timesCompleted(run, 'undoService')).toBe(1);

    // When ran again and the service completes without the decision, then nothing is compensated
    const again = await given(corpus, model, decision);
    again.start();
    again.completeJob('service', { condition: false });
    expect(again.openJobTypes()).toEqual([]);
    expect(again.status).toBe('completed');
    expect(timesCompleted(again, 'service')).toBe(1);
    expect(wasActivated(again, 'undoService')).toBe(false);

    // When ran again, stopped and resumed while the service waits, then the service still waits
    const third = await given(corpus, model, decision);
    third.start();
    const resumed = recover(third, saveState(third));
    expect(resumed.openJobTypes()).toEqual(['service']);
    // When the service calls back, then the compensation service waits; when compensated, the run completes
    resumed.completeJob('service', { condition: true });
    expect(resumed.openJobTypes()).toEqual(['undoService']);
    resumed.completeJob('undoService');
    expect(resumed.status).toBe('completed');
    expect(timesCompleted(resumed, 'service')).toBe(1);
    expect(timesCompleted(resumed, 'undoService')).toBe(1);
  },
  2: async () => {
    const model = 'scenarios/bpmn/compensation-feature__02.bpmn';
    // Given a service compensated if an error occurs
    const run = await given(corpus, model, failing);
    run.start();
    expect(run.openJobTypes()).toEqual(['service']);
    // When the service completes with an error, then the compensation service waits
    run.throwError('service', 'volatile');
    expect(run.openJobTypes()).toEqual(['undoService']);
    run.completeJob('undoService');
    expect(run.status).toBe('completed');
    expect(wasActivated(run, 'end2')).toBe(true);

    // When ran again and the service completes, then nothing is compensated
    const again = await given(corpus, model, failing);
    again.start();
    again.completeJob('service', { data: 1 });
    expect(again.openJobTypes()).toEqual([]);
    expect(again.status).toBe('completed');
  },
  3: async () => {
    const model = 'scenarios/bpmn/compensation-feature__03.bpmn';
    // Given a threefold multi-instance service compensated if an error occurs
    const run = await given(corpus, model, failing);
    run.start();
    const calls = Object.values(run.state?.jobs ?? {});
    expect(calls).toHaveLength(3);
    // When the first two calls complete but the last completes with an error
    run.when({ type: 'complete-job', jobKey: calls[0]!.key, variables: {} });
    run.when({ type: 'complete-job', jobKey: calls[1]!.key, variables: {} });
    run.when({ type: 'throw-error', jobKey: calls[2]!.key, errorCode: 'volatile', errorMessage: '', variables: {} });
    // Then the compensation service waits for each iteration in turn, and the run completes
    for (let iteration = 0; iteration < 3; iteration++) {
      expect(run.openJobTypes()).toEqual(['undoService']);
      run.completeJob('undoService');
    }
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'undoService')).toBe(3);
  },
});
