// bpmn-elements test/feature/issues/engine-issues-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, timesCompleted, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/**
 * bpmn-elements' `dummyService: false` makes the service tasks, which have no implementation, fail: they are jobs
 * whose worker throws a BPMN error, which their anonymous (catch-all) error boundary events catch.
 */
const failingServices = ['Activity_1', 'Activity_2'];

/** Plays the workers while jobs are open: the services fail; a message end event's worker sends its message. */
function playWorkers(run: Scenario): void {
  for (let job = Object.values(run.state?.jobs ?? {})[0]; job; job = Object.values(run.state?.jobs ?? {})[0]) {
    if (failingServices.includes(job.type)) run.throwError(job.type, 'SERVICE_FAILED');
    else {
      const subscription = run.subscriptions().find((candidate) => candidate.messageName === 'Message_1');
      if (subscription) run.when({ type: 'correlate-message', subscriptionKey: subscription.key, variables: {} });
      if (run.state?.jobs[job.key]) run.completeJob(job.type);
    }
  }
}

async function runIssue180(model: string, rewrite: Rewrite, eventSubProcess: string): Promise<void> {
  // When running a definition where both parallel tasks fail into end events that trigger the event sub-process
  // (a signal end event's signal reaches the instance's own event sub-process in the command that threw it)
  const run = await given(corpus, model, rewrite);
  run.start();
  playWorkers(run);
  // Then the run completes, and the catching sub-process ran twice
  expect(run.status).toBe('completed');
  expect(timesCompleted(run, eventSubProcess)).toBe(2);
}

conformanceFeature(corpus, 'engine-issues', {
  1: async () => {
    // (the error has no code: it is given one)
    await runIssue180(
      'test/resources/engine-issue-180.bpmn',
      { jobs: failingServices, codes: { 'end-error-1': 'Error_1' } },
      'on-error',
    );
    // (the message end events are jobs whose workers send Message_1, delegated to the event sub-process)
    await runIssue180(
      'test/resources/engine-issue-180-message.bpmn',
      { jobs: [...failingServices, 'end-error-1', 'end-error-2'] },
      'on-message',
    );
  },
  2: () => runIssue180('test/resources/engine-issue-180-signal.bpmn', { jobs: failingServices }, 'on-signal'),
  3: async () => {
    // When running a definition where a signal throw event is followed by a catch event of the same signal
    const run = await given(corpus, 'test/resources/signal-after-signal.bpmn');
    run.start();
    // Then the run is waiting for the catch signal: it was not listening when the signal was thrown
    expect(run.status).toBe('active');
    expect(run.active()).toEqual(['Event_1kv9ixt']);
    // When the catch signal is signalled, then the run completes
    run.when({ type: 'trigger-signal', subscriptionKey: Object.values(run.state?.signalSubscriptions ?? {})[0]!.key });
    expect(run.status).toBe('completed');
  },
});
