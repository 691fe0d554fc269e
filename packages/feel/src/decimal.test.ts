import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal';

const d = (text: string): Decimal => Decimal.parse(text)!;

describe('Decimal', () => {
  it('given decimal fractions, when added, then the sum is exact', () => {
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
  });

  it('given a division that does not terminate, when divided, then 34 significant digits rounded half-even', () => {
    expect(d('2').div(d('3'))?.toString()).toBe('0.6666666666666666666666666666666667');
    expect(d('1').div(d('0'))).toBeUndefined();
  });

  it('given equal values written differently, when compared, then they are equal', () => {
    expect(d('1.50').equals(d('1.5'))).toBe(true);
    expect(d('12300').equals(d('1.23e4'))).toBe(true);
  });

  it.each([
    ['2.5', 'half-even', '2'],
    ['3.5', 'half-even', '4'],
    ['-2.5', 'half-up', '-3'],
    ['-2.5', 'half-down', '-2'],
    ['2.1', 'up', '3'],
    ['-2.9', 'down', '-2'],
    ['-2.1', 'floor', '-3'],
  ] as const)('given %s, when rounded %s to an integer, then %s', (value, mode, expected) => {
    expect(d(value).round(0, mode).toString()).toBe(expected);
  });
});
