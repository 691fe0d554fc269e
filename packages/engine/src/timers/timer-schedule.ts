import { parseCronExpression, type CronExpression } from './cron-expression';
import { CRON_SEARCH_DAYS, nextCronTime } from './cron-next';
import { cycleMessage, firstRepeatTime, parseRepeatingInterval } from './iso-cycle';
import { parseIsoDateTime } from './iso-date-time';
import { addIsoDuration, fixedLengthMs, parseIsoDuration, type IsoDuration } from './iso-duration';
import { quoted } from './parse-result';
import { isWithinSupportedRange } from './utc-calendar';

/** Which BPMN timer definition the text came from: `timeDate`, `timeDuration` or `timeCycle`. */
export type TimerDefinitionKind = 'date' | 'duration' | 'cycle';

/** When a timer fires, in milliseconds since the epoch (UTC). */
export type TimerSchedule =
  | { readonly kind: 'once'; readonly dueAt: number }
  | {
      readonly kind: 'repeat';
      readonly firstDueAt: number;
      /** The interval as written; step from one firing to the next with `nextRepeatTime`. */
      readonly interval: IsoDuration;
      /** The interval's fixed length; undefined when it has years or months, whose length varies (P1M). */
      readonly intervalMs: number | undefined;
      /** How often it fires in all; undefined = for ever. */
      readonly repetitions: number | undefined;
    }
  | { readonly kind: 'cron'; readonly cron: CronExpression; readonly firstDueAt: number };

export type ScheduleResult =
  { readonly ok: true; readonly schedule: TimerSchedule } | { readonly ok: false; readonly message: string };

/**
 * Turns the text of a BPMN timer, as Camunda 8 accepts it, into its due times, counted from `now`.
 * Never throws: malformed text gives a message for the modeller that shows a valid example.
 *
 * - `date`: an ISO 8601 date-time (`2026-12-24T10:00:00Z`, `…+01:00`, `…[Europe/Berlin]`); without a
 *   zone it is read as UTC. A date already past is still its due time (it fires at once).
 * - `duration`: an ISO 8601 duration after `now` (`PT10M`, `P1DT2H`, `P1M`), calendar-wise in UTC.
 * - `cycle`: `R[n]/<duration>`, `R[n]/<start>/<duration>`, or a Spring cron expression evaluated in
 *   UTC (`0 0 9-17 * * MON-FRI`, `@daily`).
 */
export function scheduleTimer(kind: TimerDefinitionKind, text: string, now: number): ScheduleResult {
  const trimmed = text.trim();
  switch (kind) {
    case 'date': {
      const dueAt = parseIsoDateTime(trimmed);
      return dueAt.ok ? inRange(trimmed, { kind: 'once', dueAt: dueAt.value }) : dueAt;
    }
    case 'duration': {
      const duration = parseIsoDuration(trimmed);
      if (!duration.ok) return duration;
      return inRange(trimmed, { kind: 'once', dueAt: addIsoDuration(duration.value, now) });
    }
    case 'cycle':
      return scheduleCycle(trimmed, now);
  }
}

function scheduleCycle(text: string, now: number): ScheduleResult {
  if (/^R/i.test(text)) {
    const cycle = parseRepeatingInterval(text);
    if (!cycle.ok) return cycle;
    const { interval, repetitions } = cycle.value;
    const firstDueAt = firstRepeatTime(cycle.value, now);
    return inRange(text, { kind: 'repeat', firstDueAt, interval, intervalMs: fixedLengthMs(interval), repetitions });
  }
  if (text.startsWith('@') || /\s/.test(text)) {
    const cron = parseCronExpression(text);
    if (!cron.ok) return cron;
    const firstDueAt = nextCronTime(cron.value, now);
    if (firstDueAt !== undefined) return { ok: true, schedule: { kind: 'cron', cron: cron.value, firstDueAt } };
    const years = Math.floor(CRON_SEARCH_DAYS / 365);
    return failure(
      `The cron expression ${quoted(text)} never fires in the next ${years} years. Check that the day exists ` +
        '(there is no 30 February), and remember that a day must match both the day-of-month and the ' +
        'day-of-week field: write ? in the one you do not mean, e.g. 0 0 12 ? * SUN.',
    );
  }
  if (/^P/i.test(text)) {
    const interval = text.length > 20 ? '<duration>' : text;
    return failure(
      `${quoted(text)} is a duration, not a timer cycle; write e.g. R/${interval} to repeat it for ever, ` +
        `or R3/${interval} for three times.`,
    );
  }
  if (/^\d{4}-\d\d-\d\d/.test(text)) {
    return failure(cycleMessage(text, 'it is a date; give a cycle a start with R/<start>/<interval>'));
  }
  return failure(cycleMessage(text, text === '' ? 'it is empty' : undefined));
}

/** Due times must fall within four-digit years, as ISO 8601 writes them. */
function inRange(text: string, schedule: TimerSchedule): ScheduleResult {
  const dueAt = schedule.kind === 'once' ? schedule.dueAt : schedule.firstDueAt;
  if (isWithinSupportedRange(dueAt)) return { ok: true, schedule };
  return failure(
    `The timer ${quoted(text)} would be due outside the years 0000 to 9999; write a nearer time, e.g. P1Y.`,
  );
}

function failure(message: string): ScheduleResult {
  return { ok: false, message };
}
