import {
  DAY_OF_MONTH_FIELD,
  DAY_OF_WEEK_FIELD,
  parseFieldValue,
  parseFieldValues,
  type CronFieldSpec,
} from './cron-field';
import { notParsed, parsed, quoted, type Parsed } from './parse-result';
import { daysInMonth, type CivilDate } from './utc-calendar';

/**
 * The day fields of a Spring cron expression. Besides plain days (numbers), Spring takes Quartz's
 * day rules: in day-of-month `L` (the last day), `L-3` (three days before it), `LW` (the last
 * weekday, Monday to Friday) and `15W` (the weekday nearest the 15th, staying in the month); in
 * day-of-week `FRIL` or `5L` (the last Friday of the month) and `MON#2` (the second Monday).
 */
export type DayOfMonthRule =
  | number
  | { readonly kind: 'last-day'; readonly daysBefore: number }
  | { readonly kind: 'last-weekday' }
  | { readonly kind: 'nearest-weekday'; readonly day: number };

/** Plain weekdays are 1 = Monday … 7 = Sunday. */
export type DayOfWeekRule =
  | number
  | { readonly kind: 'last-in-month'; readonly weekday: number }
  | { readonly kind: 'nth-in-month'; readonly weekday: number; readonly nth: number };

export function parseDayOfMonthRules(text: string): Parsed<readonly DayOfMonthRule[]> {
  return parseRules<Exclude<DayOfMonthRule, number>>(text, DAY_OF_MONTH_FIELD, (part) => {
    if (/^L$/i.test(part)) return parsed({ kind: 'last-day', daysBefore: 0 });
    if (/^LW$/i.test(part)) return parsed({ kind: 'last-weekday' });
    const before = /^L-(\d+)$/i.exec(part);
    if (before?.[1] !== undefined) {
      const daysBefore = Number(before[1]);
      if (daysBefore > 30) return notParsed(`${quoted(part)} reaches back more than 30 days`);
      return parsed({ kind: 'last-day', daysBefore });
    }
    const nearest = /^(\d+)W$/i.exec(part);
    if (nearest?.[1] === undefined) return undefined;
    const day = parseFieldValue(nearest[1], DAY_OF_MONTH_FIELD);
    return day.ok ? parsed({ kind: 'nearest-weekday', day: day.value }) : day;
  });
}

export function parseDayOfWeekRules(text: string): Parsed<readonly DayOfWeekRule[]> {
  return parseRules<Exclude<DayOfWeekRule, number>>(text, DAY_OF_WEEK_FIELD, (part) => {
    if (/^L$/i.test(part))
      return notParsed("'L' in the day-of-week field needs a day before it, e.g. FRIL (the last Friday)");
    const last = /^(\w+)L$/i.exec(part);
    if (last?.[1] !== undefined) {
      const weekday = parseWeekday(last[1]);
      return weekday.ok ? parsed({ kind: 'last-in-month', weekday: weekday.value }) : weekday;
    }
    const nth = /^(\w+)#(\d+)$/.exec(part);
    if (nth?.[1] === undefined || nth[2] === undefined) return undefined;
    const weekday = parseWeekday(nth[1]);
    if (!weekday.ok) return weekday;
    const count = Number(nth[2]);
    if (count < 1 || count > 5) return notParsed(`in ${quoted(part)} the number after '#' must be 1 to 5`);
    return parsed({ kind: 'nth-in-month', weekday: weekday.value, nth: count });
  });
}

export function matchesDayOfMonth(rules: readonly DayOfMonthRule[], date: CivilDate, weekday: number): boolean {
  const length = daysInMonth(date.year, date.month);
  return rules.some((rule) => {
    if (typeof rule === 'number') return rule === date.day;
    switch (rule.kind) {
      case 'last-day':
        return date.day === length - rule.daysBefore;
      case 'last-weekday':
        return date.day === nearestWeekday(length, length, weekdayOfDay(date, weekday, length));
      case 'nearest-weekday':
        return (
          rule.day <= length && date.day === nearestWeekday(rule.day, length, weekdayOfDay(date, weekday, rule.day))
        );
    }
  });
}

export function matchesDayOfWeek(rules: readonly DayOfWeekRule[], date: CivilDate, weekday: number): boolean {
  return rules.some((rule) => {
    if (typeof rule === 'number') return rule === weekday;
    if (rule.weekday !== weekday) return false;
    switch (rule.kind) {
      case 'last-in-month':
        return date.day + 7 > daysInMonth(date.year, date.month);
      case 'nth-in-month':
        return Math.ceil(date.day / 7) === rule.nth;
    }
  });
}

/** The weekday (1 = Monday … 7 = Sunday) of another day in the same month. */
function weekdayOfDay(date: CivilDate, weekday: number, day: number): number {
  return ((((weekday - 1 + day - date.day) % 7) + 7) % 7) + 1;
}

/** The weekday nearest `day` without leaving the month: Saturday moves to Friday, Sunday to Monday. */
function nearestWeekday(day: number, length: number, weekday: number): number {
  if (weekday === 6) return day === 1 ? day + 2 : day - 1;
  if (weekday === 7) return day === length ? day - 2 : day + 1;
  return day;
}

function parseWeekday(token: string): Parsed<number> {
  const weekday = parseFieldValue(token, DAY_OF_WEEK_FIELD);
  return weekday.ok && weekday.value === 0 ? parsed(7) : weekday;
}

/** Each comma-separated part is a special rule when `special` knows it, else plain values. */
function parseRules<Rule>(
  text: string,
  spec: CronFieldSpec,
  special: (part: string) => Parsed<Rule> | undefined,
): Parsed<readonly (number | Rule)[]> {
  const values = new Set<number>();
  const rules: Rule[] = [];
  for (const part of text.split(',')) {
    const rule = special(part);
    if (rule !== undefined) {
      if (!rule.ok) return rule;
      rules.push(rule.value);
      continue;
    }
    const plain = parseFieldValues(part, spec);
    if (!plain.ok) return plain;
    for (const value of plain.value) values.add(value);
  }
  return parsed([...[...values].sort((a, b) => a - b), ...rules]);
}
