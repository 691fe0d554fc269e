import { parseIsoDateTime } from './iso-date-time';
import { addIsoDuration, isZeroDuration, parseIsoDuration, type IsoDuration } from './iso-duration';
import { notParsed, parsed, quoted, type Parsed } from './parse-result';

/**
 * An ISO 8601 repeating interval as Camunda 8 reads it: `R[n]/<duration>` or
 * `R[n]/<start date-time>/<duration>`. `R/…` repeats for ever; `R0` fires once, like `R1`, as in
 * Camunda 8.
 */
export interface RepeatingInterval {
  /** How often the timer fires in all; undefined = for ever. */
  readonly repetitions: number | undefined;
  /** When the first firing is due; undefined = one interval after the timer is scheduled. */
  readonly start: number | undefined;
  readonly interval: IsoDuration;
}

export const CYCLE_EXAMPLE =
  'R/PT1H (every hour, for ever), R3/PT10M (3 times, 10 minutes apart), ' +
  'R/2026-12-24T09:00:00Z/P1D (daily from a start) or a cron expression such as 0 0 9 * * MON-FRI';

const REPEATING = /^R([^/]*)\/(.*)$/i;
/** Camunda 8 keeps the count in a Java int. */
const MAX_REPETITIONS = 2_147_483_647;

export function parseRepeatingInterval(text: string): Parsed<RepeatingInterval> {
  const match = REPEATING.exec(text);
  if (match === null) return notParsed(cycleMessage(text, /^R/i.test(text) ? "no '/' follows the R" : undefined));
  const [, count = '', rest = ''] = match;
  if (!/^\d*$/.test(count)) {
    return notParsed(
      cycleMessage(text, `after R comes how often it fires, a whole number such as R3, or nothing (for ever)`),
    );
  }
  const repetitions = count === '' ? undefined : Math.max(1, Number(count));
  if (repetitions !== undefined && repetitions > MAX_REPETITIONS) {
    return notParsed(cycleMessage(text, `it repeats more than ${MAX_REPETITIONS} times; write R/… to repeat for ever`));
  }
  // The start may itself hold a '/' (`[Europe/Berlin]`), so the duration is what follows the last one.
  const lastSlash = rest.endsWith(']') ? -1 : rest.lastIndexOf('/');
  const startText = lastSlash === -1 ? undefined : rest.slice(0, lastSlash);
  const durationText = lastSlash === -1 ? rest : rest.slice(lastSlash + 1);
  if (durationText === '' || /^\d{4}-/.test(durationText)) {
    return notParsed(cycleMessage(text, 'it must end with the interval, a duration such as PT1H'));
  }

  const interval = parseIsoDuration(durationText);
  if (!interval.ok) return notParsed(`In the timer cycle ${quoted(text)}, ${interval.message}`);
  if (isZeroDuration(interval.value)) {
    return notParsed(cycleMessage(text, 'its interval is zero, so it would fire endlessly at once'));
  }
  if (startText === undefined) return parsed({ repetitions, start: undefined, interval: interval.value });

  const start = parseIsoDateTime(startText);
  if (!start.ok) return notParsed(`In the timer cycle ${quoted(text)}, the start ${start.message}`);
  return parsed({ repetitions, start: start.value, interval: interval.value });
}

/**
 * When the cycle first fires: at its start, or one interval after `now` when it has none. A start
 * already past fires at once (`now`), as in Camunda 8.
 */
export function firstRepeatTime(cycle: RepeatingInterval, now: number): number {
  if (cycle.start === undefined) return addIsoDuration(cycle.interval, now);
  return Math.max(cycle.start, now);
}

/**
 * When a cycle that last fired at `lastDueAt` fires next: one interval later, calendar-aware (P1M
 * from 31 January is the end of February). If that is already past (the timer fired late, missing
 * whole intervals), one interval after `now` instead, so that it does not fire again at once —
 * Camunda 8 re-anchors the same way.
 */
export function nextRepeatTime(interval: IsoDuration, lastDueAt: number, now: number): number {
  const natural = addIsoDuration(interval, lastDueAt);
  return natural > now ? natural : addIsoDuration(interval, now);
}

/** The message for a text that is no timer cycle; `reason` says what is wrong, if known. */
export function cycleMessage(text: string, reason: string | undefined): string {
  const because = reason === undefined ? '' : ` (${reason})`;
  return `${quoted(text)} is not a timer cycle${because}; write e.g. ${CYCLE_EXAMPLE}.`;
}
