import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize } from './element-label';
import { elementProperty, extensionsOf, stringProperty, type ModdleElement } from './moddle-element';
import type { MessageEventDefinition, TimerEventDefinition } from './process-definition';
import { eventDefinitionsOf } from './supported-elements';

const TIMER_FIELDS = [
  ['timeDate', 'date'],
  ['timeDuration', 'duration'],
  ['timeCycle', 'cycle'],
] as const;

/** The timer or message definition of a catch event; undefined (with an error) when it is incomplete. */
export function buildCatchDefinition(
  element: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): TimerEventDefinition | MessageEventDefinition | undefined {
  const definition = eventDefinitionsOf(element)[0];
  if (definition?.$type === 'bpmn:TimerEventDefinition') return buildTimer(definition, id, subject, context);
  return buildMessage(definition, element, id, subject, context);
}

function buildTimer(
  definition: ModdleElement,
  id: string,
  subject: string,
  context: BuildContext,
): TimerEventDefinition | undefined {
  for (const [field, timerKind] of TIMER_FIELDS) {
    const body = stringProperty(elementProperty(definition, field) ?? definition, 'body');
    if (elementProperty(definition, field) === undefined || body === undefined) continue;
    if (body.trim() === '') break;
    return {
      kind: 'timer',
      timerKind,
      expression: context.expressions.value(body.trim(), id, `the timer of ${subject}`),
    };
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
