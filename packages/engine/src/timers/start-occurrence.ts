import type { TimerSchedule } from './timer-schedule';
import { nextCronTime } from './cron-next';
import { addIsoDuration } from './iso-duration';

/** At most this many occurrences are stepped through to catch up; older ones are skipped at once. */
const MAX_STEPS = 100_000;

/**
 * For a timer start event scheduled from `schedule` (its first firing computed at the anchor, the
 * deployment): the latest occurrence due at `now` (undefined when none is due yet) and the next one after
 * `now` (undefined when the timer is done). The runtime starts one instance per occurrence under a key
 * derived from it, so a restart neither repeats one nor, for the latest, misses it.
 */
export function timerStartOccurrence(
  schedule: TimerSchedule,
  now: number,
): { readonly due: number | undefined; readonly next: number | undefined } {
  if (schedule.kind === 'once') {
    return schedule.dueAt <= now ? { due: schedule.dueAt, next: undefined } : { due: undefined, next: schedule.dueAt };
  }
  let due: number | undefined;
  let next: number | undefined = schedule.firstDueAt;
  let left = schedule.kind === 'repeat' ? schedule.repetitions : undefined;
  for (let step = 0; next !== undefined && next <= now && step < MAX_STEPS; step++) {
    due = next;
    if (left !== undefined && --left <= 0) return { due, next: undefined };
    next = schedule.kind === 'repeat' ? addIsoDuration(schedule.interval, due) : nextCronTime(schedule.cron, due);
  }
  return { due, next };
}
