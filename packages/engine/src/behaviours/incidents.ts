import type { ElementInstance, IncidentType } from '../instance-state';
import type { Processing } from '../processing';

/** Stops the element where it is and records why; resolving the incident retries the step. */
export function raiseIncident(
  p: Processing,
  element: ElementInstance,
  incidentType: IncidentType,
  message: string,
  jobKey?: number,
): void {
  p.emit({
    type: 'incident-raised',
    incidentKey: p.newKey(),
    elementInstanceKey: element.key,
    elementId: element.elementId,
    incidentType,
    message,
    jobKey,
  });
}
