// bpmn-elements test/feature/messaging-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { Collaboration } from './collaboration';
import { conformanceFeature } from './feature-suite';
import { given, recover, saveState } from './translation';

const corpus = 'bpmn-elements';

/** The receive task has no incoming flow (it gets a start event); its message gets a correlation key. */
const receiveTask = { startEvents: { mainProcess: ['receive'] }, correlationKeys: { Message1: '"receive"' } };

/** The throw event or end event `send` is a job whose worker sends the message; the participant is executable. */
const toParticipant = { jobs: ['send'], executable: ['participantProcess'] };

/**
 * A throw event sends "Start message" to a participant process that starts with it: the main process, the
 * participant process and every activity complete, each once.
 */
async function startsParticipant(model: string): Promise<void> {
  // Given a message throw (or end) event, and a participant process with a start event waiting for that message
  const collaboration = await Collaboration.of(corpus, model, toParticipant);
  // When the definition is ran (its worker sends the message)
  const main = collaboration.start('mainProcess');
  collaboration.sendMessage(main, 'send', 'Start message');
  // Then the definition completes: the main process completed, and the participant process completed
  expect(main.status).toBe('completed');
  const participants = collaboration.runsOf('participantProcess');
  expect(participants.map((run) => run.status)).toEqual(['completed']);
  // And all activities were taken (once)
  expect(collaboration.completed().sort()).toEqual(['end', 'send', 'start1', 'start2']);
}

/** messaging-feature__02: the intermediate messages get a correlation key (the start message needs none). */
const intermediateMessages = { correlationKeys: { Message2: '"messaging"', Message3: '"messaging"' } };

