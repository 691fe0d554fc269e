// bpmn-elements test/feature/EventBasedGateway-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, recover, saveState, timesCompleted, wasActivated } from './translation';

const corpus = 'bpmn-elements';

/** event-based-gateway.bpmn: a gateway to a signal event (then a task) and a one-minute timer, joined in parallel. */
const gatewayModel = 'test/resources/event-based-gateway.bpmn';

/** The signal subscription the gateway opened for its signal event. */
function signalWait(run: Scenario): { key: number; signalName: string } | undefined {
  return Object.values(run.state?.signalSubscriptions ?? {}).find((wait) => wait.elementId === 'signalEvent');
}

/** The signal is broadcast: the runtime delivers it to the gateway's subscription. */
function signal(run: Scenario): void {
  const wait = signalWait(run);
  if (!wait) throw new Error('no signal subscription for signalEvent');
  run.when({ type: 'trigger-signal', subscriptionKey: wait.key });
}

conformanceFeature(corpus, 'EventBasedGateway', {
  1: async () => {
    // Given a process with a gateway and intermediate catch events
    const run = await given(corpus, gatewayModel);
    // When the process is ran, then the timer is started and the signal event is waiting for its signal
    run.start();
    expect(run.timer('timerEvent').dueAt).toBe(60_000);
    expect(signalWait(run)?.signalName).toBe('signalEvent');
    // When the process receives the signal, then the timer is discarded
    signal(run);
    expect(run.timers()).toEqual([]);
    expect(wasActivated(run, 'timerEvent')).toBe(false);
    // And the process completes its run
    expect(run.status).toBe('completed');

    // When the process is ran again, then the timer is started and the signal event is waiting
    const again = await given(corpus, gatewayModel);
    again.start();
    expect(again.timer('timerEvent').dueAt).toBe(60_000);
    expect(signalWait(again)?.signalName).toBe('signalEvent');
    // When the timer is cancelled (bpmn-elements' cancelActivity completes it through its outgoing flow: the timer
    // fires), then the timer is taken and the signal discarded
    fireTimer(again, 'timerEvent');
    expect(timesCompleted(again, 'timerEvent')).toBe(1);
    expect(wasActivated(again, 'signalEvent')).toBe(false);
    expect(signalWait(again)).toBeUndefined();
    // And the process completes its run
    expect(again.status).toBe('completed');
  },

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

  3: async () => {
    // Given a process with a gateway and intermediate catch events
    const run = await given(corpus, gatewayModel);
    // When the process is ran, then the timer is started and the signal event is waiting for its signal
    run.start();
    expect(run.timer('timerEvent').dueAt).toBe(60_000);
    expect(signalWait(run)?.signalName).toBe('signalEvent');
    // When the process is stopped (its state saved) and resumed
    const resumed = recover(run, saveState(run));
    // Then the signal event is still waiting, and the timer is restarted (still due)
    expect(signalWait(resumed)?.signalName).toBe('signalEvent');
    expect(resumed.timer('timerEvent').dueAt).toBe(60_000);
    // And the process is signalled; then the timer is discarded
    signal(resumed);
    expect(resumed.timers()).toEqual([]);
    expect(wasActivated(resumed, 'timerEvent')).toBe(false);
    // And the process completes its run
    expect(resumed.status).toBe('completed');
  },
});
