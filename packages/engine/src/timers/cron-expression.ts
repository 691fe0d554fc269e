import { parseDayOfMonthRules, parseDayOfWeekRules, type DayOfMonthRule, type DayOfWeekRule } from './cron-day-rules';
import { HOUR_FIELD, MINUTE_FIELD, MONTH_FIELD, SECOND_FIELD, parseFieldValues } from './cron-field';
import { notParsed, parsed, quoted, type Parsed } from './parse-result';

/**
 * A cron expression in Spring's six-field format, as Camunda 8 takes it for a timer cycle:
 * `second minute hour day-of-month month day-of-week`, evaluated in UTC. Plain data (it can be
 * stored as JSON): each field is the sorted list of what it allows.
 *
 * Like Spring, and unlike Unix cron, a day must match BOTH day fields: `0 0 0 13 * FRI` fires only
 * on Friday the 13th. `?` means the same as `*`.
 */
export interface CronExpression {
  /** As written, e.g. `0 0 9 * * MON-FRI` or `@daily`. */
  readonly text: string;
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly DayOfMonthRule[];
  readonly months: readonly number[];
  readonly daysOfWeek: readonly DayOfWeekRule[];
}

export const CRON_EXAMPLE =
  '0 0 9-17 * * MON-FRI (on the hour from 9 to 17, Monday to Friday) or 0 */15 * * * * (every 15 minutes)';

/** Spring's macros. */
const MACROS = new Map([
  ['@yearly', '0 0 0 1 1 *'],
  ['@annually', '0 0 0 1 1 *'],
  ['@monthly', '0 0 0 1 * *'],
  ['@weekly', '0 0 0 * * 0'],
  ['@daily', '0 0 0 * * *'],
  ['@midnight', '0 0 0 * * *'],
  ['@hourly', '0 0 * * * *'],
]);

export function parseCronExpression(text: string): Parsed<CronExpression> {
  const trimmed = text.trim();
  const expanded = trimmed.startsWith('@') ? MACROS.get(trimmed.toLowerCase()) : trimmed;
  if (expanded === undefined) {
    return notParsed(cronMessage(text, `there is no macro ${trimmed}; use one of ${[...MACROS.keys()].join(' ')}`));
  }
  const fields = expanded === '' ? [] : expanded.split(/\s+/);
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (
    second === undefined ||
    minute === undefined ||
    hour === undefined ||
    dayOfMonth === undefined ||
    month === undefined ||
    dayOfWeek === undefined ||
    fields.length > 6
  ) {
    return notParsed(cronMessage(text, fieldCountReason(trimmed, fields.length)));
  }

  const seconds = parseFieldValues(second, SECOND_FIELD);
  if (!seconds.ok) return fieldFailure(text, 'second', second, seconds.message);
  const minutes = parseFieldValues(minute, MINUTE_FIELD);
  if (!minutes.ok) return fieldFailure(text, 'minute', minute, minutes.message);
  const hours = parseFieldValues(hour, HOUR_FIELD);
  if (!hours.ok) return fieldFailure(text, 'hour', hour, hours.message);
  const daysOfMonth = parseDayOfMonthRules(dayOfMonth);
  if (!daysOfMonth.ok) return fieldFailure(text, 'day-of-month', dayOfMonth, daysOfMonth.message);
  const months = parseFieldValues(month, MONTH_FIELD);
  if (!months.ok) return fieldFailure(text, 'month', month, months.message);
  const daysOfWeek = parseDayOfWeekRules(dayOfWeek);
  if (!daysOfWeek.ok) return fieldFailure(text, 'day-of-week', dayOfWeek, daysOfWeek.message);
  return parsed({
    text: trimmed,
    seconds: seconds.value,
    minutes: minutes.value,
    hours: hours.value,
    daysOfMonth: daysOfMonth.value,
    months: months.value,
    daysOfWeek: daysOfWeek.value,
  });
}

/** The message for a text that is no cron expression; `reason` says what is wrong, if known. */
export function cronMessage(text: string, reason: string | undefined): string {
  const because = reason === undefined ? '' : ` (${reason})`;
  return (
    `${quoted(text)} is not a cron expression${because}; write six fields, ` +
    `second minute hour day-of-month month day-of-week, e.g. ${CRON_EXAMPLE}.`
  );
}

function fieldFailure(text: string, name: string, fieldText: string, reason: string): Parsed<never> {
  return notParsed(cronMessage(text, `in the ${name} field ${quoted(fieldText)}: ${reason}`));
}

function fieldCountReason(text: string, count: number): string {
  if (count === 5) return `it has 5 fields: Camunda 8 cron starts with the second, so write '0 ${text}'`;
  if (count === 7) return 'it has 7 fields: Camunda 8 cron has no year field';
  return `it has ${count} field${count === 1 ? '' : 's'} instead of 6`;
}
