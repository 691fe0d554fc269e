import { describe, expect, it } from 'vitest';
import { checkSyntax, evaluateExpression, evaluateUnaryTests, toJsonValue } from './index';

// The feelin-based API the engine uses keeps its semantics (see README).
describe('evaluateExpression and evaluateUnaryTests (feelin)', () => {
  it('given variables, when an expression is evaluated, then its value as JSON data', () => {
    expect(evaluateExpression('amount > 100', { amount: 150 })).toEqual({ ok: true, value: true, warnings: [] });
  });

  it('given a clock, when now() is evaluated, then it reads the clock', () => {
    expect(evaluateExpression('string(today())', {}, { now: Date.UTC(2026, 0, 2) })).toMatchObject({
      value: '2026-01-02',
    });
  });

  it('given unary tests, when an input is tested, then a boolean', () => {
    expect(evaluateUnaryTests('[1..10]', 5, {})).toMatchObject({ ok: true, value: true });
  });

  it('given a broken expression, when checked, then a message with the position', () => {
    expect(checkSyntax('a +* b')).toMatch(/position 4/);
    expect(checkSyntax('a + b')).toBeUndefined();
  });

  it('given nested values, when converted, then plain JSON', () => {
    expect(toJsonValue({ a: [1, undefined], b: Infinity })).toEqual({ a: [1, null], b: null });
  });
});
