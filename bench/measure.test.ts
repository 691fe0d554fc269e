import { describe, expect, it } from 'vitest';
import { measureThroughput, median } from './measure';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('measureThroughput', () => {
  it('warms up once, then runs each measured batch with the next offset', async () => {
    const batches: [number, number][] = [];

    const throughput = await measureThroughput({ operations: 10, warmupOperations: 4, runs: 3 }, (count, offset) => {
      batches.push([count, offset]);
    });

    expect(batches).toEqual([
      [4, 0],
      [10, 4],
      [10, 14],
      [10, 24],
    ]);
    expect(throughput.runs).toHaveLength(3);
    expect(throughput.durationsMs).toHaveLength(3);
    expect(throughput.median).toBe(median(throughput.runs));
    for (const rate of throughput.runs) expect(rate).toBeGreaterThan(0);
  });

  it('awaits asynchronous batches', async () => {
    let finished = 0;

    await measureThroughput({ operations: 1, warmupOperations: 0, runs: 2 }, async () => {
      await Promise.resolve();
      finished++;
    });

    expect(finished).toBe(2);
  });

  it('rejects a plan without measured runs', async () => {
    await expect(measureThroughput({ operations: 1, warmupOperations: 0, runs: 0 }, () => undefined)).rejects.toThrow(
      RangeError,
    );
  });
});
