import { completeElement } from '../lifecycle';
import type { CommandHandler } from './command-handler';

/** A timer is due: the waiting element moves on. The runtime sends this when the due time has passed. */
export const triggerTimer: CommandHandler<'trigger-timer'> = (p, command) => {
  const timer = p.draft.timers[command.timerKey];
  if (!timer) {
    return {
      code: 'TIMER_NOT_FOUND',
      message: `Timer ${command.timerKey} does not exist in this instance, or has already fired or been cancelled.`,
    };
  }
  p.emit({ type: 'timer-triggered', timerKey: timer.key });
  completeElement(p, timer.elementInstanceKey);
  return undefined;
};
