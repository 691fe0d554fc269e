// bpmn-elements test/feature/issues/issue-32-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { Collaboration } from './collaboration';
import { conformanceFeature } from './feature-suite';

const corpus = 'bpmn-elements';

/** The message throw events are jobs whose workers send the messages. */
const senders = { jobs: ['send-message-1', 'end-event-2'] };

/** A sender sends message1, which starts the receiver; the receiver's end event answers with message2. */
async function signalEachOther(model: string): Promise<void> {
  const collaboration = await Collaboration.of(corpus, model, senders);
  // When the definition is ran: the sender starts (the receiver starts by its message start event)
  const sender = collaboration.start('process-1');
  collaboration.sendMessage(sender, 'send-message-1', 'message1');
  const [receiver, ...others] = collaboration.runsOf('process-2');
  expect(others).toEqual([]);
  if (!receiver) throw new Error('message1 did not start the receiver');
  collaboration.sendMessage(receiver, 'end-event-2', 'message2');
  // Then the run completes: both processes completed
  expect([sender.status, receiver.status]).toEqual(['completed', 'completed']);
  expect(sender.completed()).toEqual(['start-event-1', 'send-message-1', 'wait-for-message2', 'end-event-1']);
}

conformanceFeature(corpus, 'issue-32', {
  1: () => signalEachOther('scenarios/bpmn/issue-32-feature__01.bpmn'),
  2: () => signalEachOther('scenarios/bpmn/issue-32-feature__02.bpmn'),
});
