// bpmn-elements test/feature/EventBasedGateway-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, recover, saveState } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'EventBasedGateway', {
  2: async () => {
    // Given a user task, then a gateway to a timeout and a message catch event (the anonymous error end event
    // after the timeout is given a code; the message a correlation key)
    const run = await given(corpus, 'scenarios/bpmn/EventBasedGateway-feature__01.bpmn', {
      codes: { timedout: 'TIMED_OUT' },
      correlationKeys: { Message_1: '"continue"' },
    });
    // When the definition is ran, and the user task signalled
    run.start().completeUserTask('userTask');
    // Then the message event is waiting and the timer is started
    expect(run.subscription('messageEvent').messageName).toBe('Continue Message');
    expect(run.timer('timerEvent').dueAt).toBe(60_000);
    // Given the state is saved; when the definition is resumed and signalled (the message arrives)
    const resumed = recover(run, saveState(run));
    resumed.correlate('messageEvent');
    // Then the definition completes its run
    expect(resumed.status).toBe('completed');
    expect(resumed.completed()).toEqual(expect.arrayContaining(['task1', 'end']));
  },
});
