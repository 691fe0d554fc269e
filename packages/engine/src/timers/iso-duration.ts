import { notParsed, parsed, quoted, type Parsed } from './parse-result';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, addMonths } from './utc-calendar';

/**
 * An ISO 8601 duration `PnYnMnWnDTnHnMnS`, as Camunda 8 reads it (java.time's `Period` for the
 * date part, `Duration` for the time part). Years and months are calendar units, so their length
 * depends on where they start; weeks, days and the time part have a fixed length in UTC.
 */
export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  /** Whole and fractional seconds, to the millisecond. */
  readonly seconds: number;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

export const DURATION_EXAMPLE = 'PT10M (10 minutes), P1DT2H (1 day and 2 hours) or P1M (1 calendar month)';

/** Reads an ISO 8601 duration; letters may be in either case, and `,` may stand for the decimal point. */
export function parseIsoDuration(text: string): Parsed<IsoDuration> {
  const match = DURATION.exec(text);
  if (match === null) return notParsed(durationMessage(text, reasonNotADuration(text)));
  const [, years, months, weeks, days, hours, minutes, seconds, fraction] = match;
  if ([years, months, weeks, days, hours, minutes, seconds].every((part) => part === undefined)) {
    return notParsed(durationMessage(text, 'it has no amount'));
  }
  if (/T$/i.test(text)) return notParsed(durationMessage(text, "nothing follows the 'T'"));
  const milliseconds = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  return parsed({
    years: Number(years ?? 0),
    months: Number(months ?? 0),
    weeks: Number(weeks ?? 0),
    days: Number(days ?? 0),
    hours: Number(hours ?? 0),
    minutes: Number(minutes ?? 0),
    seconds: (Number(seconds ?? 0) * MS_PER_SECOND + milliseconds) / MS_PER_SECOND,
  });
}

/**
 * `from` plus the duration, in UTC: first the calendar months (clamping the day of the month, like
 * java.time's `plusMonths`), then the days, then the time part. There is no daylight saving in UTC,
 * so a day is always 24 hours.
 */
export function addIsoDuration(duration: IsoDuration, from: number): number {
  const months = duration.years * 12 + duration.months;
  const afterMonths = months === 0 ? from : addMonths(from, months);
  return afterMonths + fixedPartMs(duration);
}

/** The length of the duration in milliseconds, or undefined when it has years or months (whose length varies). */
export function fixedLengthMs(duration: IsoDuration): number | undefined {
  return duration.years === 0 && duration.months === 0 ? fixedPartMs(duration) : undefined;
}

export function isZeroDuration(duration: IsoDuration): boolean {
  return duration.years === 0 && duration.months === 0 && fixedPartMs(duration) === 0;
}

function fixedPartMs(duration: IsoDuration): number {
  return (
    (duration.weeks * 7 + duration.days) * MS_PER_DAY +
    duration.hours * MS_PER_HOUR +
    duration.minutes * MS_PER_MINUTE +
    Math.round(duration.seconds * MS_PER_SECOND)
  );
}

function durationMessage(text: string, reason: string | undefined): string {
  const because = reason === undefined ? '' : ` (${reason})`;
  return `${quoted(text)} is not an ISO 8601 duration${because}; write e.g. ${DURATION_EXAMPLE}.`;
}

function reasonNotADuration(text: string): string | undefined {
  if (text === '') return 'it is empty';
  if (/^R/i.test(text)) return 'it repeats: that is a timer cycle, and a duration fires once';
  if (/^\d{4}-\d\d-\d\d/.test(text)) return 'it is a date: use a timer date for a fixed point in time';
  if (/^P/i.test(text) && text.includes('-')) return 'a timer cannot wait a negative time';
  if (!/^P/i.test(text)) return "it must start with 'P'";
  if (/\d[.,]\d+[YMWDH]/i.test(text)) return 'only seconds may have a fraction';
  return undefined;
}
