import type { MessageEventDefinition, TimerEventDefinition } from '@operon/model';
import { IncidentType, type ElementInstance, type Timer } from '../instance-state';
import type { Processing } from '../processing';
import { scheduleTimer, type TimerSchedule } from '../timers/index';
import { describeFailure, evaluateValue, expressionText } from './expressions';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

/**
 * What a waiting event needs from the outside world: a durable timer or a message subscription.
 * Both are released when the element leaves (completes or is terminated).
 */

/** Schedules the element's timer; false when the timer expression failed (an incident was raised). */
export function scheduleElementTimer(
  p: Processing,
  definition: TimerEventDefinition,
  element: ElementInstance,
): boolean {
  const value = evaluateValue(p, definition.expression, visibleVariables(p, element.key));
  const text =
    value.ok && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : undefined;
  if (text === undefined) {
    raiseIncident(
      p,
      element,
      IncidentType.expression,
      `The timer '${expressionText(definition.expression)}' of '${element.elementId}' must give an ISO 8601 ${definition.timerKind}: ${describeFailure(value)}.`,
    );
    return false;
  }
  const scheduled = scheduleTimer(definition.timerKind, text, p.context.now);
  if (!scheduled.ok) {
    raiseIncident(
      p,
      element,
      IncidentType.expression,
      `The timer of '${element.elementId}' is invalid: ${scheduled.message}`,
    );
    return false;
  }
  const timer: Timer = {
    key: p.newKey(),
    elementInstanceKey: element.key,
    elementId: element.elementId,
    ...firstFiring(scheduled.schedule),
  };
  p.emit({ type: 'timer-scheduled', timer });
  p.effect({ type: 'schedule-timer', timer });
  return true;
}

function firstFiring(schedule: TimerSchedule): Pick<Timer, 'dueAt' | 'repetitionsLeft' | 'intervalMs'> {
  switch (schedule.kind) {
    case 'once':
      return { dueAt: schedule.dueAt, repetitionsLeft: 0, intervalMs: undefined };
    case 'repeat':
      return {
        dueAt: schedule.firstDueAt,
        repetitionsLeft: schedule.repetitions === undefined ? undefined : schedule.repetitions - 1,
        intervalMs: schedule.intervalMs,
      };
    case 'cron':
      return { dueAt: schedule.firstDueAt, repetitionsLeft: undefined, intervalMs: undefined };
  }
}

/** Opens the element's message subscription; false when the name or correlation key failed. */
export function openElementSubscription(
  p: Processing,
  definition: MessageEventDefinition,
  element: ElementInstance,
): boolean {
  const variables = visibleVariables(p, element.key);
  const name = evaluateValue(p, definition.messageName, variables);
  if (!name.ok || typeof name.value !== 'string' || name.value === '') {
    raiseIncident(
      p,
      element,
      IncidentType.expression,
      `The message name '${expressionText(definition.messageName)}' of '${element.elementId}' must give text: ${describeFailure(name)}.`,
    );
    return false;
  }
  let correlationKey = '';
  if (definition.correlationKey) {
    const key = evaluateValue(p, definition.correlationKey, variables);
    if (!key.ok || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
      raiseIncident(
        p,
        element,
        IncidentType.expression,
        `The correlation key '${expressionText(definition.correlationKey)}' of '${element.elementId}' must give text or a number: ${describeFailure(key)}. Set the variable it reads, then resolve the incident.`,
      );
      return false;
    }
    correlationKey = String(key.value);
  }
  const subscription = {
    key: p.newKey(),
    elementInstanceKey: element.key,
    elementId: element.elementId,
    messageName: name.value,
    correlationKey,
  };
  p.emit({ type: 'subscription-opened', subscription });
  p.effect({ type: 'open-subscription', subscription });
  return true;
}

/** Cancels the element's timers and closes its subscriptions. */
export function releaseEventWaits(p: Processing, element: ElementInstance): void {
  for (const timer of Object.values(p.draft.timers)) {
    if (timer.elementInstanceKey !== element.key) continue;
    p.emit({ type: 'timer-cancelled', timerKey: timer.key });
    p.effect({ type: 'cancel-timer', timerKey: timer.key });
  }
  for (const subscription of Object.values(p.draft.subscriptions)) {
    if (subscription.elementInstanceKey !== element.key) continue;
    p.emit({ type: 'subscription-closed', subscriptionKey: subscription.key });
    p.effect({ type: 'close-subscription', subscriptionKey: subscription.key });
  }
}
