// Compensation and cancel events (BPMN 2.0.2 §10.5.5, §10.3.5), apart from process-definition.ts to keep it short.

/**
 * `bpmn:compensateEventDefinition` on a boundary event (its handler is the activity it is associated with) or on
 * the start event of a compensation event sub-process: reached by compensation, never by a wait.
 */
export interface CompensationCatchDefinition {
  readonly kind: 'compensation';
}

/**
 * `bpmn:compensateEventDefinition` on a throw event (intermediate or end): compensates `activityId`, or every
 * completed activity of its scope. `waitForCompletion` is read but Operon, like Camunda 8, always waits.
 */
export interface CompensationThrowDefinition {
  readonly kind: 'compensation';
  readonly activityId: string | undefined;
  readonly waitForCompletion: boolean;
}

/** `bpmn:cancelEventDefinition`: a cancel end event inside a transaction, or the cancel boundary event on it. */
export interface CancelEventDefinition {
  readonly kind: 'cancel';
}
