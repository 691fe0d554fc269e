// bpmn-elements test/feature/errors-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, recover, saveState, timesCompleted, wasActivated, type Rewrite } from './translation';

const corpus = 'bpmn-elements';
/** The process and its sub-process have no start event: each gets one (bpmn-elements starts them anyway). */
const subProcessStarts = { Process_0: ['errorSubProcess'], errorSubProcess: ['endInPain'] };
/** errors-feature__06: a service (a job) with an error boundary event for the code 404. */
const service404: Rewrite = { jobs: ['service'], startEvents: { Process_0: ['service'] } };
/** errors-feature__01: the volatile service (a job) with an error boundary event for the code ERR_ASSERTION. */
const volatileService: Rewrite = { jobs: ['service'], startEvents: { Process_0: ['service'] } };

/** The volatile service fails with a custom error without a code: its worker fails the job, no retries left. */
function serviceFailsWithoutCode(run: Scenario): void {
  run.when({ type: 'fail-job', jobKey: run.job('service').key, retries: 0, errorMessage: 'Unknown' });
}

conformanceFeature(corpus, 'errors', {
  1: async () => {
    const model = 'scenarios/bpmn/errors-feature__01.bpmn';
    // Given a source with a volatile service task and a catch boundary event expecting an error code
    // When the definition is ran, and the service fails without an error code
    const failing = await given(corpus, model, volatileService);
    failing.start();
    serviceFailsWithoutCode(failing);
    // Then the definition throws the error (an incident), and it is over: the instance keeps its incident (rule 5)
    expect(failing.incidentAt('service').message).toContain('Unknown');
    expect(failing.status).toBe('active');
    expect(wasActivated(failing, 'catchError')).toBe(false);

    // When the definition is ran again, and the service fails with the caught error code (its worker throws it)
    const caught = await given(corpus, model, volatileService);
    caught.start().throwError('service', 'ERR_ASSERTION', {}, 'Known');
    // Then the definition completes
    expect(caught.status).toBe('completed');
    // And the error, with its message and code, reached the boundary event
    expect(caught.events).toContainEqual(
      expect.objectContaining({ type: 'job-error-thrown', errorCode: 'ERR_ASSERTION', errorMessage: 'Known' }),
    );
    expect(timesCompleted(caught, 'catchError')).toBe(1);

    // When the definition is ran with a listener that saves the state on error, and the service fails without code
    const saving = await given(corpus, model, volatileService);
    saving.start();
    serviceFailsWithoutCode(saving);
    // Then the state is saved
    const saved = saveState(saving);
    // Given the definition is recovered; when resumed, then the resumed definition throws the error (the incident)
    const recovered = recover(saving, saved);
    expect(recovered.incidentAt('service').message).toContain('Unknown');
    expect(recovered.status).toBe('active');
  },
  2: async () => {
    // Given a sub-process with an anonymous error end event (given the code ERR), no boundary event catching it
    const rewrite: Rewrite = {
      startEvents: { Process_0: ['errorSubProcess'], errorSubProcess: ['end'] },
      codes: { end: 'ERR' },
    };
    const run = await given(corpus, 'scenarios/bpmn/errors-feature__02.bpmn', rewrite);
    // When the definition is ran, then the error is thrown by the end event
    run.start();
    expect(wasActivated(run, 'end')).toBe(true);
    // And the definition completes
    expect(run.status).toBe('completed');
    // And the end event was taken, and the sub-process completed
    expect(timesCompleted(run, 'end')).toBe(1);
    expect(timesCompleted(run, 'errorSubProcess')).toBe(1);
  },
  3: async () => {
    // Given a sub-process with an anonymous error end event (given the code ERR), caught by a bound event
    const rewrite: Rewrite = { startEvents: subProcessStarts, codes: { endInPain: 'ERR' } };
    const run = await given(corpus, 'scenarios/bpmn/errors-feature__03.bpmn', rewrite);
    // When the definition is ran, then the error is thrown by the end event and the definition completes
    run.start();
    expect(run.status).toBe('completed');
    expect(wasActivated(run, 'endInPain')).toBe(true);
    // And the sub-process was discarded, and the error was caught
    expect(run.terminated()).toContain('errorSubProcess');
    expect(timesCompleted(run, 'catch')).toBe(1);
  },
  4: async () => {
    // Given a sub-process with an error end event and two boundary events for two errors (given codes)
    const rewrite: Rewrite = { startEvents: subProcessStarts, codes: { endInPain: 'ERROR_0', catch1: 'ERROR_1' } };
    const run = await given(corpus, 'scenarios/bpmn/errors-feature__04.bpmn', rewrite);
    // When the definition is ran, then the error is thrown by the end event and the definition completes
    run.start();
    expect(run.status).toBe('completed');
    expect(wasActivated(run, 'endInPain')).toBe(true);
    // And the sub-process was discarded, the error caught by the first boundary event, the second discarded
    expect(run.terminated()).toContain('errorSubProcess');
    expect(timesCompleted(run, 'catch0')).toBe(1);
    expect(wasActivated(run, 'catch1')).toBe(false);
  },
  5: async () => {
    // Given a sub-process with an error end event and an error event sub-process handling it (a given code)
    const rewrite: Rewrite = { startEvents: subProcessStarts, codes: { endInPain: 'ERROR_0' } };
    for (const run of [1, 2]) {
      const definition = await given(corpus, 'scenarios/bpmn/errors-feature__05.bpmn', rewrite);
      // When the definition is ran (again), then the error is thrown by the end event and the definition completes
      definition.start();
      expect(definition.status, `run ${run}`).toBe('completed');
      expect(wasActivated(definition, 'endInPain')).toBe(true);
      // And the sub-process completed, the error was handled by the event sub-process
      expect(timesCompleted(definition, 'errorSubProcess')).toBe(1);
      expect(timesCompleted(definition, 'catchErrorSubProcess')).toBe(1);
      expect(timesCompleted(definition, 'releasePain')).toBe(1);
    }
  },
  6: async () => {
    const model = 'scenarios/bpmn/errors-feature__06.bpmn';
    // Given a service task with a catch error boundary event; when ran and the service errs with the known code
    const known = await given(corpus, model, service404);
    known.start().throwError('service', '404');
    // Then the service was discarded, the error was caught, and the definition completes
    expect(known.terminated()).toEqual(['service']);
    expect(timesCompleted(known, 'catchError')).toBe(1);
    expect(known.status).toBe('completed');

    // When ran again and the service errs with an unknown code, then the definition is errored (an incident)
    const unknown = await given(corpus, model, service404);
    unknown.start().throwError('service', '500');
    expect(unknown.incidentAt('service').type).toBe('UNHANDLED_ERROR_EVENT');
    expect(unknown.status).toBe('active');
    // And the boundary event was discarded
    expect(wasActivated(unknown, 'catchError')).toBe(false);

    // When ran again, stopped and resumed (or stopped, its state saved, and recovered somewhere else)
    for (const mode of ['resumed', 'recovered']) {
      const stopped = await given(corpus, model, service404);
      stopped.start();
      const resumed = recover(stopped, saveState(stopped));
      // And the service errs with the known code, then the definition completes and the error was caught
      resumed.throwError('service', '404');
      expect(resumed.status, mode).toBe('completed');
      expect(timesCompleted(resumed, 'catchError')).toBe(1);
    }

    // Given ran with an error listener saving the state; when the service fails again with an uncaught code
    const failing = await given(corpus, model, service404);
    failing.start().throwError('service', '500');
    const saved = saveState(failing);
    // When recovered somewhere else and resumed, then the recovered definition throws (the incident is kept)
    const recovered = recover(failing, saved);
    expect(recovered.incidentAt('service').type).toBe('UNHANDLED_ERROR_EVENT');
    expect(recovered.status).toBe('active');
  },
  7: async () => {
    // Given a sub-process that ends in an error if the ordered amount is above a threshold, caught and signalled
    const rewrite: Rewrite = {
      conditions: { toEscalate: ['${environment.services.isAbove(10, environment.output.amount)}', 'amount > 10'] },
    };
    const run = await given(corpus, 'test/resources/bpmn-error.bpmn', rewrite);
    // When the definition is ran, then the error is monitored (the boundary event listens while the order waits)
    run.start();
    expect(run.userTask('order').elementId).toBe('order');
    // And an amount above the threshold is ordered (the form's amount is the task's output)
    run.completeUserTask('order', { amount: 11 });
    // Then the error is thrown by the end event, and the definition completes
    expect(wasActivated(run, 'endInError')).toBe(true);
    expect(run.status).toBe('completed');
    // And the error was caught, the end event and the sub-process discarded
    expect(timesCompleted(run, 'catchError')).toBe(1);
    expect(wasActivated(run, 'end')).toBe(false);
    expect(run.terminated()).toContain('orderProcess');
    // And the signal is sent, and the run is completed
    expect(run.effects).toContainEqual({
      type: 'broadcast-signal',
      signalName: 'Too big signal',
      variables: {},
      excludeInstanceKey: 'instance-1',
    });
    expect(timesCompleted(run, 'endWithSignal')).toBe(1);
  },
  8: async () => {
    // Given a script task that throws a named error (Error_1, given the code Error_1), caught by a bound event;
    // the script becomes a job whose worker throws the error
    const rewrite: Rewrite = {
      jobs: ['task'],
      startEvents: { mainProcess: ['task'] },
      codes: { 'bound-err': 'Error_1' },
    };
    const run = await given(corpus, 'scenarios/bpmn/errors-feature__07.bpmn', rewrite);
    // When run without listener
    run.start().throwError('task', 'Error_1');
    // Then the run completes, the script task was discarded and the thrown error caught
    expect(run.status).toBe('completed');
    expect(run.terminated()).toEqual(['task']);
    expect(timesCompleted(run, 'bound-err')).toBe(1);
  },
  10: async () => {
    const model = 'scenarios/bpmn/errors-feature__09.bpmn';
    // Given a service task (a job) with a catch error boundary event for the code 404. In strict mode bpmn-elements
    // catches only BPMN errors, so the service's custom error is its worker failing the job; in non-strict mode
    // the custom error's code is a BPMN error, which the worker throws
    const strict = await given(corpus, model, service404);
    // When ran in strict mode, and the service encounters a custom error with the known code
    strict.start();
    strict.when({ type: 'fail-job', jobKey: strict.job('service').key, retries: 0, errorMessage: 'code 404' });
    // Then the run is errored (an incident), and the error was not caught
    expect(strict.incidentAt('service').type).toBe('JOB_NO_RETRIES');
    expect(wasActivated(strict, 'catchError')).toBe(false);
    // When ran again in non-strict mode, and the service encounters the custom error with the known code
    const lenient = await given(corpus, model, service404);
    lenient.start().throwError('service', '404');
    // Then the run completes, and the error was caught
    expect(lenient.status).toBe('completed');
    expect(timesCompleted(lenient, 'catchError')).toBe(1);
  },
  11: async () => {
    // Given a manual task whose multi-instance loop cardinality is not a number ("notanumber")
    const run = await given(corpus, 'scenarios/bpmn/errors-feature__10.bpmn');
    // When ran, then the run fails: an incident stops the task
    run.start();
    const incident = run.incidentAt('task');
    expect(incident.message).toContain('loop cardinality');
    // When resumed on the error state (the incident resolved), then it fails again
    run.when({ type: 'resolve-incident', incidentKey: incident.key });
    expect(run.incidentAt('task').key).not.toBe(incident.key);
    expect(run.status).toBe('active');
  },
});
