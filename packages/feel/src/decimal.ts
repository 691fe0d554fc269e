/**
 * FEEL numbers: decimals with 34 significant digits (IEEE 754 decimal128, as the DMN
 * specification asks), held as `coefficient × 10^exponent` with BigInt. Values are normalised
 * (no trailing zeros in the coefficient), so equal numbers have equal fields.
 */
export const PRECISION = 34;

export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'floor' | 'ceiling';

const TEN = 10n;
const powCache: bigint[] = [1n];
function pow10(n: number): bigint {
  let cached = powCache[n];
  if (cached !== undefined) return cached;
  cached = TEN ** BigInt(n);
  if (n < 256) powCache[n] = cached;
  return cached;
}

function digitCount(value: bigint): number {
  const abs = value < 0n ? -value : value;
  return abs === 0n ? 1 : abs.toString().length;
}

/** Divides `value` by 10^places, rounding as `mode` says. */
function shiftRight(value: bigint, places: number, mode: RoundingMode): bigint {
  if (places <= 0) return value * pow10(-places);
  const divisor = pow10(places);
  const quotient = value / divisor;
  const remainder = value % divisor;
  if (remainder === 0n) return quotient;
  const negative = value < 0n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const away = negative ? quotient - 1n : quotient + 1n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return away;
    case 'floor':
      return negative ? away : quotient;
    case 'ceiling':
      return negative ? quotient : away;
    case 'half-up':
      return twice >= divisor ? away : quotient;
    case 'half-down':
      return twice > divisor ? away : quotient;
    case 'half-even':
      if (twice > divisor) return away;
      if (twice < divisor) return quotient;
      return quotient % 2n === 0n ? quotient : away;
  }
}

export class Decimal {
  private constructor(
    readonly coefficient: bigint,
    readonly exponent: number,
  ) {}

  static of(coefficient: bigint, exponent: number): Decimal {
    if (coefficient === 0n) return new Decimal(0n, 0);
    let c = coefficient;
    let e = exponent;
    const digits = digitCount(c);
    if (digits > PRECISION) {
      c = shiftRight(c, digits - PRECISION, 'half-even');
      e += digits - PRECISION;
    }
    while (c % TEN === 0n) {
      c /= TEN;
      e += 1;
    }
    return new Decimal(c, e);
  }

  static parse(text: string): Decimal | undefined {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!match) return undefined;
    const [, sign = '', whole = '', fraction = '', exp = '0'] = match;
    if (whole === '' && fraction === '') return undefined;
    const coefficient = BigInt(`${sign}${whole}${fraction}` === sign ? '0' : `${sign}${whole || '0'}${fraction}`);
    return Decimal.of(coefficient, Number(exp) - fraction.length);
  }

  static fromNumber(value: number): Decimal | undefined {
    if (!Number.isFinite(value)) return undefined;
    if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return Decimal.of(BigInt(value), 0);
    return Decimal.parse(String(value));
  }

  static fromInt(value: number | bigint): Decimal {
    return Decimal.of(BigInt(value), 0);
  }

  isZero(): boolean {
    return this.coefficient === 0n;
  }
  isNegative(): boolean {
    return this.coefficient < 0n;
  }
  isInteger(): boolean {
    return this.exponent >= 0;
  }
  sign(): number {
    return this.coefficient === 0n ? 0 : this.coefficient < 0n ? -1 : 1;
  }

  add(other: Decimal): Decimal {
    const e = Math.min(this.exponent, other.exponent);
    return Decimal.of(this.coefficient * pow10(this.exponent - e) + other.coefficient * pow10(other.exponent - e), e);
  }
  sub(other: Decimal): Decimal {
    return this.add(other.negate());
  }
  negate(): Decimal {
    return Decimal.of(-this.coefficient, this.exponent);
  }
  abs(): Decimal {
    return this.coefficient < 0n ? this.negate() : this;
  }
  mul(other: Decimal): Decimal {
    return Decimal.of(this.coefficient * other.coefficient, this.exponent + other.exponent);
  }
  /** undefined when dividing by zero. */
  div(other: Decimal): Decimal | undefined {
    if (other.coefficient === 0n) return undefined;
    if (this.coefficient === 0n) return this;
    const negative = this.coefficient < 0n !== other.coefficient < 0n;
    const dividend = this.coefficient < 0n ? -this.coefficient : this.coefficient;
    const divisor = other.coefficient < 0n ? -other.coefficient : other.coefficient;
    const shift = Math.max(PRECISION + 2 + digitCount(divisor) - digitCount(dividend), 0);
    const scaled = dividend * pow10(shift);
    // A sticky last digit keeps half-even rounding right when the division was inexact.
    const coefficient = (scaled / divisor) * 10n + (scaled % divisor === 0n ? 0n : 1n);
    return Decimal.of(negative ? -coefficient : coefficient, this.exponent - other.exponent - shift - 1);
  }
  compare(other: Decimal): number {
    const e = Math.min(this.exponent, other.exponent);
    const a = this.coefficient * pow10(this.exponent - e);
    const b = other.coefficient * pow10(other.exponent - e);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  equals(other: Decimal): boolean {
    return this.coefficient === other.coefficient && this.exponent === other.exponent;
  }

  /** Rounds to `scale` digits after the point. */
  round(scale: number, mode: RoundingMode): Decimal {
    const places = -scale - this.exponent;
    if (places <= 0) return this;
    return Decimal.of(shiftRight(this.coefficient, places, mode), -scale);
  }
  floor(): Decimal {
    return this.round(0, 'floor');
  }
  ceiling(): Decimal {
    return this.round(0, 'ceiling');
  }

  /** Integer power, exact up to the precision; undefined for 0 ** negative. */
  powInt(exponent: number): Decimal | undefined {
    if (exponent < 0) {
      const positive = this.powInt(-exponent);
      return positive === undefined ? undefined : ONE.div(positive);
    }
    let result: Decimal = ONE;
    let base = this.mul(ONE);
    let n = exponent;
    while (n > 0) {
      if (n % 2 === 1) result = result.mul(base);
      base = base.mul(base);
      n = Math.floor(n / 2);
    }
    return result;
  }

  toBigInt(): bigint {
    return this.exponent >= 0 ? this.coefficient * pow10(this.exponent) : this.coefficient / pow10(-this.exponent);
  }
  toNumber(): number {
    return Number(this.toString());
  }

  /** Plain notation, as FEEL's `string()` prints numbers. */
  toString(): string {
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient).toString();
    let text: string;
    if (this.exponent >= 0) text = digits + '0'.repeat(this.exponent);
    else {
      const point = digits.length + this.exponent;
      text = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
    }
    return negative ? `-${text}` : text;
  }
}

export const ZERO: Decimal = Decimal.fromInt(0);
export const ONE: Decimal = Decimal.fromInt(1);
