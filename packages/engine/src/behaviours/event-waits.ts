import type {
  ConditionalEventDefinition,
  MessageEventDefinition,
  SignalEventDefinition,
  TimerEventDefinition,
} from '@operon/model';
import {
  IncidentType,
  type ElementInstance,
  type MessageSubscription,
  type SignalSubscription,
  type Timer,
} from '../instance-state';
import type { Processing } from '../processing';
import { nextCronTime, nextRepeatTime, scheduleTimer, type TimerSchedule } from '../timers/index';
import { describeFailure, evaluateValue, expressionText } from './expressions';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

/**
 * What a waiting event needs from the outside world: a durable timer or a message subscription.
 * `element` holds the wait (a catch event itself, an activity for its boundary events, a scope for its
 * event sub-processes); `eventId` is the event the wait triggers. Both are released when the holder
 * leaves (completes or is terminated).
 */

/** Schedules a timer; false when the timer expression failed (an incident was raised). */
export function scheduleElementTimer(
  p: Processing,
  definition: TimerEventDefinition,
  element: ElementInstance,
  eventId: string = element.elementId,
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
    elementId: eventId,
    ...firstFiring(scheduled.schedule),
  };
  p.emit({ type: 'timer-scheduled', timer });
  p.effect({ type: 'schedule-timer', timer });
  return true;
}

function firstFiring(schedule: TimerSchedule): Pick<Timer, 'dueAt' | 'repetitionsLeft' | 'intervalMs' | 'cycle'> {
  switch (schedule.kind) {
    case 'once':
      return { dueAt: schedule.dueAt, repetitionsLeft: 0, intervalMs: undefined };
    case 'repeat':
      return {
        dueAt: schedule.firstDueAt,
        repetitionsLeft: schedule.repetitions === undefined ? undefined : schedule.repetitions - 1,
        intervalMs: schedule.intervalMs,
        cycle: { kind: 'repeat', interval: schedule.interval },
      };
    case 'cron':
      return {
        dueAt: schedule.firstDueAt,
        repetitionsLeft: undefined,
        intervalMs: undefined,
        cycle: { kind: 'cron', cron: schedule.cron },
      };
  }
}

/**
 * After a cycle fired for an event that keeps waiting (a non-interrupting boundary or event sub-process):
 * schedules its next firing under a new key, while repetitions are left.
 */
export function scheduleNextFiring(p: Processing, fired: Timer): void {
  if (fired.cycle === undefined || fired.repetitionsLeft === 0) return;
  const now = p.context.now;
  const dueAt =
    fired.cycle.kind === 'repeat'
      ? nextRepeatTime(fired.cycle.interval, fired.dueAt, now)
      : nextCronTime(fired.cycle.cron, Math.max(now, fired.dueAt));
  if (dueAt === undefined) return;
  const timer: Timer = {
    ...fired,
    key: p.newKey(),
    dueAt,
    repetitionsLeft: fired.repetitionsLeft === undefined ? undefined : fired.repetitionsLeft - 1,
  };
  p.emit({ type: 'timer-scheduled', timer });
  p.effect({ type: 'schedule-timer', timer });
}

/** After a message was correlated to an event that keeps waiting: the same subscription opens again. */
export function reopenSubscription(p: Processing, correlated: MessageSubscription): void {
  const subscription = { ...correlated, key: p.newKey() };
  p.emit({ type: 'subscription-opened', subscription });
  p.effect({ type: 'open-subscription', subscription });
}

/** Opens a message subscription; false when the name or correlation key failed (an incident was raised). */
export function openElementSubscription(
  p: Processing,
  definition: MessageEventDefinition,
  element: ElementInstance,
  eventId: string = element.elementId,
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
    elementId: eventId,
    messageName: name.value,
    correlationKey,
  };
  p.emit({ type: 'subscription-opened', subscription });
  p.effect({ type: 'open-subscription', subscription });
  return true;
}

/** Opens a signal subscription; false when the signal name failed (an incident was raised). */
export function openSignalSubscription(
  p: Processing,
  definition: SignalEventDefinition,
  element: ElementInstance,
  eventId: string = element.elementId,
): boolean {
  const signalName = evaluateSignalName(p, definition, element);
  if (signalName === undefined) return false;
  const subscription = { key: p.newKey(), elementInstanceKey: element.key, elementId: eventId, signalName };
  p.emit({ type: 'signal-subscription-opened', subscription });
  p.effect({ type: 'open-signal-subscription', subscription });
  return true;
}

/** After a signal reached an event that keeps waiting: the same signal subscription opens again. */
export function reopenSignalSubscription(p: Processing, received: SignalSubscription): void {
  const subscription = { ...received, key: p.newKey() };
  p.emit({ type: 'signal-subscription-opened', subscription });
  p.effect({ type: 'open-signal-subscription', subscription });
}

/** The signal's name as text; undefined when it failed (an incident was raised). */
export function evaluateSignalName(
  p: Processing,
  definition: SignalEventDefinition,
  element: ElementInstance,
): string | undefined {
  const name = evaluateValue(p, definition.signalName, visibleVariables(p, element.key));
  if (name.ok && typeof name.value === 'string' && name.value !== '') return name.value;
  raiseIncident(
    p,
    element,
    IncidentType.expression,
    `The signal name '${expressionText(definition.signalName)}' of '${element.elementId}' must give text: ${describeFailure(name)}.`,
  );
  return undefined;
}

/**
 * Opens a conditional event's wait; `satisfied` starts false, so a condition that already holds triggers at
 * the end of this command (conditions.ts), as BPMN's conditional catch event completes when it holds on arrival.
 */
export function openConditionWait(
  p: Processing,
  definition: ConditionalEventDefinition,
  element: ElementInstance,
  eventId: string = element.elementId,
  satisfied = false,
): void {
  const wait = {
    key: p.newKey(),
    elementInstanceKey: element.key,
    elementId: eventId,
    condition: definition.condition,
    satisfied,
  };
  p.emit({ type: 'condition-wait-opened', wait });
}

/** Cancels the timers and closes the subscriptions the element holds. */
export function releaseEventWaits(p: Processing, element: ElementInstance): void {
  for (const wait of Object.values(p.draft.conditionWaits)) {
    if (wait.elementInstanceKey === element.key) p.emit({ type: 'condition-wait-closed', waitKey: wait.key });
  }
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
  for (const subscription of Object.values(p.draft.signalSubscriptions)) {
    if (subscription.elementInstanceKey !== element.key) continue;
    p.emit({ type: 'signal-subscription-closed', subscriptionKey: subscription.key });
    p.effect({ type: 'close-signal-subscription', subscriptionKey: subscription.key });
  }
}
