import { dayOfYear, isoWeekday, isoWeekOfYear } from './calendar';
import { Decimal } from './decimal';
import type { FeelDate } from './temporal';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
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

export function weekdayValue(date: FeelDate): Decimal {
  return Decimal.fromInt(isoWeekday(date.epochDay));
}
export function dayOfYearValue(date: FeelDate): Decimal {
  return Decimal.fromInt(dayOfYear(date.year, date.month, date.day));
}
export function dayName(date: FeelDate): string {
  return DAY_NAMES[isoWeekday(date.epochDay) - 1] ?? '';
}
export function monthName(date: FeelDate): string {
  return MONTH_NAMES[date.month - 1] ?? '';
}
export function weekOfYear(date: FeelDate): Decimal {
  return Decimal.fromInt(isoWeekOfYear(date.year, date.month, date.day));
}
