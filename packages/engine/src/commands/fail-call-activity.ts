import { requestChildInstance, waitingCallActivity } from '../behaviours/child-instance';
import { raiseIncident } from '../behaviours/incidents';
import { IncidentType, type ElementInstance } from '../instance-state';
import type { Processing } from '../processing';
import type { CommandHandler } from './command-handler';

/**
 * The child instance could not be created (the process is not deployed) or was cancelled on its own:
 * an incident on the call activity. Resolving it starts a new child (`retryCallActivity`).
 */
export const failCallActivity: CommandHandler<'fail-call-activity'> = (p, command) => {
  const found = waitingCallActivity(p, command.elementInstanceKey, command.childInstanceKey);
  if ('code' in found) return found;
  if (found.element.incidentKey === undefined) {
    raiseIncident(p, found.element, IncidentType.calledElement, command.message);
  }
  return undefined;
};

/** After a CALLED_ELEMENT_ERROR incident is resolved: a new child instance, under a new key. */
export function retryCallActivity(p: Processing, element: ElementInstance): void {
  const node = p.node(element.elementId);
  if (node.kind === 'callActivity') requestChildInstance(p, node, element);
}
