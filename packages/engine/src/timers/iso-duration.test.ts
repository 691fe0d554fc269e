import { describe, expect, it } from 'vitest';
import { addIsoDuration, fixedLengthMs, parseIsoDuration, scheduleTimer } from './index';

const at = (text: string): number => Date.parse(text);
const iso = (time: number): string => new Date(time).toISOString();

/** The due time of `duration` scheduled at `now`, as an ISO string (or the failure message). */
function dueAfter(duration: string, now: string): string {
  const result = scheduleTimer('duration', duration, at(now));
  if (!result.ok) return result.message;
  return result.schedule.kind === 'once' ? iso(result.schedule.dueAt) : `unexpected ${result.schedule.kind}`;
}

describe('timer duration', () => {
  it.each([
    ['PT10M', '2026-03-01T10:10:00.000Z'],
    ['PT2H', '2026-03-01T12:00:00.000Z'],
    ['PT30S', '2026-03-01T10:00:30.000Z'],
    ['PT1.5S', '2026-03-01T10:00:01.500Z'],
    ['PT0,25S', '2026-03-01T10:00:00.250Z'],
    ['PT0.123456789S', '2026-03-01T10:00:00.123Z'],
    ['P1D', '2026-03-02T10:00:00.000Z'],
    ['P2W', '2026-03-15T10:00:00.000Z'],
    ['P1DT2H', '2026-03-02T12:00:00.000Z'],
    ['P1Y2M3W4DT5H6M7S', '2027-05-26T15:06:07.000Z'],
    ['pt10m', '2026-03-01T10:10:00.000Z'],
    ['PT0S', '2026-03-01T10:00:00.000Z'],
    ['PT90M', '2026-03-01T11:30:00.000Z'],
  ])('given now is 2026-03-01T10:00Z, when the duration is %s, then it is due at %s', (duration, due) => {
    expect(dueAfter(duration, '2026-03-01T10:00:00Z')).toBe(due);
  });

  it('given surrounding whitespace, when scheduled, then it is ignored', () => {
    expect(dueAfter('  PT10M\n', '2026-03-01T10:00:00Z')).toBe('2026-03-01T10:10:00.000Z');
  });

  describe('months and years are calendar units, clamped like java.time', () => {
    it.each([
      ['P1M', '2026-01-31T08:00:00Z', '2026-02-28T08:00:00.000Z'],
      ['P1M', '2024-01-31T08:00:00Z', '2024-02-29T08:00:00.000Z'],
      ['P1M', '2026-03-31T08:00:00Z', '2026-04-30T08:00:00.000Z'],
      ['P1M', '2026-02-28T08:00:00Z', '2026-03-28T08:00:00.000Z'],
      ['P3M', '2026-11-30T08:00:00Z', '2027-02-28T08:00:00.000Z'],
      ['P1Y', '2024-02-29T08:00:00Z', '2025-02-28T08:00:00.000Z'],
      ['P4Y', '2024-02-29T08:00:00Z', '2028-02-29T08:00:00.000Z'],
      ['P1Y1M', '2024-01-31T08:00:00Z', '2025-02-28T08:00:00.000Z'],
      ['P1M1D', '2026-01-31T08:00:00Z', '2026-03-01T08:00:00.000Z'],
      ['P12M', '2026-06-15T08:00:00Z', '2027-06-15T08:00:00.000Z'],
      ['P100Y', '2000-02-29T00:00:00Z', '2100-02-28T00:00:00.000Z'],
    ])('given %s from %s, then it is due at %s', (duration, now, due) => {
      expect(dueAfter(duration, now)).toBe(due);
    });
  });

  describe('UTC has no daylight saving', () => {
    it('given a day across the night Berlin moves its clocks forward, then P1D is still 24 hours', () => {
      expect(dueAfter('P1D', '2026-03-28T12:00:00Z')).toBe('2026-03-29T12:00:00.000Z');
    });

    it('given a month across the autumn change, then P1M keeps the UTC time of day', () => {
      expect(dueAfter('P1M', '2026-10-10T12:00:00Z')).toBe('2026-11-10T12:00:00.000Z');
    });

    it('given the last day of a leap February, then P1D is 1 March', () => {
      expect(dueAfter('P1D', '2028-02-29T00:00:00Z')).toBe('2028-03-01T00:00:00.000Z');
    });
  });

  it('given a duration without years or months, then its fixed length is known; with them, it is not', () => {
    const fixed = parseIsoDuration('P1DT1H');
    const calendar = parseIsoDuration('P1M');

    expect(fixed.ok && fixedLengthMs(fixed.value)).toBe(25 * 3_600_000);
    expect(calendar.ok && fixedLengthMs(calendar.value)).toBeUndefined();
  });

  it('given a parsed duration, when added before the epoch, then the calendar still clamps', () => {
    const duration = parseIsoDuration('P1M');

    expect(duration.ok && iso(addIsoDuration(duration.value, at('1900-01-31T00:00:00Z')))).toBe(
      '1900-02-28T00:00:00.000Z',
    );
  });

  describe('malformed durations', () => {
    it.each([
      ['PT10X', 'is not an ISO 8601 duration'],
      ['', 'it is empty'],
      ['P', 'it has no amount'],
      ['PT', 'it has no amount'],
      ['P1DT', "nothing follows the 'T'"],
      ['10M', "it must start with 'P'"],
      ['T10M', "it must start with 'P'"],
      ['-PT5M', "it must start with 'P'"],
      ['P-1D', 'a timer cannot wait a negative time'],
      ['PT-5M', 'a timer cannot wait a negative time'],
      ['PT1.5H', 'only seconds may have a fraction'],
      ['P1.5D', 'only seconds may have a fraction'],
      ['P1H', 'is not an ISO 8601 duration'],
      ['PT1D', 'is not an ISO 8601 duration'],
      ['P1M1Y', 'is not an ISO 8601 duration'],
      ['PT5M10H', 'is not an ISO 8601 duration'],
      ['P 1D', 'is not an ISO 8601 duration'],
      ['PT1.1234567891S', 'is not an ISO 8601 duration'],
      ['R/PT5M', 'that is a timer cycle'],
      ['2026-12-24T10:00:00Z', 'use a timer date'],
      ['ten minutes', "it must start with 'P'"],
    ])('given %j, then the message explains and shows an example', (duration, reason) => {
      const result = scheduleTimer('duration', duration, at('2026-03-01T10:00:00Z'));

      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(`'${duration}'`);
      expect(!result.ok && result.message).toContain(reason);
      expect(!result.ok && result.message).toContain('write e.g. PT10M (10 minutes)');
    });

    it('given a duration that ends after the year 9999, then it is refused', () => {
      const result = scheduleTimer('duration', 'P99999Y', at('2026-03-01T10:00:00Z'));

      expect(result).toEqual({ ok: false, message: expect.stringContaining('outside the years 0000 to 9999') });
    });

    it('given a number too long for any clock, then it is refused, not thrown', () => {
      const result = scheduleTimer('duration', `PT${'9'.repeat(400)}S`, at('2026-03-01T10:00:00Z'));

      expect(result.ok).toBe(false);
    });
  });
});
