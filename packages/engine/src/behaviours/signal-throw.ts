import type { SignalEventDefinition } from '@operon/model';
import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import { evaluateSignalName } from './event-waits';

/**
 * Throws a signal: a `broadcast-signal` effect, which the runtime delivers to every instance waiting
 * for a signal of that name, this one included (BPMN 2.0.2 §10.5.5: a signal has no single recipient).
 * As in Camunda 8, the signal carries the throw event's input mappings (its local variables), nothing
 * else. Returns false when the name failed (an incident was raised).
 */
export function broadcastSignal(p: Processing, definition: SignalEventDefinition, element: ElementInstance): boolean {
  const signalName = evaluateSignalName(p, definition, element);
  if (signalName === undefined) return false;
  p.effect({ type: 'broadcast-signal', signalName, variables: p.draft.variables[element.key] ?? {} });
  return true;
}
