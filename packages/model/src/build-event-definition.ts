import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize } from './element-label';
import { elementId, elementProperty, extensionsOf, stringProperty, type ModdleElement } from './moddle-element';
import type {
  CancelEventDefinition,
  CompensationThrowDefinition,
  ConditionalEventDefinition,
  ErrorCatchDefinition,
  ErrorThrowDefinition,
  EscalationCatchDefinition,
  EscalationThrowDefinition,
  LinkEventDefinition,
  MessageEventDefinition,
  ScopeTriggerDefinition,
  SignalEventDefinition,
  TimerEventDefinition,
} from './process-definition';
import { eventDefinitionsOf } from './supported-elements';

const TIMER_FIELDS = [
  ['timeDate', 'date'],
  ['timeDuration', 'duration'],
  ['timeCycle', 'cycle'],
] as const;

/**
 * The trigger of a catching event (intermediate catch, boundary, event sub-process start): timer, message,
 * error, escalation, signal or link. Undefined (with an error) when it is incomplete.
 */
export function buildCatchDefinition(
  element: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): ScopeTriggerDefinition | LinkEventDefinition | undefined {
  const definition = eventDefinitionsOf(element)[0];
  switch (definition?.$type) {
    case 'bpmn:TimerEventDefinition':
      return buildTimer(definition, element, id, subject, context);
    case 'bpmn:ErrorEventDefinition':
      return buildErrorCatch(definition);
    case 'bpmn:EscalationEventDefinition':
      return buildEscalationCatch(definition);
    case 'bpmn:SignalEventDefinition':
      return buildSignal(definition, id, subject, context);
    case 'bpmn:LinkEventDefinition':
      return buildLink(definition, id, subject, context);
    case 'bpmn:ConditionalEventDefinition':
      return buildConditional(definition, id, subject, context);
    case 'bpmn:CompensateEventDefinition':
      return { kind: 'compensation' };
    case 'bpmn:CancelEventDefinition':
      return { kind: 'cancel' };
    default:
      return buildMessage(definition, element, id, subject, context);
  }
}

/** What a throwing event (end or intermediate throw) throws; undefined for none and terminate. */
export function buildThrowDefinition(
  element: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
):
  | ErrorThrowDefinition
  | EscalationThrowDefinition
  | SignalEventDefinition
  | LinkEventDefinition
  | CompensationThrowDefinition
  | CancelEventDefinition
  | undefined {
  const definition = eventDefinitionsOf(element)[0];
  switch (definition?.$type) {
    case 'bpmn:CompensateEventDefinition':
      return buildCompensationThrow(definition);
    case 'bpmn:CancelEventDefinition':
      return { kind: 'cancel' };
    case 'bpmn:ErrorEventDefinition':
      return buildErrorThrow(definition, id, subject, context);
    case 'bpmn:EscalationEventDefinition':
      return buildEscalationThrow(definition, id, subject, context);
    case 'bpmn:SignalEventDefinition':
      return buildSignal(definition, id, subject, context);
    case 'bpmn:LinkEventDefinition':
      return buildLink(definition, id, subject, context);
    default:
      return undefined;
  }
}

/** `activityRef` (checked against the scope in validate-compensation.ts); `waitForCompletion` defaults to true. */
function buildCompensationThrow(definition: ModdleElement): CompensationThrowDefinition {
  const activity = elementProperty(definition, 'activityRef');
  return {
    kind: 'compensation',
    activityId: activity === undefined ? undefined : elementId(activity),
    waitForCompletion: definition['waitForCompletion'] !== false,
  };
}

function buildErrorCatch(definition: ModdleElement): ErrorCatchDefinition {
  const error = elementProperty(definition, 'errorRef');
  return { kind: 'error', errorCode: error ? stringProperty(error, 'errorCode')?.trim() : undefined };
}

function buildEscalationCatch(definition: ModdleElement): EscalationCatchDefinition {
  const escalation = elementProperty(definition, 'escalationRef');
  return {
    kind: 'escalation',
    escalationCode: escalation ? stringProperty(escalation, 'escalationCode')?.trim() : undefined,
  };
}

function buildErrorThrow(
  definition: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): ErrorThrowDefinition | undefined {
  const error = elementProperty(definition, 'errorRef');
  const code = error ? stringProperty(error, 'errorCode') : undefined;
  if (error === undefined || code === undefined) {
    context.diagnostics.error(
      DiagnosticCode.ERROR_CODE_MISSING,
      id,
      `${capitalize(subject)} throws an error without an error code. Reference a bpmn:error with an errorCode ` +
        '(in Camunda Modeler: Error > Code), e.g. errorCode="PAYMENT_FAILED", that a boundary event can catch.',
    );
    return undefined;
  }
  return {
    kind: 'error',
    errorCode: context.expressions.value(code.trim(), id, `the error code of ${subject}`),
    errorMessage: stringProperty(error, 'name'),
  };
}