conformanceFeature(corpus, 'messaging', {
  1: async () => {
    // Given two message start events arriving at the same exclusive gateway (which has no outgoing flow: it gets
    // an end event)
    const collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/messaging-feature__01.bpmn', {
      endEvents: ['gateway'],
    });
    // When the definition is ran, then both start events are waiting for their message
    const [process] = collaboration.processes;
    expect(process?.triggeredStartEventIds).toEqual(['start1', 'start2']);
    expect(collaboration.instances).toEqual([]);
    // When the first start event is signalled (its message arrives), then the definition completes
    collaboration.publish('Start by name');
    const [run, ...others] = collaboration.instances;
    expect(others).toEqual([]);
    expect(run?.status).toBe('completed');
    // And the first start event is taken, the second discarded, and the gateway taken
    expect(run?.completed()).toEqual(['start1', 'gateway', 'end-gateway']);
    expect(collaboration.completed()).not.toContain('start2');
  },
  2: async () => {
    // Given a start event waiting for message 1, then two catch events waiting for messages 2 and 3, into one end
    const collaboration = await Collaboration.of(
      corpus,
      'scenarios/bpmn/messaging-feature__02.bpmn',
      intermediateMessages,
    );
    // When the definition is ran, and messages 2 and 3 are sent (nothing waits for them: they are kept)
    collaboration.publish('Intermediate message 1', {}, true);
    collaboration.publish('Intermediate message 2', {}, true);
    // Then the start is still waiting for message 1
    expect(collaboration.instances).toEqual([]);
    expect(collaboration.processes[0]?.triggeredStartEventIds).toEqual(['start']);
    // When message 1 arrives, then the definition completes: the intermediate catch events took the kept messages
    collaboration.publish('Start message');
    const [first] = collaboration.instances;
    expect(first?.status).toBe('completed');
    expect(
      first
        ?.completed()
        .filter((id) => id.startsWith('interim'))
        .sort(),
    ).toEqual(['interim1', 'interim2']);
    // When the definition is ran again and message 1 arrives, then the catch events wait for their messages
    collaboration.publish('Start message');
    const second = collaboration.instances[1];
    if (!second) throw new Error('message 1 did not start a second instance');
    expect(second.active()).toEqual(['interim1', 'interim2']);
    // When message 3 is sent, then the first intermediate catch event is still waiting
    collaboration.publish('Intermediate message 2');
    expect(second.active()).toEqual(['interim1']);
    // When message 2 is sent, then the definition completes
    collaboration.publish('Intermediate message 1');
    expect(second.status).toBe('completed');
    // And all events were taken: the start and each catch event twice, the end event four times (twice a run)
    const taken = (id: string): number => collaboration.completed().filter((completed) => completed === id).length;
    expect([taken('start'), taken('interim1'), taken('interim2'), taken('end')]).toEqual([2, 2, 2, 4]);
  },
  3: () => startsParticipant('scenarios/bpmn/messaging-feature__03.bpmn'),
  4: () => startsParticipant('scenarios/bpmn/messaging-feature__04.bpmn'),
  5: () => startsParticipant('scenarios/bpmn/messaging-feature__05.bpmn'),
  6: () => startsParticipant('scenarios/bpmn/messaging-feature__06.bpmn'),
  7: async () => {
    // Given a throw event with a message flow to an empty participant lane, and a catch event for its answer
    const collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/messaging-feature__07.bpmn', {
      jobs: ['send'],
    });
    // When the definition is ran (the worker sends "Start message", which no process waits for)
    const main = collaboration.start('mainProcess');
    collaboration.sendMessage(main, 'send', 'Start message');
    // Then the main process waits for the message from the participant
    expect(main.status).toBe('active');
    expect(main.subscription('receive').messageName).toBe('Second message');
    // When a manual procedure sends the message, then the definition completes; all activities were taken
    collaboration.publish('Second message');
    expect(main.status).toBe('completed');
    expect(collaboration.completed()).toEqual(['start1', 'send', 'receive']);
  },
  8: () => startsParticipant('scenarios/bpmn/messaging-feature__08.bpmn'),
  9: async () => {
    const model = 'scenarios/bpmn/messaging-feature__09.bpmn';
    // Given a receive task waiting for a message; when the definition is ran, then it waits for the receive task
    const run = await given(corpus, model, receiveTask);
    run.start();
    expect(run.subscription('receive').messageName).toBe('Start message');
    // When the message is sent, then the definition completed and the receive task completes
    run.correlate('receive');
    expect(run.status).toBe('completed');
    expect(run.completed()).toContain('receive');

    // When ran again and the receive task is signalled (messaged), then the definition completed
    const signalled = await given(corpus, model, receiveTask);
    signalled.start().correlate('receive');
    expect(signalled.status).toBe('completed');

    // When ran again, stopped and the state saved, recovered and resumed
    const stopped = await given(corpus, model, receiveTask);
    stopped.start();
    const resumed = recover(stopped, saveState(stopped));
    // When the message is sent, then the resumed definition completes and the recovered receive task is taken
    resumed.correlate('receive');
    expect(resumed.status).toBe('completed');
    expect(resumed.completed()).toContain('receive');

    // When ran again and the receive task is messaged directly, then the run completes
    const direct = await given(corpus, model, receiveTask);
    direct.start().correlate('receive', { direct: true });
    expect(direct.status).toBe('completed');
  },
  10: async () => {
    // Given a throw event with a message, and two participant processes that start with the same message
    const first = await Collaboration.of(corpus, 'scenarios/bpmn/messaging-feature__10.bpmn', {
      jobs: ['send'],
      executable: ['participantProcess1', 'participantProcess2'],
    });
    // When the definition is ran, then it completes: the main process completed
    const main = first.start('mainProcess');
    first.sendMessage(main, 'send', 'Start message');
    expect(main.status).toBe('completed');
    // And the first participant process has completed, the second has not run; all activities were taken once
    expect(first.runsOf('participantProcess1').map((run) => run.status)).toEqual(['completed']);
    expect(first.runsOf('participantProcess2')).toEqual([]);
    expect(first.completed().sort()).toEqual(['end1', 'send', 'start', 'start1']);

    // Given two throw events with the same message, one after the other, and one participant process
    const second = await Collaboration.of(corpus, 'scenarios/bpmn/messaging-feature__11.bpmn', {
      jobs: ['send1', 'send2'],
      executable: ['participantProcess1'],
    });
    // When the definition is ran, then it completes: the main process completed
    const sender = second.start('mainProcess');
    second.sendMessage(sender, 'send1', 'Start message');
    second.sendMessage(sender, 'send2', 'Start message');
    expect(sender.status).toBe('completed');
    // And a first and a second participant process have completed; all activities were taken once per run
    expect(second.runsOf('participantProcess1').map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(second.runsOf('participantProcess1').map((run) => run.completed())).toEqual([
      ['start1', 'end1'],
      ['start1', 'end1'],
    ]);
  },
  11: async () => {
    // Given an intermediate throw event with a signal (the participant processes are not executable)
    const main = await given(corpus, 'scenarios/bpmn/messaging-feature__12.bpmn');
    // When the definition is ran, then the main process completes, having broadcast the signal
    main.start();
    expect(main.status).toBe('completed');
    expect(main.effects).toContainEqual({
      type: 'broadcast-signal',
      signalName: 'Start message',
      variables: {},
      excludeInstanceKey: 'instance-1',
    });
    expect(main.definition.id).toBe('mainProcess');
  },
  12: async () => {
    // Given a throw event with a message flow to a process that is not executable
    const main = await given(corpus, 'test/resources/messageflow-target-process.bpmn');
    // When ran, then the executable process completes
    main.start();
    expect(main.status).toBe('completed');
    expect(main.definition.id).toBe('Process_1');
  },
});
