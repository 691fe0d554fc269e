import { describe, expect, it } from 'vitest';
import {
  clockInstant,
  compileExpression,
  compileUnaryTests,
  fromJs,
  Scope,
  stringOf,
  toJs,
  type EvalEnv,
  type FeelValue,
} from './index';

function run(
  source: string,
  variables: Record<string, unknown> = {},
  env: EvalEnv = { errors: [], now: undefined },
): FeelValue {
  const compiled = compileExpression(source, Object.keys(variables));
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value.evaluate(
    new Scope(new Map(Object.entries(variables).map(([name, value]) => [name, fromJs(value)]))),
    env,
  );
}

const text = (source: string, variables: Record<string, unknown> = {}): string => {
  const value = run(source, variables);
  return value === null ? 'null' : stringOf(value);
};

describe('FEEL expressions', () => {
  it.each([
    ['0.1 + 0.2 = 0.3', 'true'],
    ['1 / 3', '0.3333333333333333333333333333333333'],
    ['2 ** 100', '1267650600228229401496703205376'],
    ['decimal(2.5, 0)', '2'],
    ['round half up(2.5, 0)', '3'],
    ['modulo(-12, 5)', '3'],
    ['"a" + "b"', 'ab'],
    ['substring("foobar", -3)', 'bar'],
    ['string join(["a", "b"], ", ")', 'a, b'],
    ['date("2024-01-31") + duration("P1M")', '2024-02-29'],
    // A days-and-time duration is exact time: across the switch to summer time, 24 hours end at 13:00.
    ['date and time("2024-03-30T12:00:00@Europe/Paris") + duration("P1D")', '2024-03-31T13:00:00@Europe/Paris'],
    ['date("2024-03-01") - date("2024-02-01")', 'P29D'],
    ['years and months duration(date("2011-12-22"), date("2013-08-24"))', 'P1Y8M'],
    ['time("10:30:00+02:00") = time("08:30:00Z")', 'true'],
    ['{a: 1, b: a + 1}.b', '2'],
    ['[1, 2, 3][item > 1]', '[2, 3]'],
    ['[1, 2, 3][-1]', '3'],
    ['for x in 1..3 return x * x', '[1, 4, 9]'],
    ['for i in 0..4 return if i = 0 then 1 else i * partial[-1]', '[1, 1, 2, 6, 24]'],
    ['every x in [1, 2] satisfies x > 0', 'true'],
    ['5 in [1..10)', 'true'],
    ['[1, 2] instance of list<number>', 'true'],
    ['sort([3, 1, 2], function(a, b) a < b)', '[1, 2, 3]'],
    ['before([1..5], 6)', 'true'],
    ['context put({a: 1}, "b", 2)', '{a: 1, b: 2}'],
    ['matches("abc", "^A", "i")', 'true'],
  ])('given %s, when evaluated, then %s', (source, expected) => {
    expect(text(source)).toBe(expected);
  });

  it('given multi-word variable names, when they are passed as names in scope, then they parse', () => {
    expect(text('Monthly Salary * 12', { 'Monthly Salary': 1000 })).toBe('12000');
  });

  it('given an error (unknown variable, bad argument), when evaluated, then null and a message, not an exception', () => {
    const env: EvalEnv = { errors: [], now: undefined };
    expect(run('unknown + 1', {}, env)).toBeNull();
    expect(run('substring(1, 2)', {}, env)).toBeNull();
    expect(env.errors[0]).toMatch(/no variable named 'unknown'/);
  });

  it('given a syntax error, when compiled, then a syntax failure with its position', () => {
    const compiled = compileExpression('1 +* 2');
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error).toMatchObject({ kind: 'syntax', expression: '1 +* 2' });
  });

  it('given a clock, when now() is evaluated, then it reads the clock; without one, null and a message', () => {
    const now = clockInstant(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(stringOf(run('now()', {}, { errors: [], now }) ?? 'null')).toBe('2026-01-02T03:04:05Z');
    const env: EvalEnv = { errors: [], now: undefined };
    expect(run('today()', {}, env)).toBeNull();
    expect(env.errors[0]).toMatch(/no clock/);
  });

  it('given FEEL values, when converted to JSON, then numbers, ISO strings and objects', () => {
    expect(toJs(run('{n: 1.5, d: date("2026-01-01"), l: [duration("PT1H")]}'))).toEqual({
      n: 1.5,
      d: '2026-01-01',
      l: ['PT1H'],
    });
  });
});

describe('FEEL unary tests', () => {
  const test = (tests: string, input: unknown): boolean | null => {
    const compiled = compileUnaryTests(tests);
    if (!compiled.ok) throw new Error(compiled.error.message);
    return compiled.value.test(fromJs(input), Scope.empty, { errors: [], now: undefined });
  };

  it.each([
    ['-', 5, true],
    ['< 10', 5, true],
    ['[1..5]', 6, false],
    ['"a", "b"', 'b', true],
    ['not("a", "b")', 'c', true],
    ['? > 3', 5, true],
    ['null', null, true],
    ['[1, 2, 3]', 2, true],
    ['date("2024-01-01")', '2024-01-01', null],
  ])('given %s and input %j, when tested, then %s', (tests, input, expected) => {
    expect(test(tests, input)).toBe(expected);
  });
});
