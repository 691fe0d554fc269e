import { describe, expect, it } from 'vitest';
import { parseCronExpression, type CronExpression } from './index';

function cron(text: string): CronExpression {
  const result = parseCronExpression(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const range = (from: number, to: number, step = 1): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step);

describe('cron expression: parsing', () => {
  it('given the six Spring fields, then each becomes the sorted list of what it allows', () => {
    expect(cron('0 0 9-17 * * MON-FRI')).toEqual({
      text: '0 0 9-17 * * MON-FRI',
      seconds: [0],
      minutes: [0],
      hours: range(9, 17),
      daysOfMonth: range(1, 31),
      months: range(1, 12),
      daysOfWeek: [1, 2, 3, 4, 5],
    });
  });

  it.each([
    ['*/15', range(0, 45, 15)],
    ['5/20', [5, 25, 45]],
    ['10-40/10', [10, 20, 30, 40]],
    ['10-12,30,0', [0, 10, 11, 12, 30]],
    ['59,0,59', [0, 59]],
    ['*', range(0, 59)],
    ['*/1', range(0, 59)],
    ['0/60', [0]],
    ['007', [7]],
  ])('given the minute field %s, then the minutes are %j', (field, minutes) => {
    expect(cron(`0 ${field} * * * *`).minutes).toEqual(minutes);
  });

  it.each([
    ['JAN', [1]],
    ['jan-Mar', [1, 2, 3]],
    ['JUN,DEC', [6, 12]],
    ['*/3', [1, 4, 7, 10]],
    ['FEB/4', [2, 6, 10]],
    ['1-12/6', [1, 7]],
  ])('given the month field %s, then the months are %j', (field, months) => {
    expect(cron(`0 0 0 1 ${field} *`).months).toEqual(months);
  });

  describe('day-of-week: 1 = Monday … 7 = Sunday, and 0 is Sunday too', () => {
    it.each([
      ['SUN', [7]],
      ['0', [7]],
      ['7', [7]],
      ['0,7', [7]],
      ['mon-fri', [1, 2, 3, 4, 5]],
      ['SUN-SAT', range(1, 7)],
      ['SUN-TUE', [1, 2, 7]],
      ['0-2', [1, 2, 7]],
      ['7-7', [7]],
      ['*/2', [1, 3, 5, 7]],
      ['MON-FRI/2', [1, 3, 5]],
      ['?', range(1, 7)],
      ['SAT,SUN', [6, 7]],
    ])('given %s, then the weekdays are %j', (field, weekdays) => {
      expect(cron(`0 0 0 ? * ${field}`).daysOfWeek).toEqual(weekdays);
    });

    it.each([
      ['FRIL', [{ kind: 'last-in-month', weekday: 5 }]],
      ['5L', [{ kind: 'last-in-month', weekday: 5 }]],
      ['0L', [{ kind: 'last-in-month', weekday: 7 }]],
      ['MON#2', [{ kind: 'nth-in-month', weekday: 1, nth: 2 }]],
      ['7#1', [{ kind: 'nth-in-month', weekday: 7, nth: 1 }]],
      [
        'MON#1,FRIL',
        [
          { kind: 'nth-in-month', weekday: 1, nth: 1 },
          { kind: 'last-in-month', weekday: 5 },
        ],
      ],
    ])('given the Quartz rule %s, then it is kept as a rule', (field, rules) => {
      expect(cron(`0 0 0 ? * ${field}`).daysOfWeek).toEqual(rules);
    });
  });

  it.each([
    ['L', [{ kind: 'last-day', daysBefore: 0 }]],
    ['L-3', [{ kind: 'last-day', daysBefore: 3 }]],
    ['LW', [{ kind: 'last-weekday' }]],
    ['15W', [{ kind: 'nearest-weekday', day: 15 }]],
    ['1,L', [1, { kind: 'last-day', daysBefore: 0 }]],
    ['1-7/3', [1, 4, 7]],
    ['?', range(1, 31)],
  ])('given the day-of-month field %s, then it is %j', (field, rules) => {
    expect(cron(`0 0 0 ${field} * ?`).daysOfMonth).toEqual(rules);
  });

  it.each([
    ['@yearly', '0 0 0 1 1 *'],
    ['@annually', '0 0 0 1 1 *'],
    ['@monthly', '0 0 0 1 * *'],
    ['@weekly', '0 0 0 * * 0'],
    ['@daily', '0 0 0 * * *'],
    ['@midnight', '0 0 0 * * *'],
    ['@hourly', '0 0 * * * *'],
    ['@DAILY', '0 0 0 * * *'],
  ])('given the macro %s, then it means %s', (macro, expression) => {
    expect({ ...cron(macro), text: expression }).toEqual(cron(expression));
  });

  it('given extra spaces or tabs between fields, then they are ignored', () => {
    expect(cron('  0   0\t12 ? *  SUN ')).toEqual({ ...cron('0 0 12 ? * SUN'), text: '0   0\t12 ? *  SUN' });
  });

  it('given a parsed expression, then it survives a JSON round trip (it can be stored)', () => {
    const expression = cron('0 0 0 L-2,15W * MON#2,FRIL');

    expect(JSON.parse(JSON.stringify(expression))).toEqual(expression);
  });

  describe('malformed cron expressions', () => {
    it.each([
      ['*/5 * * * *', "it has 5 fields: Camunda 8 cron starts with the second, so write '0 */5 * * * *'"],
      ['0 0 12 * * ? 2026', 'it has 7 fields: Camunda 8 cron has no year field'],
      ['0 0 12', 'it has 3 fields instead of 6'],
      ['@fortnightly', 'there is no macro @fortnightly; use one of @yearly'],
      ['60 * * * * *', "in the second field '60': second 60 is out of range 0-59"],
      ['0 60 * * * *', "in the minute field '60': minute 60 is out of range 0-59"],
      ['0 0 25 * * *', "in the hour field '25': hour 25 is out of range 0-23"],
      ['0 0 0 0 * *', "in the day-of-month field '0': day-of-month 0 is out of range 1-31"],
      ['0 0 0 32 * *', 'day-of-month 32 is out of range 1-31'],
      ['0 0 0 1 13 *', 'month 13 is out of range 1-12'],
      ['0 0 0 1 0 *', 'month 0 is out of range 1-12'],
      ['0 0 0 ? * 8', 'day-of-week 8 is out of range 0-7'],
      ['0 0 0 1 FOO *', "'FOO' is not a month; use 1-12 or JAN-DEC"],
      ['0 0 0 ? * MONDAY', "'MONDAY' is not a day-of-week; use 0-7 or MON-SUN"],
      ['0 0 0 ? * FRI-MON', "range 'FRI-MON' runs backwards; write the earlier value first, or split it: FRI-SUN,MON"],
      ['0 0 17-9 * * *', "the hour range '17-9' runs backwards; write the earlier value first"],
      ['0 */0 * * * *', "the step in '*/0' must be a whole number of 1 or more"],
      ['0 */x * * * *', "the step in '*/x' must be a whole number of 1 or more"],
      ['0 */ * * * *', "the step in '*/' must be a whole number of 1 or more"],
      ['0 1/2/3 * * * *', "'1/2/3' has more than one '/'"],
      ['0 1,,2 * * * *', 'the minute list has an empty item'],
      ['0 1- * * * *', 'a minute is missing'],
      ['0 -5 * * * *', 'a minute is missing'],
      ['? 0 0 * * *', "'?' may only stand in the day-of-month or day-of-week field"],
      ['0 0 0 * * L', "'L' in the day-of-week field needs a day before it"],
      ['0 0 0 L-31 * *', "'L-31' reaches back more than 30 days"],
      ['0 0 0 32W * *', 'day-of-month 32 is out of range 1-31'],
      ['0 0 0 ? * MON#6', "in 'MON#6' the number after '#' must be 1 to 5"],
      ['0 0 0 ? * MON#0', "in 'MON#0' the number after '#' must be 1 to 5"],
      ['0 0 0 ? * XYZL', "'XYZ' is not a day-of-week"],
      ['0 0 0 ? * 9#1', 'day-of-week 9 is out of range 0-7'],
      ['0 0 0 W * *', "'W' is not a day-of-month"],
      ['0 0 0 L/2 * *', "'L' is not a day-of-month"],
      ['0 0 0 ? * MON#', "'MON#' is not a day-of-week"],
      ['0 0 0 1.5 * *', "'1.5' is not a day-of-month"],
      ['', 'it has 0 fields instead of 6'],
    ])('given %j, then the message explains and shows an example', (text, reason) => {
      const result = parseCronExpression(text);

      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(`'${text}' is not a cron expression (`);
      expect(!result.ok && result.message).toContain(reason);
      expect(!result.ok && result.message).toContain('e.g. 0 0 9-17 * * MON-FRI');
    });
  });
});
