import { matchesDayOfMonth, matchesDayOfWeek } from './cron-day-rules';
import type { CronExpression } from './cron-expression';
import { LATEST_TIME, civilFromDays, isoWeekday } from './utc-calendar';

const SECONDS_PER_DAY = 86_400;

/**
 * How far ahead {@link nextCronTime} looks: 8 years and a day, enough to reach a 29 February across
 * a century year that skips its leap day (2096 → 2104). Anything rarer counts as never.
 */
export const CRON_SEARCH_DAYS = 8 * 366 + 1;

/**
 * The first time strictly after `after` (milliseconds since the epoch) that the cron expression
 * allows, in UTC and on a whole second; undefined when none lies within {@link CRON_SEARCH_DAYS}
 * (e.g. `0 0 0 30 2 *`: 30 February). Walks day by day, so the search is bounded whatever the
 * expression.
 */
export function nextCronTime(cron: CronExpression, after: number): number | undefined {
  if (!Number.isFinite(after)) return undefined;
  const firstSecond = Math.floor(after / 1000) + 1;
  const firstDay = Math.floor(firstSecond / SECONDS_PER_DAY);
  const months = new Set(cron.months);
  for (let offset = 0; offset <= CRON_SEARCH_DAYS; offset++) {
    const day = firstDay + offset;
    const date = civilFromDays(day);
    if (!months.has(date.month)) continue;
    const weekday = isoWeekday(day);
    if (!matchesDayOfMonth(cron.daysOfMonth, date, weekday) || !matchesDayOfWeek(cron.daysOfWeek, date, weekday)) {
      continue;
    }
    const secondOfDay = firstTimeOfDay(cron, offset === 0 ? firstSecond - day * SECONDS_PER_DAY : 0);
    if (secondOfDay === undefined) continue;
    const time = (day * SECONDS_PER_DAY + secondOfDay) * 1000;
    return time <= LATEST_TIME ? time : undefined;
  }
  return undefined;
}

/** The first second of the day at or after `earliest` (seconds since midnight) that the expression allows. */
function firstTimeOfDay(cron: CronExpression, earliest: number): number | undefined {
  for (const hour of cron.hours) {
    if ((hour + 1) * 3600 <= earliest) continue;
    for (const minute of cron.minutes) {
      const minuteStart = hour * 3600 + minute * 60;
      if (minuteStart + 60 <= earliest) continue;
      const second = cron.seconds.find((candidate) => minuteStart + candidate >= earliest);
      if (second !== undefined) return minuteStart + second;
    }
  }
  return undefined;
}