function buildEscalationThrow(
  definition: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): EscalationThrowDefinition | undefined {
  const escalation = elementProperty(definition, 'escalationRef');
  const code = escalation ? stringProperty(escalation, 'escalationCode') : undefined;
  if (escalation === undefined || code === undefined) {
    context.diagnostics.error(
      DiagnosticCode.ESCALATION_CODE_MISSING,
      id,
      `${capitalize(subject)} throws an escalation without an escalation code. Reference a bpmn:escalation with ` +
        'an escalationCode (in Camunda Modeler: Escalation > Code), e.g. escalationCode="LATE".',
    );
    return undefined;
  }
  return {
    kind: 'escalation',
    escalationCode: context.expressions.value(code.trim(), id, `the escalation code of ${subject}`),
  };
}

function buildSignal(
  definition: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): SignalEventDefinition | undefined {
  const signal = elementProperty(definition, 'signalRef');
  const name = signal ? stringProperty(signal, 'name') : undefined;
  if (name === undefined) {
    context.diagnostics.error(
      DiagnosticCode.SIGNAL_MISSING,
      id,
      `${capitalize(subject)} does not name a signal. Reference a bpmn:signal with a name ` +
        '(in Camunda Modeler: Signal > Name), e.g. name="stock-arrived".',
    );
    return undefined;
  }
  return { kind: 'signal', signalName: context.expressions.value(name.trim(), id, `the signal name of ${subject}`) };
}

function buildLink(
  definition: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): LinkEventDefinition | undefined {
  const name = stringProperty(definition, 'name');
  if (name === undefined) {
    context.diagnostics.error(
      DiagnosticCode.LINK_INVALID,
      id,
      `${capitalize(subject)} is a link event without a name. Give the throwing and the catching link event ` +
        'the same name, e.g. name="to-review".',
    );
    return undefined;
  }
  return { kind: 'link', linkName: name.trim() };
}

function buildConditional(
  definition: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): ConditionalEventDefinition | undefined {
  const body = stringProperty(elementProperty(definition, 'condition') ?? definition, 'body');
  if (elementProperty(definition, 'condition') === undefined || body === undefined || body.trim() === '') {
    context.diagnostics.error(
      DiagnosticCode.CONDITION_MISSING,
      id,
      `${capitalize(subject)} is a conditional event without a condition. Add a FEEL condition, e.g. =amount > 100.`,
    );
    return undefined;
  }
  return { kind: 'conditional', condition: context.expressions.feel(body, id, `the condition of ${subject}`) };
}

function buildTimer(
  definition: ModdleElement,
  event: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): TimerEventDefinition | undefined {
  for (const [field, timerKind] of TIMER_FIELDS) {
    const body = stringProperty(elementProperty(definition, field) ?? definition, 'body');
    if (elementProperty(definition, field) === undefined || body === undefined) continue;
    if (body.trim() === '') break;
    const timer: TimerEventDefinition = {
      kind: 'timer',
      timerKind,
      expression: context.expressions.value(body.trim(), id, `the timer of ${subject}`),
    };
    // as Zeebe: static timers are checked at deployment, and a process's timer start event is evaluated then
    const atProcessStart =
      event.$type === 'bpmn:StartEvent' && (event.$parent as ModdleElement | undefined)?.$type === 'bpmn:Process';
    const problem = context.checkTimer?.({ timerKind, value: timer.expression, evaluatedAtDeploy: atProcessStart });
    if (problem !== undefined) {
      context.diagnostics.error(
        DiagnosticCode.TIMER_INVALID,
        id,
        `${capitalize(subject)} has an invalid timer: ${problem}`,
      );
      return undefined;
    }
    return timer;
  }
  context.diagnostics.error(
    DiagnosticCode.TIMER_MISSING,
    id,
    `${capitalize(subject)} has a timer without a time. Set a date (e.g. 2026-12-24T09:00:00Z), a duration ` +
      '(e.g. PT15M) or a cycle (e.g. R3/PT10M, or a cron expression such as 0 0 9 * * MON-FRI).',
  );
  return undefined;
}

/** For a receive task the message hangs off the task; for a catch event off its message event definition. */
export function buildMessage(
  definition: ModdleElement | undefined,
  owner: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): MessageEventDefinition | undefined {
  const message = elementProperty(definition ?? owner, 'messageRef');
  const name = message ? stringProperty(message, 'name') : undefined;
  if (message === undefined || name === undefined || name.trim() === '') {
    context.diagnostics.error(
      DiagnosticCode.MESSAGE_MISSING,
      id,
      `${capitalize(subject)} does not name a message. Reference a bpmn:message with a name ` +
        '(in Camunda Modeler: Message > Name), and give it a correlation key.',
    );
    return undefined;
  }
  const subscription = extensionsOf(message).find((extension) => extension.$type === 'zeebe:Subscription');
  const correlationKey = subscription ? stringProperty(subscription, 'correlationKey') : undefined;
  return {
    kind: 'message',
    messageName: context.expressions.value(name, id, `the message name of ${subject}`),
    correlationKey:
      correlationKey === undefined || correlationKey.trim() === ''
        ? undefined
        : context.expressions.value(correlationKey, id, `the correlation key of ${subject}`),
  };
}
