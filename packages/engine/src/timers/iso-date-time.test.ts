import { describe, expect, it } from 'vitest';
import { scheduleTimer } from './index';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const iso = (time: number): string => new Date(time).toISOString();

/** The due time of a timer date, as an ISO string in UTC (or the failure message). */
function dueAt(date: string): string {
  const result = scheduleTimer('date', date, NOW);
  if (!result.ok) return result.message;
  return result.schedule.kind === 'once' ? iso(result.schedule.dueAt) : `unexpected ${result.schedule.kind}`;
}

describe('timer date', () => {
  it.each([
    ['2026-12-24T10:00:00Z', '2026-12-24T10:00:00.000Z'],
    ['2026-12-24T10:00:00z', '2026-12-24T10:00:00.000Z'],
    ['2026-12-24t10:00:00Z', '2026-12-24T10:00:00.000Z'],
    ['2026-12-24T10:00:00+01:00', '2026-12-24T09:00:00.000Z'],
    ['2026-12-24T10:00:00-05:30', '2026-12-24T15:30:00.000Z'],
    ['2026-12-24T10:00:00+0100', '2026-12-24T09:00:00.000Z'],
    ['2026-12-24T10:00:00+01', '2026-12-24T09:00:00.000Z'],
    ['2026-12-24T10:00:00+00:00:30', '2026-12-24T09:59:30.000Z'],
    ['2026-12-24T10:00Z', '2026-12-24T10:00:00.000Z'],
    ['2026-12-24T10:00:00.5Z', '2026-12-24T10:00:00.500Z'],
    ['2026-12-24T10:00:00.123456789Z', '2026-12-24T10:00:00.123Z'],
    ['2026-12-24T00:30:00+01:00', '2026-12-23T23:30:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('given %s, then it is due at %s', (date, due) => {
    expect(dueAt(date)).toBe(due);
  });

  it('given a date without an offset or zone, then it is read as UTC', () => {
    expect(dueAt('2026-12-24T10:00:00')).toBe('2026-12-24T10:00:00.000Z');
  });

  it('given a date in the past, then that is its due time (the timer fires at once)', () => {
    expect(dueAt('2020-01-01T00:00:00Z')).toBe('2020-01-01T00:00:00.000Z');
  });

  describe('zones', () => {
    it.each([
      ['2026-12-24T10:00:00[UTC]', '2026-12-24T10:00:00.000Z'],
      ['2026-12-24T10:00:00[Z]', '2026-12-24T10:00:00.000Z'],
      ['2026-12-24T10:00:00Z[UTC]', '2026-12-24T10:00:00.000Z'],
      ['2026-12-24T10:00:00[Europe/Berlin]', '2026-12-24T09:00:00.000Z'],
      ['2026-07-24T10:00:00[Europe/Berlin]', '2026-07-24T08:00:00.000Z'],
      ['2026-12-24T10:00:00[America/New_York]', '2026-12-24T15:00:00.000Z'],
      ['2026-12-24T10:00:00[Asia/Kolkata]', '2026-12-24T04:30:00.000Z'],
      ['2026-12-24T10:00:00@Europe/Berlin', '2026-12-24T09:00:00.000Z'],
    ])('given %s, then it is due at %s', (date, due) => {
      expect(dueAt(date)).toBe(due);
    });

    it('given an offset and a zone, then the offset fixes the instant', () => {
      expect(dueAt('2026-12-24T10:00:00+01:00[Europe/Berlin]')).toBe('2026-12-24T09:00:00.000Z');
      expect(dueAt('2026-12-24T10:00:00+05:00[Europe/Berlin]')).toBe('2026-12-24T05:00:00.000Z');
    });

    it('given a local time that Berlin skips (clocks forward), then it moves later by the gap, as in java.time', () => {
      // 02:30 does not exist on 29 March 2026 in Berlin: java.time reads it as 03:30+02:00.
      expect(dueAt('2026-03-29T02:30:00[Europe/Berlin]')).toBe('2026-03-29T01:30:00.000Z');
    });

    it('given a local time that Berlin has twice (clocks back), then the earlier instant, as in java.time', () => {
      expect(dueAt('2026-10-25T02:30:00[Europe/Berlin]')).toBe('2026-10-25T00:30:00.000Z');
      expect(dueAt('2026-10-25T03:30:00[Europe/Berlin]')).toBe('2026-10-25T02:30:00.000Z');
    });

    it('given a zone on the southern hemisphere, then its summer is in January', () => {
      expect(dueAt('2026-01-15T12:00:00[Australia/Sydney]')).toBe('2026-01-15T01:00:00.000Z');
      expect(dueAt('2026-07-15T12:00:00[Australia/Sydney]')).toBe('2026-07-15T02:00:00.000Z');
    });
  });

  describe('malformed dates', () => {
    it.each([
      ['', 'it is empty'],
      ['2026-12-24', 'it has no time of day; write 2026-12-24T00:00:00Z'],
      ['2026-12-24 10:00:00Z', "separate the date and the time with 'T'"],
      ['PT10M', 'it is a duration'],
      ['R/PT10M', 'use a timer cycle'],
      ['2026-13-01T10:00:00Z', 'there is no month 13'],
      ['2026-00-01T10:00:00Z', 'there is no month 0'],
      ['2026-02-29T10:00:00Z', 'February 2026 has no day 29; it has 28 days'],
      ['2100-02-29T10:00:00Z', 'February 2100 has no day 29'],
      ['2026-04-31T10:00:00Z', 'April 2026 has no day 31; it has 30 days'],
      ['2026-12-00T10:00:00Z', 'December 2026 has no day 0'],
      ['2026-12-24T24:00:00Z', 'the hour must be 00 to 23, not 24'],
      ['2026-12-24T10:60:00Z', 'the minute must be 00 to 59, not 60'],
      ['2026-12-24T10:00:60Z', 'the second must be 00 to 59, not 60'],
      ['2026-12-24T10:00:00+19:00', 'the offset +19:00 is beyond ±18:00'],
      ['2026-12-24T10:00:00[Mars/Olympus]', "the time zone 'Mars/Olympus' is unknown"],
      ['2026-12-24T10:00:00[]', 'the time zone in brackets is empty'],
      ['2026-12-24T10:00:00[Europe/Berlin', "the time zone lacks its closing ']'"],
      ['26-12-24T10:00:00Z', 'is not an ISO 8601 date-time'],
      ['2026-12-24T10Z', 'is not an ISO 8601 date-time'],
      ['2026-12-24T10:00:00 Z', 'is not an ISO 8601 date-time'],
      ['24.12.2026 10:00', 'is not an ISO 8601 date-time'],
      ['tomorrow', 'is not an ISO 8601 date-time'],
    ])('given %j, then the message explains and shows an example', (date, reason) => {
      const result = scheduleTimer('date', date, NOW);

      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(`'${date}'`);
      expect(!result.ok && result.message).toContain(reason);
      expect(!result.ok && result.message).toContain('write e.g. 2026-12-24T10:00:00Z');
    });
  });
});
