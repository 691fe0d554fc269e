// bpmn-elements test/feature/issues/issue-31-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, openUserTasks, recover, saveState, type Rewrite } from './translation';

const corpus = 'bpmn-elements';
/** The original source, and the one whose response and error paths meet at a parallel join. */
const MODELS = ['test/resources/issue-31.bpmn', 'test/resources/issue-31-cm.bpmn'];

/**
 * The request service becomes a job; its worker throws the service's error code (code000), as bpmn-elements'
 * service calls back with it, synchronously or not. The test's statusCodeOk service answers false; `retry` is
 * unset; the user task's bound timer waits `timeout`.
 */
const services: Rewrite = {
  jobs: ['makeRequestService'],
  conditions: {
    'toEnd-flow': ['${environment.services.statusCodeOk(environment.variables)}', 'false'],
    toTerminateFlow: ['${environment.variables.retry}', 'retry = true'],
  },
  expressions: { signalTimeoutEvent: ['${environment.variables.timeout}', 'timeout'] },
};

/** Runs a model until the request fails with code000: the instance goes on to wait for the user task. */
async function ranUntilRequestFails(model: string, timeout: string): Promise<Scenario> {
  const run = await given(corpus, model, services);
  run.start({ timeout });
  run.throwError('makeRequestService', 'code000');
  return run;
}

conformanceFeature(corpus, 'issue-31', {
  1: async () => {
    for (const model of MODELS) {
      // Given there are some services; when the definition is ran with a listener stopping on the user task
      const run = await ranUntilRequestFails(model, 'PT0.1S');
      // Then the execution stops on the user task (its state is saved)
      expect(openUserTasks(run), model).toEqual(['waitForSignalTask']);
      const saved = saveState(run);
      // When the definition is recovered and resumed, and the retry times out
      const resumed = recover(run, saved);
      fireTimer(resumed, 'signalTimeoutEvent');
      // Then the run completes
      expect(resumed.status, model).toBe('completed');
    }
  },
  2: async () => {
    for (const model of MODELS) {
      // Given there are some services; when the definition is ran, and the retry times out
      const run = await ranUntilRequestFails(model, 'PT0.01S');
      fireTimer(run, 'signalTimeoutEvent');
      // Then the run completes
      expect(run.status, model).toBe('completed');
    }
  },
});
