import { catchOf, triggerCatch } from '../behaviours/catch-events';
import { scheduleNextFiring } from '../behaviours/event-waits';
import { completeElement, lifecycle } from '../lifecycle';
import type { CommandHandler } from './command-handler';

/**
 * A timer is due. A timer catch event moves on; a boundary timer or an event sub-process's timer
 * start event is triggered, and a non-interrupting one with a cycle is scheduled again.
 * The runtime sends this when the due time has passed.
 */
export const triggerTimer: CommandHandler<'trigger-timer'> = (p, command) => {
  const timer = p.draft.timers[command.timerKey];
  const holder = timer && p.element(timer.elementInstanceKey);
  if (!timer || !holder) {
    return {
      code: 'TIMER_NOT_FOUND',
      message: `Timer ${command.timerKey} does not exist in this instance, or has already fired or been cancelled.`,
    };
  }
  p.emit({ type: 'timer-triggered', timerKey: timer.key });
  const caught = catchOf(p, holder, timer.elementId);
  if (!caught) {
    completeElement(p, timer.elementInstanceKey);
    return undefined;
  }
  if (!caught.interrupting) scheduleNextFiring(p, timer);
  triggerCatch(p, lifecycle(p), caught, {});
  return undefined;
};
