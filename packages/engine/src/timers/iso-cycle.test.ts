import { describe, expect, it } from 'vitest';
import { nextRepeatTime, parseIsoDuration, scheduleTimer, type IsoDuration, type TimerSchedule } from './index';

const NOW = Date.parse('2026-01-31T10:00:00Z');
const at = (text: string): number => Date.parse(text);
const iso = (time: number): string => new Date(time).toISOString();

function repeat(cycle: string, now = NOW): Extract<TimerSchedule, { kind: 'repeat' }> {
  const result = scheduleTimer('cycle', cycle, now);
  if (!result.ok || result.schedule.kind !== 'repeat') throw new Error(`expected a repeat: ${JSON.stringify(result)}`);
  return result.schedule;
}

function duration(text: string): IsoDuration {
  const result = parseIsoDuration(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('timer cycle: ISO 8601 repeating interval', () => {
  it('given R3/PT10M, then it fires 3 times, the first one interval from now', () => {
    const schedule = repeat('R3/PT10M');

    expect(iso(schedule.firstDueAt)).toBe('2026-01-31T10:10:00.000Z');
    expect(schedule.intervalMs).toBe(600_000);
    expect(schedule.repetitions).toBe(3);
  });

  it('given R/PT1H, then it repeats for ever', () => {
    const schedule = repeat('R/PT1H');

    expect(iso(schedule.firstDueAt)).toBe('2026-01-31T11:00:00.000Z');
    expect(schedule.repetitions).toBeUndefined();
  });

  it('given R0 or R1, then it fires once, as in Camunda 8', () => {
    expect(repeat('R0/PT1M').repetitions).toBe(1);
    expect(repeat('R1/PT1M').repetitions).toBe(1);
  });

  it('given the largest count Camunda 8 takes, then it is kept', () => {
    expect(repeat('R2147483647/PT1S').repetitions).toBe(2_147_483_647);
  });

  it('given a start in the future, then the first firing is at the start', () => {
    const schedule = repeat('R5/2026-12-24T09:00:00Z/P1D');

    expect(iso(schedule.firstDueAt)).toBe('2026-12-24T09:00:00.000Z');
    expect(schedule.intervalMs).toBe(86_400_000);
    expect(schedule.repetitions).toBe(5);
  });

  it('given a start with a zone, then the zone is honoured', () => {
    expect(iso(repeat('R/2026-12-24T09:00:00[Europe/Berlin]/PT12H').firstDueAt)).toBe('2026-12-24T08:00:00.000Z');
  });

  it('given a start already past, then it fires at once, as in Camunda 8', () => {
    expect(repeat('R/2020-01-01T00:00:00Z/PT1H').firstDueAt).toBe(NOW);
  });

  it('given a calendar interval (P1M), then the first firing is clamped and its length is not fixed', () => {
    const schedule = repeat('R/P1M');

    expect(iso(schedule.firstDueAt)).toBe('2026-02-28T10:00:00.000Z');
    expect(schedule.intervalMs).toBeUndefined();
    expect(schedule.interval).toEqual(duration('P1M'));
  });

  describe('the next firing', () => {
    it('given a fixed interval, then it is one interval after the last due time', () => {
      const last = at('2026-01-31T10:10:00Z');

      expect(iso(nextRepeatTime(duration('PT10M'), last, last + 5))).toBe('2026-01-31T10:20:00.000Z');
    });

    it('given P1M from 31 January, then each step clamps from the last due time, as java.time does', () => {
      const interval = duration('P1M');
      const february = nextRepeatTime(interval, at('2026-01-31T10:00:00Z'), at('2026-01-31T10:00:00Z'));
      const march = nextRepeatTime(interval, february, february);

      expect([iso(february), iso(march)]).toEqual(['2026-02-28T10:00:00.000Z', '2026-03-28T10:00:00.000Z']);
    });

    it('given P1Y from 29 February, then 28 February next year', () => {
      const last = at('2024-02-29T00:00:00Z');

      expect(iso(nextRepeatTime(duration('P1Y'), last, last))).toBe('2025-02-28T00:00:00.000Z');
    });

    it('given the timer fired late and missed whole intervals, then the next is one interval after now', () => {
      const last = at('2026-01-31T10:00:00Z');
      const now = at('2026-01-31T13:30:00Z');

      expect(iso(nextRepeatTime(duration('PT1H'), last, now))).toBe('2026-01-31T14:30:00.000Z');
    });
  });

  describe('malformed cycles', () => {
    it.each([
      ['R5', "no '/' follows the R"],
      ['R', "no '/' follows the R"],
      ['R-1/PT1M', 'after R comes how often it fires'],
      ['Rx/PT1M', 'after R comes how often it fires'],
      ['R2.5/PT1M', 'after R comes how often it fires'],
      ['R2147483648/PT1M', 'it repeats more than 2147483647 times'],
      ['R/', 'it must end with the interval'],
      ['R3/', 'it must end with the interval'],
      ['R/PT0S', 'its interval is zero'],
      ['R/P0D', 'its interval is zero'],
      ['R/2026-12-24T09:00:00Z', 'it must end with the interval'],
      ['R/2026-12-24T09:00:00[Europe/Berlin]', 'it must end with the interval'],
      ['R/PT1H/2026-12-24T09:00:00Z', 'it must end with the interval'],
      ['PT5M', 'is a duration, not a timer cycle; write e.g. R/PT5M'],
      ['2026-12-24T09:00:00Z', 'it is a date; give a cycle a start with R/<start>/<interval>'],
      ['', 'it is empty'],
      ['hourly', 'is not a timer cycle'],
    ])('given %j, then the message explains and shows an example', (cycle, reason) => {
      const result = scheduleTimer('cycle', cycle, NOW);

      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(`'${cycle}'`);
      expect(!result.ok && result.message).toContain(reason);
      expect(!result.ok && result.message).toMatch(/write e\.g\. R\/(PT1H|PT5M)/);
    });

    it('given a bad interval, then the message names the cycle and the interval', () => {
      const result = scheduleTimer('cycle', 'R3/PT10X', NOW);

      expect(result).toEqual({
        ok: false,
        message:
          "In the timer cycle 'R3/PT10X', 'PT10X' is not an ISO 8601 duration; " +
          'write e.g. PT10M (10 minutes), P1DT2H (1 day and 2 hours) or P1M (1 calendar month).',
      });
    });

    it('given a bad start, then the message names the cycle and the start', () => {
      const result = scheduleTimer('cycle', 'R/2026-02-30T09:00:00Z/P1D', NOW);

      expect(!result.ok && result.message).toBe(
        "In the timer cycle 'R/2026-02-30T09:00:00Z/P1D', the start '2026-02-30T09:00:00Z' is not an ISO 8601 " +
          'date-time (February 2026 has no day 30; it has 28 days); write e.g. 2026-12-24T10:00:00Z, ' +
          '2026-12-24T10:00:00+01:00 or 2026-12-24T10:00:00[Europe/Berlin].',
      );
    });

    it('given a first firing after the year 9999, then it is refused', () => {
      expect(scheduleTimer('cycle', 'R/P9000Y', NOW).ok).toBe(false);
    });
  });
});
