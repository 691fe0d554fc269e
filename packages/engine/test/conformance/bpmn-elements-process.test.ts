// bpmn-elements test/feature/Process-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import {
  expectChains,
  fireTimer,
  given,
  lifecycle,
  openUserTasks,
  recover,
  runsThrough,
  saveState,
  timesCompleted,
  wasActivated,
  type Rewrite,
} from './translation';

const corpus = 'bpmn-elements';
const condition1: Record<string, readonly [string, string]> = {
  flow2: ['${environment.variables.condition1}', 'condition1 = true'],
};
/** The boundary timer's duration is read from a variable: `${environment.variables.timeout}` → `=timeout`. */
const timeout = { attached: ['${environment.variables.timeout}', 'timeout'] } as const;
const withTimeout = { timeout: 'PT0.1S' };
/**
 * A decision whose default flow loops back (with a condition, which a default flow ignores) and whose other flow,
 * without a condition, leads to the end: bpmn-elements takes the flow without a condition, so it gets `=true`.
 */
const loopBack = (back: string): Rewrite => ({
  conditions: { [back]: ['${environment.variables.condition1}', 'condition1 = true'] },
  unconditionalFlows: ['to-end'],
});

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

  8: async () => {
    // Given a process: a 10 ms timer, a task and a decision that loops back to the timer by default
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__11.bpmn', loopBack('back-to-activity1'));

    // When run (the timer times out), and completed
    run.start();
    fireTimer(run, 'activity1');

    // Then the process has the expected execution sequence: the decision takes the flow to the end event
    expect(lifecycle(run.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('start'),
      ...runsThrough('activity1'),
      ...runsThrough('activity2'),
      ...runsThrough('decision'),
      ...runsThrough('end'),
      'end theProcess',
      'leave theProcess',
    ]);
    expect(run.status).toBe('completed');
    // And no more messages are received: nothing is left waiting
    expect(run.active()).toEqual([]);
    expect(run.timers()).toEqual([]);
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

  11: async () => {
    // Given a process with a catch message event (its anonymous message is named after the event, as bpmn-elements
    // addresses the message to the event's id)
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__14.bpmn', {
      messageNames: { receive: 'receive' },
    });

    // When run, and waiting
    run.start();

    // Then the process is waiting for the receive message event
    expect(lifecycle(run.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('start'),
      'enter receive',
      'start receive',
    ]);
    expect(run.subscription('receive').messageName).toBe('receive');

    // When a message is received
    const before = run.events.length;
    run.correlate('receive');

    // Then the process continues its execution and completes
    expect(lifecycle(run.events.slice(before))).toEqual([
      'end receive',
      'leave receive',
      ...runsThrough('end'),
      'end theProcess',
      'leave theProcess',
    ]);
    expect(run.status).toBe('completed');
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

  15: async () => {
    // Given a service task (its JavaScript service becomes a job) with an interrupting timer bound by a variable
    const rewrite = { jobs: ['service'], expressions: timeout };
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__18.bpmn', rewrite);
    // When run, then the service task is waiting for service completion
    run.start(withTimeout);
    expect(run.openJobTypes()).toEqual(['service']);
    // When the service task completes, then the process completes: the service flow taken, the boundary's discarded
    run.completeJob('service');
    expect(run.status).toBe('completed');
    expect(run.takenFlows()).toContain('flow1');
    expect(run.takenFlows()).not.toContain('flow2');
    expect(run.completed()).toContain('service');

    // When run again and the service does not complete within the duration (the timer fires)
    const late = await given(corpus, 'scenarios/bpmn/Process-feature__18.bpmn', rewrite);
    late.start(withTimeout);
    expect(late.timer('attached').dueAt).toBe(100);
    fireTimer(late, 'attached');
    // Then the process completes: the boundary event timed out, the service task and its flow were discarded
    expect(late.status).toBe('completed');
    expect(late.completed()).toContain('attached');
    expect(late.terminated()).toEqual(['service']);
    expect(late.takenFlows()).not.toContain('flow1');
    expect(late.takenFlows()).toContain('flow2');
  },

  16: async () => {
    // Given a service task (a job) with a non-interrupting timer bound by a variable
    const rewrite = { jobs: ['service'], expressions: timeout };
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__19.bpmn', rewrite);
    // When run, then the service task is waiting; when it completes, then the process completes
    run.start(withTimeout);
    expect(run.openJobTypes()).toEqual(['service']);
    run.completeJob('service');
    expect(run.status).toBe('completed');
    // And the service completed, its flow was taken and the boundary event's flow discarded
    expect(run.completed()).toContain('service');
    expect(run.takenFlows()).toContain('flow1');
    expect(run.takenFlows()).not.toContain('flow2');

    // When run again, then the boundary timeout event is waiting
    const late = await given(corpus, 'scenarios/bpmn/Process-feature__19.bpmn', rewrite);
    late.start(withTimeout);
    expect(late.timer('attached').dueAt).toBe(100);
    // When the service does not complete within the duration, then the boundary event times out and completes
    fireTimer(late, 'attached');
    expect(late.completed()).toEqual(expect.arrayContaining(['attached', 'end2']));
    expect(late.status).toBe('active');
    // When the service task completes, then the process completes and the service task flow was taken
    late.completeJob('service');
    expect(late.status).toBe('completed');
    expect(late.takenFlows()).toContain('flow1');
  },

  18: async () => {
    // Given a user task with an interrupting timer bound by a variable
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__21.bpmn', { expressions: timeout });
    // When run, then the process is waiting for the user task
    run.start(withTimeout);
    expect(openUserTasks(run)).toEqual(['userInput']);
    // When stopped, the state saved, recovered and resumed, then the postponed activities were resumed
    const resumed = recover(run, saveState(run));
    expect(resumed.active()).toEqual(['userInput']);
    expect(resumed.timer('attached').elementId).toBe('attached');
    // When the user task is signalled, then the process completes
    resumed.completeUserTask('userInput');
    expect(resumed.status).toBe('completed');
    // And the user task completed, its flow was taken and the boundary event's flow discarded
    expect(resumed.completed()).toContain('userInput');
    expect(resumed.takenFlows()).toContain('flow1');
    expect(resumed.takenFlows()).not.toContain('flow2');
  },

  19: async () => {
    // Given a process with a user task and a timer, and a decision that loops back to the user task by default
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__22.bpmn', loopBack('back-to-activity0'));

    // When run, and stopped when the user task awaits its signal (the state is saved)
    run.start();
    const saved = saveState(run);

    // Then the process has the expected execution sequence
    expect(lifecycle(run.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('start'),
      'enter activity0',
      'start activity0',
    ]);

    // When resumed, then the user task is waiting for its signal
    const resumed = recover(run, saved);
    expect(openUserTasks(resumed)).toEqual(['activity0']);

    // When signalled, and the timer times out
    const before = resumed.events.length;
    resumed.completeUserTask('activity0');
    fireTimer(resumed, 'activity1');

    // Then the process execution is completed: the decision takes the flow to the end event
    expect(lifecycle(resumed.events.slice(before))).toEqual([
      'end activity0',
      'leave activity0',
      ...runsThrough('activity1'),
      ...runsThrough('activity2'),
      ...runsThrough('decision'),
      ...runsThrough('end'),
      'end theProcess',
      'leave theProcess',
    ]);
    expect(resumed.status).toBe('completed');
    // And no more messages are received: nothing is left waiting
    expect(resumed.active()).toEqual([]);
    expect(resumed.timers()).toEqual([]);
  },

  20: async () => {
    // Given a sub-process whose user task has no incoming flow (it gets a start event inside the sub-process)
    const rewrite = { startEvents: { activity: ['subActivity'] } };
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__23.bpmn', rewrite);
    // When run, then the process is waiting for the sub user task to be signalled
    run.start();
    expect(openUserTasks(run)).toEqual(['subActivity']);
    // When stopped and the state saved, then the sub-process and its activity are at rest
    const saved = saveState(run);
    expect(run.active()).toEqual(['activity', 'subActivity']);
    // When recovered, then the state is still the same
    const recovered = recover(run, saved);
    expect(recovered.state).toEqual(run.state);
    // When resumed and the sub user task is signalled, then the process completes
    recovered.completeUserTask('subActivity');
    expect(recovered.status).toBe('completed');
  },

  21: async () => {
    // Given a task with a bound timer, both leading to the end event (the task gets a start event)
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__24.bpmn', {
      startEvents: { theProcess: ['task'] },
    });
    // When run, then the task is entered and started, and the timer started
    run.start();
    const types = run.events.map((event) => event.type);
    expect(lifecycle(run.events)).toEqual(expect.arrayContaining(['enter task', 'start task']));
    expect(types).toContain('timer-scheduled');
    // When the task completes, ends and takes the flow to the end event, then the end event completes
    expect(lifecycle(run.events)).toEqual(expect.arrayContaining([...runsThrough('task'), ...runsThrough('end')]));
    // And the timer and its flow are discarded: the timer never fired, the end event was reached once
    expect(types).toContain('timer-cancelled');
    expect(types).not.toContain('timer-triggered');
    expect(run.takenFlows()).not.toContain('fromBoundaryEvent');
    expect(timesCompleted(run, 'end')).toBe(1);
    // And the process completes
    expect(run.status).toBe('completed');
  },

  24: async () => {
    // Given a process with only a user task (it gets a start event)
    const run = await given(corpus, 'scenarios/bpmn/Process-feature__25.bpmn', {
      startEvents: { theProcess: ['activity'] },
    });

    // When run, then the process is running
    run.start();
    expect(run.status).toBe('active');
    expect(openUserTasks(run)).toEqual(['activity']);

    // When the process is cancelled
    run.when({ type: 'cancel-instance' });

    // Then the process run completes, and the process was completed
    expect(run.active()).toEqual([]);
    expect(run.status).toBe('completed');
    // And the running activity was discarded
    expect(run.terminated()).toEqual(['activity']);
  },
});
