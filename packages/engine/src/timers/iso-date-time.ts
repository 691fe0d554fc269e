import { notParsed, parsed, quoted, type Parsed } from './parse-result';
import { findTimeZone, instantOf } from './time-zone';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, daysFromCivil, daysInMonth } from './utc-calendar';

const DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?(Z|[+-]\d\d(?::\d\d(?::\d\d)?|\d\d)?)?(?:\[([^\]]*)\]|@([\w/+-]+))?$/i;

export const DATE_TIME_EXAMPLE =
  '2026-12-24T10:00:00Z, 2026-12-24T10:00:00+01:00 or 2026-12-24T10:00:00[Europe/Berlin]';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Reads an ISO 8601 date-time into milliseconds since the epoch. Accepted, as Camunda 8 accepts them:
 * an offset (`Z`, `+01:00`), an IANA zone in brackets (`[Europe/Berlin]`, resolved with the runtime's
 * tz database; a local time in a daylight-saving gap moves forward, in an overlap takes the earlier
 * instant), or both (then the offset fixes the instant and the zone must merely exist). Seconds and
 * their fraction are optional. FEEL's way of writing a zone (`2026-12-24T10:00:00@Europe/Berlin`)
 * is read like the bracketed one, so that a FEEL date-time turned into text still works.
 *
 * Unlike Camunda 8, which rejects it, a date-time with neither offset nor zone is read as UTC.
 */
export function parseIsoDateTime(text: string): Parsed<number> {
  const match = DATE_TIME.exec(text);
  if (match === null) return notParsed(dateTimeMessage(text, reasonNotADateTime(text)));
  const [, year, month, day, hour, minute, second, fraction, offset, bracketedZone, feelZone] = match;
  const zoneId = bracketedZone ?? feelZone;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  const time = { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
  const invalid = invalidField(date, time);
  if (invalid !== undefined) return notParsed(dateTimeMessage(text, invalid));

  const wallClock =
    daysFromCivil(date) * MS_PER_DAY +
    time.hour * MS_PER_HOUR +
    time.minute * MS_PER_MINUTE +
    time.second * MS_PER_SECOND +
    Number((fraction ?? '').padEnd(3, '0').slice(0, 3));

  const offsetMs = offset === undefined ? undefined : parseOffset(offset);
  if (offsetMs !== undefined && Math.abs(offsetMs) > 18 * MS_PER_HOUR) {
    return notParsed(dateTimeMessage(text, `the offset ${offset} is beyond ±18:00`));
  }
  if (zoneId === '') return notParsed(dateTimeMessage(text, 'the time zone in brackets is empty'));
  if (zoneId === undefined || /^(?:Z|UTC)$/i.test(zoneId)) return parsed(wallClock - (offsetMs ?? 0));
  const zone = findTimeZone(zoneId);
  if (zone === undefined) {
    return notParsed(
      dateTimeMessage(text, `the time zone ${quoted(zoneId)} is unknown; name an IANA zone like Europe/Berlin`),
    );
  }
  return parsed(offsetMs === undefined ? instantOf(zone, wallClock) : wallClock - offsetMs);
}

function invalidField(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number; second: number },
): string | undefined {
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  const length = daysInMonth(date.year, date.month);
  if (date.day < 1 || date.day > length) {
    return `${MONTH_NAMES[date.month - 1] ?? ''} ${date.year} has no day ${date.day}; it has ${length} days`;
  }
  if (time.hour > 23) return `the hour must be 00 to 23, not ${time.hour}`;
  if (time.minute > 59) return `the minute must be 00 to 59, not ${time.minute}`;
  if (time.second > 59) return `the second must be 00 to 59, not ${time.second}`;
  return undefined;
}

/** `Z`, `±HH`, `±HHMM`, `±HH:MM` or `±HH:MM:SS`, in milliseconds east of UTC. */
function parseOffset(offset: string): number {
  if (/^Z$/i.test(offset)) return 0;
  const digits = offset.slice(1).replaceAll(':', '');
  const seconds =
    Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60 + Number(digits.slice(4, 6) || 0);
  return (offset.startsWith('-') ? -seconds : seconds) * 1000;
}

function dateTimeMessage(text: string, reason: string | undefined): string {
  const because = reason === undefined ? '' : ` (${reason})`;
  return `${quoted(text)} is not an ISO 8601 date-time${because}; write e.g. ${DATE_TIME_EXAMPLE}.`;
}

function reasonNotADateTime(text: string): string | undefined {
  if (text === '') return 'it is empty';
  if (/^P/i.test(text)) return 'it is a duration: use a timer duration to wait for a while';
  if (/^R/i.test(text)) return 'it repeats: use a timer cycle';
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return `it has no time of day; write ${text}T00:00:00Z for midnight UTC`;
  if (/^\d{4}-\d\d-\d\d \d/.test(text)) return "separate the date and the time with 'T', not a space";
  if (/^\d{4}-\d\d-\d\dT/i.test(text) && /\[[^\]]*$/.test(text)) return "the time zone lacks its closing ']'";
  return undefined;
}
