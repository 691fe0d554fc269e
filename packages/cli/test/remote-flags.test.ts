import { describe, expect, it } from 'vitest';
import { durationMs, expiresInDays, roleGrants } from '../src/remote/flag-values';
import { formatTable } from '../src/remote/text-table';

describe('flag values of the remote commands', () => {
  it('reads --ttl as milliseconds or an ISO 8601 duration', () => {
    expect(durationMs('--ttl', '60000')).toBe(60_000);
    expect(durationMs('--ttl', 'PT10M')).toBe(600_000);
    expect(durationMs('--ttl', 'P1DT1H30S')).toBe(90_030_000);
    expect(() => durationMs('--ttl', 'ten minutes')).toThrow(/ISO 8601/);
    expect(() => durationMs('--ttl', 'PT')).toThrow(/ISO 8601/);
  });

  it('reads --expires as days or a future date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(expiresInDays('90', now)).toBe(90);
    expect(expiresInDays('90d', now)).toBe(90);
    expect(expiresInDays('P7D', now)).toBe(7);
    expect(expiresInDays('2026-01-31', now)).toBe(30);
    expect(() => expiresInDays('2020-01-01', now)).toThrow(/future date/);
  });

  it('reads --role ROLE or ROLE:PROCESS_ID', () => {
    expect(roleGrants(['operator', 'task-user:orders'])).toEqual([
      { role: 'operator' },
      { role: 'task-user', processId: 'orders' },
    ]);
    expect(() => roleGrants(['operator:'])).toThrow(/operator:PROCESS_ID/);
  });

  it('pads a table to its widest cells and shows a missing value as -', () => {
    const rows = [
      { key: '1', name: 'Approve order' },
      { key: '22', name: undefined },
    ];
    expect(
      formatTable(
        [
          { header: 'KEY', cell: (row) => row.key },
          { header: 'NAME', cell: (row) => row.name },
        ],
        rows,
      ),
    ).toEqual(['KEY  NAME', '1    Approve order', '22   -']);
  });
});
