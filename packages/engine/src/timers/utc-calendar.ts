/**
 * Gregorian calendar arithmetic in UTC, on plain numbers: no `Date` quirks (two-digit years), no
 * time zones, no daylight saving. Days are counted from 1970-01-01 (day 0).
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

export interface CivilDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the range of a four-digit ISO 8601 year. */
export const EARLIEST_TIME = daysFromCivil({ year: 0, month: 1, day: 1 }) * MS_PER_DAY;
export const LATEST_TIME = daysFromCivil({ year: 10000, month: 1, day: 1 }) * MS_PER_DAY - 1;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant's `days_from_civil`). */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of {@link daysFromCivil} (H. Hinnant's `civil_from_days`). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/**
 * Adds calendar months the way java.time's `plusMonths` does: the day of the month is kept, or
 * clamped to the last day of the target month (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(time: number, months: number): number {
  const days = Math.floor(time / MS_PER_DAY);
  const timeOfDay = time - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return daysFromCivil({ year: targetYear, month: targetMonth, day: targetDay }) * MS_PER_DAY + timeOfDay;
}

export function isWithinSupportedRange(time: number): boolean {
  return Number.isFinite(time) && time >= EARLIEST_TIME && time <= LATEST_TIME;
}
