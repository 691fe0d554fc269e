import { describe, expect, it } from 'vitest';
import { scheduleTimer, type TimerDefinitionKind } from './index';

const NOW = Date.parse('2026-01-31T10:00:00Z');

describe('scheduleTimer', () => {
  it('given a timer date, then it fires once at that date', () => {
    expect(scheduleTimer('date', '2026-12-24T10:00:00Z', NOW)).toEqual({
      ok: true,
      schedule: { kind: 'once', dueAt: Date.parse('2026-12-24T10:00:00Z') },
    });
  });

  it('given a timer duration, then it fires once, that long after now', () => {
    expect(scheduleTimer('duration', 'PT10M', NOW)).toEqual({
      ok: true,
      schedule: { kind: 'once', dueAt: NOW + 600_000 },
    });
  });

  it('given a repeating interval, then it repeats', () => {
    expect(scheduleTimer('cycle', 'R3/PT10M', NOW)).toEqual({
      ok: true,
      schedule: {
        kind: 'repeat',
        firstDueAt: NOW + 600_000,
        interval: { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 10, seconds: 0 },
        intervalMs: 600_000,
        repetitions: 3,
      },
    });
  });

  it('given a cron expression, then it fires at its next time, and carries the expression for the ones after', () => {
    const result = scheduleTimer('cycle', '0 0 9 * * MON-FRI', NOW);

    expect(result.ok && result.schedule.kind === 'cron' && result.schedule.firstDueAt).toBe(
      Date.parse('2026-02-02T09:00:00Z'),
    );
    expect(result.ok && result.schedule.kind === 'cron' && result.schedule.cron.text).toBe('0 0 9 * * MON-FRI');
  });

  it('given a cron macro as a cycle, then it is a cron schedule', () => {
    const result = scheduleTimer('cycle', '@daily', NOW);

    expect(result.ok && result.schedule.kind).toBe('cron');
  });

  it('given a cron expression that never fires, then the message says why and what to write', () => {
    expect(scheduleTimer('cycle', '0 0 0 30 2 *', NOW)).toEqual({
      ok: false,
      message:
        "The cron expression '0 0 0 30 2 *' never fires in the next 8 years. Check that the day exists " +
        '(there is no 30 February), and remember that a day must match both the day-of-month and the ' +
        'day-of-week field: write ? in the one you do not mean, e.g. 0 0 12 ? * SUN.',
    });
  });

  it('given a malformed duration, then the message names the text and shows valid ones', () => {
    expect(scheduleTimer('duration', 'PT10X', NOW)).toEqual({
      ok: false,
      message:
        "'PT10X' is not an ISO 8601 duration; write e.g. PT10M (10 minutes), P1DT2H (1 day and 2 hours) " +
        'or P1M (1 calendar month).',
    });
  });

  it('given a malformed cron expression in a cycle, then the cron message, not the ISO one', () => {
    const result = scheduleTimer('cycle', '0 0 25 * * *', NOW);

    expect(!result.ok && result.message).toContain("'0 0 25 * * *' is not a cron expression");
  });

  describe('never throws and never hangs', () => {
    const oddInputs = [
      '',
      ' ',
      '\n\t',
      'x'.repeat(100_000),
      `P${'1'.repeat(500)}D`,
      `R${'9'.repeat(400)}/PT1S`,
      `${'9'.repeat(30)}-01-01T00:00:00Z`,
      '__proto__',
      '@constructor',
      '@toString',
      'R/R/R/',
      '////',
      '[]',
      '2026-12-24T10:00:00[../../etc/passwd]',
      '2026-12-24T10:00:00[Europe/Berlin][UTC]',
      '* * * * * * * * * * * *',
      '0 0 0 ? * #',
      '0 0 0 L-W * *',
      '0 0 0 ,,, * *',
      '1-2-3 * * * * *',
      '*/999999999999999999999 * * * * *',
      'ÄÖÜ 🙂',
      'P1Y\u0000',
      'null',
      'undefined',
      'NaN',
    ];
    const kinds: TimerDefinitionKind[] = ['date', 'duration', 'cycle'];

    it.each(kinds)('given odd %s texts, then each gives a schedule or a short message with an example', (kind) => {
      for (const text of oddInputs) {
        const result = scheduleTimer(kind, text, NOW);

        if (!result.ok) expect(result.message).toMatch(/e\.g\./);
        if (!result.ok) expect(result.message.length).toBeLessThan(700); // long texts are shortened
      }
    });

    it('given now is not a number, then a message, not an exception', () => {
      expect(scheduleTimer('duration', 'PT1M', Number.NaN).ok).toBe(false);
      expect(scheduleTimer('cycle', '0 * * * * *', Number.NaN).ok).toBe(false);
    });
  });
});
