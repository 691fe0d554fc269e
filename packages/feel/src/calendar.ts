/** Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01). */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function dayOfYear(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1;
}

export function isoWeekOfYear(year: number, month: number, day: number): number {
  const days = daysFromCivil(year, month, day);
  const thursday = days - isoWeekday(days) + 4;
  const thursdayYear = civilFromDays(thursday).year;
  return Math.floor((thursday - daysFromCivil(thursdayYear, 1, 1)) / 7) + 1;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | undefined>();

function zoneFormat(zone: string): Intl.DateTimeFormat | undefined {
  if (zoneFormats.has(zone)) return zoneFormats.get(zone);
  let format: Intl.DateTimeFormat | undefined;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    format = undefined;
  }
  zoneFormats.set(zone, format);
  return format;
}

export function isKnownZone(zone: string): boolean {
  return zoneFormat(zone) !== undefined;
}

/** The zone's offset from UTC, in seconds, at an instant (seconds since the epoch). */
function offsetAtInstant(format: Intl.DateTimeFormat, epochSeconds: number): number {
  const parts = format.formatToParts(new Date(epochSeconds * 1000));
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const era = parts.find((part) => part.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - field('year') : field('year');
  const local =
    daysFromCivil(year, field('month'), field('day')) * 86400 +
    field('hour') * 3600 +
    field('minute') * 60 +
    field('second');
  return local - epochSeconds;
}

/** The offset (seconds) of a zone for a local wall-clock time, or undefined for an unknown zone. */
export function zoneOffset(zone: string, localEpochSeconds: number): number | undefined {
  const format = zoneFormat(zone);
  if (format === undefined) return undefined;
  const guess = offsetAtInstant(format, localEpochSeconds);
  const second = offsetAtInstant(format, localEpochSeconds - guess);
  return second;
}
