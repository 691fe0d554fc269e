import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCronExpression, type CronExpression } from './index';

const iso = (time: number | undefined): string => (time === undefined ? 'never' : new Date(time).toISOString());

function cron(text: string): CronExpression {
  const result = parseCronExpression(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The next firing of `expression` after `after`, as an ISO string in UTC. */
const next = (expression: string, after: string): string => iso(nextCronTime(cron(expression), Date.parse(after)));

/** The firings of `expression` from `after` on, one after the other. */
function firings(expression: string, after: string, count: number): string[] {
  const expressionValue = cron(expression);
  const times: string[] = [];
  let time: number | undefined = Date.parse(after);
  for (let index = 0; index < count && time !== undefined; index++) {
    time = nextCronTime(expressionValue, time);
    times.push(iso(time));
  }
  return times;
}

describe('cron expression: next firing (UTC)', () => {
  it('given every 15 minutes, then the next quarter hour, strictly after now', () => {
    expect(next('0 */15 * * * *', '2026-03-02T10:07:00Z')).toBe('2026-03-02T10:15:00.000Z');
    expect(next('0 */15 * * * *', '2026-03-02T10:15:00Z')).toBe('2026-03-02T10:30:00.000Z');
    expect(next('0 */15 * * * *', '2026-03-02T10:14:59.999Z')).toBe('2026-03-02T10:15:00.000Z');
  });

  it('given every second, then the next whole second', () => {
    expect(next('* * * * * *', '2026-03-02T10:00:00.000Z')).toBe('2026-03-02T10:00:01.000Z');
    expect(next('* * * * * *', '2026-03-02T10:00:00.400Z')).toBe('2026-03-02T10:00:01.000Z');
  });

  it('given office hours on weekdays, when it is Friday evening, then Monday at 9', () => {
    expect(firings('0 0 9-17 * * MON-FRI', '2026-01-30T16:30:00Z', 3)).toEqual([
      '2026-01-30T17:00:00.000Z',
      '2026-02-02T09:00:00.000Z',
      '2026-02-02T10:00:00.000Z',
    ]);
  });

  it('given noon on Sundays, then each Sunday (0, 7 and SUN are the same day)', () => {
    const sundays = ['2026-03-08T12:00:00.000Z', '2026-03-15T12:00:00.000Z'];

    expect(firings('0 0 12 ? * SUN', '2026-03-02T00:00:00Z', 2)).toEqual(sundays);
    expect(firings('0 0 12 ? * 0', '2026-03-02T00:00:00Z', 2)).toEqual(sundays);
    expect(firings('0 0 12 ? * 7', '2026-03-02T00:00:00Z', 2)).toEqual(sundays);
  });

  it('given step ranges, then only the stepped values within the range', () => {
    expect(firings('10-40/15 0 8 * * *', '2026-03-02T00:00:00Z', 4)).toEqual([
      '2026-03-02T08:00:10.000Z',
      '2026-03-02T08:00:25.000Z',
      '2026-03-02T08:00:40.000Z',
      '2026-03-03T08:00:10.000Z',
    ]);
  });

  it('given a/n, then from a to the end of the field', () => {
    expect(firings('0 45/10 6 * * *', '2026-03-02T00:00:00Z', 3)).toEqual([
      '2026-03-02T06:45:00.000Z',
      '2026-03-02T06:55:00.000Z',
      '2026-03-03T06:45:00.000Z',
    ]);
  });

  it('given the end of a year, then it rolls into the next', () => {
    expect(next('* * * * * *', '2026-12-31T23:59:59.999Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('@yearly', '2026-06-01T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('given the macros, then they fire as their expressions do', () => {
    expect(next('@hourly', '2026-03-02T10:00:00Z')).toBe('2026-03-02T11:00:00.000Z');
    expect(next('@daily', '2026-03-02T10:00:00Z')).toBe('2026-03-03T00:00:00.000Z');
    expect(next('@weekly', '2026-03-02T10:00:00Z')).toBe('2026-03-08T00:00:00.000Z');
    expect(next('@monthly', '2026-03-02T10:00:00Z')).toBe('2026-04-01T00:00:00.000Z');
  });

  describe('months of different lengths', () => {
    it('given the 31st, then only months that have one', () => {
      expect(firings('0 0 0 31 * *', '2026-01-31T12:00:00Z', 3)).toEqual([
        '2026-03-31T00:00:00.000Z',
        '2026-05-31T00:00:00.000Z',
        '2026-07-31T00:00:00.000Z',
      ]);
    });

    it('given L, then the last day of each month, 29 February in a leap year', () => {
      expect(firings('0 0 0 L * *', '2028-01-15T00:00:00Z', 3)).toEqual([
        '2028-01-31T00:00:00.000Z',
        '2028-02-29T00:00:00.000Z',
        '2028-03-31T00:00:00.000Z',
      ]);
      expect(next('0 0 0 L 2 *', '2026-01-01T00:00:00Z')).toBe('2026-02-28T00:00:00.000Z');
    });

    it('given L-2, then two days before the last day', () => {
      expect(firings('0 0 0 L-2 * *', '2026-02-01T00:00:00Z', 2)).toEqual([
        '2026-02-26T00:00:00.000Z',
        '2026-03-29T00:00:00.000Z',
      ]);
    });

    it('given 29 February, then the next leap year, skipping 2100', () => {
      expect(next('0 0 0 29 2 *', '2026-01-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
      expect(next('0 0 0 29 2 *', '2097-03-01T00:00:00Z')).toBe('2104-02-29T00:00:00.000Z');
    });

    it('given a day no month has, then never', () => {
      expect(next('0 0 0 30 2 *', '2026-01-01T00:00:00Z')).toBe('never');
      expect(next('0 0 0 31 4,6,9,11 *', '2026-01-01T00:00:00Z')).toBe('never');
    });
  });

  describe('both day fields restricted: a day must match both, as in Spring (not Unix cron)', () => {
    it('given the 13th and Friday, then only Friday the 13th', () => {
      expect(firings('0 0 0 13 * FRI', '2026-02-14T00:00:00Z', 2)).toEqual([
        '2026-03-13T00:00:00.000Z',
        '2026-11-13T00:00:00.000Z',
      ]);
    });

    it('given the first seven days and Monday, then the first Monday of each month', () => {
      expect(firings('0 0 8 1-7 * MON', '2026-03-01T00:00:00Z', 2)).toEqual([
        '2026-03-02T08:00:00.000Z',
        '2026-04-06T08:00:00.000Z',
      ]);
    });

    it('given 29 February on a Monday, then never within the search window', () => {
      expect(next('0 0 0 29 2 MON', '2026-01-01T00:00:00Z')).toBe('never');
    });
  });

  describe("Quartz's day rules, which Spring accepts", () => {
    it('given FRIL (or 5L), then the last Friday of the month', () => {
      expect(firings('0 0 0 ? * FRIL', '2026-05-01T00:00:00Z', 2)).toEqual([
        '2026-05-29T00:00:00.000Z',
        '2026-06-26T00:00:00.000Z',
      ]);
      expect(next('0 0 0 ? * 5L', '2026-05-01T00:00:00Z')).toBe('2026-05-29T00:00:00.000Z');
    });

    it('given MON#2, then the second Monday; given 1#5, only months with five Mondays', () => {
      expect(next('0 0 0 ? * MON#2', '2026-03-01T00:00:00Z')).toBe('2026-03-09T00:00:00.000Z');
      expect(firings('0 0 0 ? * 1#5', '2026-03-01T00:00:00Z', 2)).toEqual([
        '2026-03-30T00:00:00.000Z',
        '2026-06-29T00:00:00.000Z',
      ]);
    });

    it('given LW, then the last weekday: Friday when the month ends on a weekend', () => {
      expect(next('0 0 0 LW * *', '2026-05-01T00:00:00Z')).toBe('2026-05-29T00:00:00.000Z');
      expect(next('0 0 0 LW * *', '2026-06-01T00:00:00Z')).toBe('2026-06-30T00:00:00.000Z');
    });

    it('given nW, then the nearest weekday without leaving the month', () => {
      // 1 August 2026 is a Saturday: the nearest weekday in August is Monday the 3rd.
      expect(next('0 0 0 1W * *', '2026-07-15T00:00:00Z')).toBe('2026-08-03T00:00:00.000Z');
      // 15 February 2026 is a Sunday: Monday the 16th.
      expect(next('0 0 0 15W * *', '2026-02-01T00:00:00Z')).toBe('2026-02-16T00:00:00.000Z');
      // 31 May 2026 is a Sunday, the month's last day: Friday the 29th. April has no 31st.
      expect(next('0 0 0 31W * *', '2026-04-01T00:00:00Z')).toBe('2026-05-29T00:00:00.000Z');
    });
  });

  describe('bounded search', () => {
    it('given a time that is not a number, then never, at once', () => {
      expect(nextCronTime(cron('* * * * * *'), Number.NaN)).toBeUndefined();
      expect(nextCronTime(cron('* * * * * *'), Number.POSITIVE_INFINITY)).toBeUndefined();
    });

    it('given the last second of the year 9999, then never', () => {
      expect(next('* * * * * *', '9999-12-31T23:59:59Z')).toBe('never');
    });
  });

  it('agrees with a second-by-second search for plain fields', () => {
    const expressions = ['*/7 */13 * * * *', '30 0 */5 * * *', '0 0 6,18 * 2-4 TUE-THU', '15 45 23 1,15,31 * *'];
    const starts = ['2026-02-27T22:58:11Z', '2026-03-31T23:44:59.5Z', '2028-02-28T17:59:59Z'];
    for (const expression of expressions) {
      const value = cron(expression);
      for (const start of starts) {
        expect([expression, start, iso(nextCronTime(value, Date.parse(start)))]).toEqual([
          expression,
          start,
          iso(bruteForceNext(value, Date.parse(start))),
        ]);
      }
    }
  });
});

/** A slow reference: tries each second for 40 days, reading fields with Date's own UTC getters. */
function bruteForceNext(expression: CronExpression, after: number): number | undefined {
  const first = Math.floor(after / 1000) * 1000 + 1000;
  for (let time = first; time < first + 40 * 86_400_000; time += 1000) {
    const date = new Date(time);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (
      expression.seconds.includes(date.getUTCSeconds()) &&
      expression.minutes.includes(date.getUTCMinutes()) &&
      expression.hours.includes(date.getUTCHours()) &&
      expression.daysOfMonth.includes(date.getUTCDate()) &&
      expression.months.includes(date.getUTCMonth() + 1) &&
      expression.daysOfWeek.includes(weekday)
    ) {
      return time;
    }
  }
  return undefined;
}
