// bpmn-elements test/feature/stopAndResume-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { Collaboration } from './collaboration';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, openUserTasks, recover, saveState } from './translation';

const corpus = 'bpmn-elements';

/** stopAndResume-feature__01: the anonymous receive tasks, signal and message events get names. */
const everyWait = {
  receiveTaskMessages: { receive: 'receive', 'sequential-task': 'sequential' },
  signalNames: { 'signal-event': 'anonymous' },
  messageNames: { 'message-event': 'anonymous' },
};

conformanceFeature(corpus, 'stopAndResume', {
  1: async () => {
    // Given a start event with a form, a user task, looped user and receive tasks, a signal and a message event,
    // and a listener that stops the run whenever it waits (unless recovered): the state is saved at each rest
    let collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/stopAndResume-feature__01.bpmn', everyWait);
    const run = (): Scenario => collaboration.instances[0] as Scenario;
    /** When resumed (recovered from the saved state) and signalled. */
    const resumedAnd = (signal: () => void): void => {
      collaboration = collaboration.recover(collaboration.save());
      signal();
    };
    // When ran, then the run has stopped at the start event with the form
    collaboration.start('signalProcess');
    expect(run().active()).toEqual(['start']);
    // When resumed and signalled (a Camunda 8 start form is submitted before the instance exists: nothing to signal)
    resumedAnd(() => undefined);
    // Then the run has stopped at the user task; when resumed and signalled
    expect(run().active()).toEqual(['user-task']);
    resumedAnd(() => collaboration.completeUserTask(run(), 'user-task'));
    // Then the run has stopped at the parallel looped activity; when resumed, every pending iteration is signalled
    expect(openUserTasks(run())).toEqual(['parallell-task', 'parallell-task', 'parallell-task']);
    resumedAnd(() => {
      for (let iteration = 0; iteration < 3; iteration++) collaboration.completeUserTask(run(), 'parallell-task');
    });
    // Then the run has stopped at the receive task; when resumed and signalled (messaged)
    expect(run().subscription('receive').messageName).toBe('receive');
    resumedAnd(() => collaboration.publish('receive'));
    // Then the run has stopped at the first, second and third sequential looped iteration, each resumed and messaged
    for (let iteration = 1; iteration <= 3; iteration++) {
      expect(
        run()
          .subscriptions()
          .map((wait) => wait.elementId),
        `iteration ${iteration}`,
      ).toEqual(['sequential-task']);
      resumedAnd(() => collaboration.publish('sequential'));
    }
    // Then the run has stopped at the anonymous signal event; when resumed and signalled
    expect(run().active()).toEqual(['signal-event']);
    resumedAnd(() => collaboration.broadcast('anonymous'));
    // Then the run has stopped at the anonymous message event; when resumed and signalled (messaged)
    expect(run().active()).toEqual(['message-event']);
    resumedAnd(() => collaboration.publish('anonymous'));
    // Then the run completes
    expect(run().status).toBe('completed');
  },
  3: async () => {
    // Given a task with two timeouts, the first looping back to the previous task
    const run = await given(corpus, 'scenarios/bpmn/stopAndResume-feature__03.bpmn');
    // When ran (the first task signalled) and stopped once the second timer is set, then the state is saved
    run.start().completeUserTask('task1');
    expect(run.timers().map((timer) => timer.elementId)).toEqual(['timeout1', 'timeout2']);
    let saved = saveState(run);
    // When recovered and resumed, and the first timeout kicks, then the state is saved
    let resumed = recover(run, saved);
    fireTimer(resumed, 'timeout1');
    expect(openUserTasks(resumed)).toEqual(['task1']);
    saved = saveState(resumed);
    // When recovered and resumed, the previous task signalled, and the second timeout kicks, state saved
    resumed = recover(resumed, saved);
    resumed.completeUserTask('task1');
    fireTimer(resumed, 'timeout2');
    saved = saveState(resumed);
    // When recovered and resumed, then the run completes (the terminate end event ended it)
    resumed = recover(resumed, saved);
    expect(resumed.status).toBe('completed');
    expect(resumed.completed()).toContain('terminate');
  },
});
