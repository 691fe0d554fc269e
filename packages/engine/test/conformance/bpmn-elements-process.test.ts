// bpmn-elements test/feature/Process-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import {
  expectChains,
  fireTimer,
  given,
  lifecycle,
  recover,
  runsThrough,
  saveState,
  wasActivated,
} from './translation';

const corpus = 'bpmn-elements';
const condition1: Record<string, readonly [string, string]> = {
  flow2: ['${environment.variables.condition1}', 'condition1 = true'],
};

conformanceFeature(corpus, 'Process', {
  1: async () => {
    // Given a process with one activity
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__01.bpmn');

    // When run
    scenario.start();

    // Then the process was entered with its id and name
    expect(scenario.status).toBe('completed');
    expect(lifecycle(scenario.events)[0]).toBe('enter theProcess');
    expect(scenario.definition.name).toBe('Process');
    // and the process has the expected execution sequence
    expect(lifecycle(scenario.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('activity'),
      'end theProcess',
      'leave theProcess',
    ]);
    // and nothing is left waiting (bpmn-elements: the process queues are empty)
    expect(scenario.active()).toEqual([]);
    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.incidents()).toEqual([]);
  },

  2: async () => {
    // Given a process with a start event followed by an end event
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__02.bpmn');

    // When run
    scenario.start();

    // Then the process has the expected execution sequence
    expect(scenario.status).toBe('completed');
    expect(lifecycle(scenario.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('start'),
      ...runsThrough('end'),
      'end theProcess',
      'leave theProcess',
    ]);
  },

  4: async () => {
    // Given a process with a decision: flow2 if condition1, else the default flow3
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__04.bpmn', { conditions: condition1 });

    // When run without condition1
    scenario.start();

    // Then the default flow is taken: end1 is discarded, end2 completes
    expect(scenario.status).toBe('completed');
    expect(lifecycle(scenario.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('start'),
      ...runsThrough('decision'),
      ...runsThrough('end2'),
      'end theProcess',
      'leave theProcess',
    ]);
    expect(wasActivated(scenario, 'end1')).toBe(false);
  },

  7: async () => {
    // Given a decision whose two outgoing flows both lead to a parallel join
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__10.bpmn', { conditions: condition1 });

    // When run without condition1 (the default flow3 is taken)
    scenario.start();

    // Then the join completes and the process ends
    expect(lifecycle(scenario.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('start'),
      ...runsThrough('decision'),
      ...runsThrough('join'),
      ...runsThrough('end'),
      'end theProcess',
      'leave theProcess',
    ]);
    expect(scenario.status).toBe('completed');
  },

  9: async () => {
    // Given a fork into a one-second timer and a terminate end event
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__12.bpmn');

    // When run
    scenario.start();

    // Then the terminate end event stops the waiting timer, and the process completes
    expect(scenario.terminated()).toEqual(['timer']);
    expectChains(scenario.events, [
      [
        'enter theProcess',
        'start theProcess',
        ...runsThrough('start'),
        ...runsThrough('fork'),
        'enter timer',
        'start timer',
      ],
      ['leave fork', ...runsThrough('end1'), 'end theProcess', 'leave theProcess'],
    ]);
    expect(scenario.status).toBe('completed');
  },

  10: async () => {
    // Given a start event forking into a 10 ms timer event and a task, joined by a parallel gateway
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__13.bpmn');

    // When run
    scenario.start();

    // Then the process started the timeout event, and completed the parallel activity
    expect(scenario.active()).toEqual(['postponed']);
    expect(Object.values(scenario.state?.timers ?? {}).map((timer) => [timer.elementId, timer.dueAt])).toEqual([
      ['postponed', 10],
    ]);
    expectChains(scenario.events, [
      ['enter theProcess', 'start theProcess', ...runsThrough('start'), 'enter postponed', 'start postponed'],
      ['leave start', ...runsThrough('immediate')],
    ]);

    // When the timeout occurs
    const before = scenario.events.length;
    fireTimer(scenario, 'postponed');

    // Then the timeout event completes, before the join and the end event
    expect(lifecycle(scenario.events.slice(before))).toEqual([
      'end postponed',
      'leave postponed',
      ...runsThrough('join'),
      ...runsThrough('end'),
      'end theProcess',
      'leave theProcess',
    ]);
    expect(scenario.status).toBe('completed');
  },

  13: async () => {
    // Given a process with a service task (its JavaScript service becomes a job, the test its worker)
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__16.bpmn', { jobs: ['service'] });

    // When run
    scenario.start();

    // Then the service task is waiting for service completion
    expect(scenario.active()).toEqual(['service']);
    expect(scenario.openJobTypes()).toEqual(['service']);

    // When the service task completes with an error
    scenario.when({ type: 'fail-job', jobKey: scenario.job('service').key, retries: 0, errorMessage: 'ENONENT' });

    // Then the process completes with an error: an incident at the service task, and no further step
    expect(scenario.incidentAt('service').type).toBe('JOB_NO_RETRIES');
    expect(scenario.incidentAt('service').message).toContain('ENONENT');
    expect(wasActivated(scenario, 'end')).toBe(false);
    expect(scenario.status).toBe('active');
  },

  14: async () => {
    // Given a process whose service task has an error boundary event (the test plays the service's job worker)
    const ran = await given(corpus, 'scenarios/bpmn/Process-feature__17.bpmn', { jobs: ['service'] });
    // When run, then the service task waits for its service
    ran.start();
    expect(ran.openJobTypes()).toEqual(['service']);
    // When the service task completes, then the process completes and the boundary flow is discarded
    ran.completeJob('service');
    expect(ran.status).toBe('completed');
    expect(wasActivated(ran, 'attached')).toBe(false);
    expect(ran.completed()).toContain('end1');

    // When run again and the service task is erroneous (its worker throws a BPMN error)
    const failing = await given(corpus, 'scenarios/bpmn/Process-feature__17.bpmn', { jobs: ['service'] });
    failing.start();
    failing.throwError('service', 'SERVICE_ERROR');
    // Then the process completes, the boundary event catches the error and the service flow is discarded
    expect(failing.status).toBe('completed');
    expect(failing.completed()).toEqual(['start', 'attached', 'end2']);
    expect(wasActivated(failing, 'end1')).toBe(false);
  },
  17: async () => {
    // Given a process with a user task
    const scenario = await given(corpus, 'scenarios/bpmn/Process-feature__20.bpmn');

    // When run
    scenario.start();

    // Then the process is waiting for the user task to be signaled
    expect(scenario.userTask('activity').elementId).toBe('activity');

    // When the process is stopped and its state saved, then recovered
    const saved = saveState(scenario);
    const recovered = recover(scenario, saved);

    // Then the state is still the same
    expect(recovered.state).toEqual(scenario.state);

    // When resumed and the user task is signaled
    recovered.completeUserTask('activity');

    // Then the process completes
    expect(recovered.status).toBe('completed');
  },
});
