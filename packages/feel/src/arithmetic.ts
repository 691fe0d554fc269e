import { daysInMonth } from './calendar';
import { Decimal } from './decimal';
import type { FeelValue } from './feel-value';
import {
  dateTimeFromLocalSeconds,
  DayTimeDuration,
  FeelDate,
  FeelDateTime,
  FeelTime,
  YearMonthDuration,
} from './temporal';

/** FEEL arithmetic: numbers, string concatenation, and date/time/duration arithmetic. Null when undefined. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '**';

const NANOS = Decimal.fromInt(1_000_000_000);

function nanosOf(seconds: Decimal): bigint {
  return seconds.mul(NANOS).round(0, 'down').toBigInt();
}

function secondsOf(nanos: bigint): Decimal {
  return Decimal.of(nanos, -9);
}

function addDayTime(value: FeelDateTime, seconds: Decimal): FeelDateTime {
  const total = BigInt(value.localSeconds) * 1_000_000_000n + BigInt(value.time.nanos) + nanosOf(seconds);
  const wholeSeconds = total >= 0n ? total / 1_000_000_000n : -((-total + 999_999_999n) / 1_000_000_000n);
  const nanos = Number(total - wholeSeconds * 1_000_000_000n);
  if (value.time.zone !== null) {
    // Add on the timeline, then read the wall clock of the zone again.
    const offset = value.effectiveOffset ?? 0;
    const instant = Number(wholeSeconds) - offset;
    const shifted = dateTimeFromLocalSeconds(instant, nanos, 0, null);
    const probe = dateTimeFromLocalSeconds(instant + offset, nanos, null, value.time.zone);
    const newOffset = probe.effectiveOffset ?? offset;
    return dateTimeFromLocalSeconds(shifted.localSeconds + newOffset, nanos, null, value.time.zone);
  }
  return dateTimeFromLocalSeconds(Number(wholeSeconds), nanos, value.time.offset, value.time.zone);
}

export function addMonths(date: FeelDate, months: number): FeelDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return new FeelDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

function addToTemporal(left: FeelValue, duration: DayTimeDuration | YearMonthDuration, sign: 1 | -1): FeelValue {
  if (duration instanceof YearMonthDuration) {
    const months = sign * duration.months;
    if (left instanceof FeelDateTime) return new FeelDateTime(addMonths(left.date, months), left.time);
    if (left instanceof FeelDate) return addMonths(left, months);
    return null;
  }
  const seconds = sign < 0 ? duration.seconds.negate() : duration.seconds;
  if (left instanceof FeelDateTime) return addDayTime(left, seconds);
  if (left instanceof FeelDate) {
    const moved = addDayTime(new FeelDateTime(left, new FeelTime(0, 0, 0, 0, null, null)), seconds);
    return moved.date;
  }
  if (left instanceof FeelTime) {
    const day = new FeelDateTime(
      new FeelDate(1970, 1, 1),
      new FeelTime(left.hour, left.minute, left.second, left.nanos, null, null),
    );
    const moved = addDayTime(day, seconds).time;
    return new FeelTime(moved.hour, moved.minute, moved.second, moved.nanos, left.offset, left.zone);
  }
  return null;
}

function asDateTime(value: FeelDate | FeelDateTime): FeelDateTime {
  return value instanceof FeelDateTime ? value : new FeelDateTime(value, new FeelTime(0, 0, 0, 0, 0, null));
}

function subtractTemporal(left: FeelValue, right: FeelValue): FeelValue {
  if (
    (left instanceof FeelDateTime || left instanceof FeelDate) &&
    (right instanceof FeelDateTime || right instanceof FeelDate)
  ) {
    if (left instanceof FeelDate && right instanceof FeelDate) {
      return new DayTimeDuration(Decimal.fromInt((left.epochDay - right.epochDay) * 86400));
    }
    const a = asDateTime(left);
    const b = asDateTime(right);
    if (a.time.hasTimezone() !== b.time.hasTimezone()) return null;
    const seconds = a.time.hasTimezone() ? a.epochSeconds - b.epochSeconds : a.localSeconds - b.localSeconds;
    const nanos = BigInt(seconds) * 1_000_000_000n + BigInt(a.time.nanos - b.time.nanos);
    return new DayTimeDuration(secondsOf(nanos));
  }
  if (left instanceof FeelTime && right instanceof FeelTime) {
    const a = left.secondOfDay - (left.offset ?? 0);
    const b = right.secondOfDay - (right.offset ?? 0);
    return new DayTimeDuration(secondsOf(BigInt(a - b) * 1_000_000_000n + BigInt(left.nanos - right.nanos)));
  }
  return null;
}

function durationTimes(duration: DayTimeDuration | YearMonthDuration, factor: Decimal): FeelValue {
  if (duration instanceof DayTimeDuration) return new DayTimeDuration(duration.seconds.mul(factor));
  return new YearMonthDuration(Decimal.fromInt(duration.months).mul(factor).round(0, 'down').toNumber());
}

function isDuration(value: FeelValue): value is DayTimeDuration | YearMonthDuration {
  return value instanceof DayTimeDuration || value instanceof YearMonthDuration;
}

export function power(base: Decimal, exponent: Decimal): Decimal | null {
  if (exponent.isInteger() && exponent.abs().compare(Decimal.fromInt(999_999_999)) <= 0) {
    return base.powInt(exponent.toNumber()) ?? null;
  }
  const result = Math.pow(base.toNumber(), exponent.toNumber());
  return Decimal.fromNumber(result) ?? null;
}

export function arithmetic(operator: ArithmeticOperator, left: FeelValue, right: FeelValue): FeelValue {
  if (left === null || right === null) return null;
  if (left instanceof Decimal && right instanceof Decimal) {
    switch (operator) {
      case '+':
        return left.add(right);
      case '-':
        return left.sub(right);
      case '*':
        return left.mul(right);
      case '/':
        return left.div(right) ?? null;
      case '**':
        return power(left, right);
    }
  }
  switch (operator) {
    case '+':
      if (typeof left === 'string' && typeof right === 'string') return left + right;
      if (left instanceof DayTimeDuration && right instanceof DayTimeDuration)
        return new DayTimeDuration(left.seconds.add(right.seconds));
      if (left instanceof YearMonthDuration && right instanceof YearMonthDuration)
        return new YearMonthDuration(left.months + right.months);
      if (isDuration(right)) return addToTemporal(left, right, 1);
      if (isDuration(left) && !isDuration(right)) return addToTemporal(right, left, 1);
      return null;
    case '-':
      if (left instanceof DayTimeDuration && right instanceof DayTimeDuration)
        return new DayTimeDuration(left.seconds.sub(right.seconds));
      if (left instanceof YearMonthDuration && right instanceof YearMonthDuration)
        return new YearMonthDuration(left.months - right.months);
      if (isDuration(right)) return addToTemporal(left, right, -1);
      return subtractTemporal(left, right);
    case '*':
      if (isDuration(left) && right instanceof Decimal) return durationTimes(left, right);
      if (left instanceof Decimal && isDuration(right)) return durationTimes(right, left);
      return null;
    case '/':
      if (isDuration(left) && right instanceof Decimal) {
        if (right.isZero()) return null;
        if (left instanceof DayTimeDuration) return new DayTimeDuration(left.seconds.div(right) ?? left.seconds);
        return new YearMonthDuration((Decimal.fromInt(left.months).div(right) ?? right).round(0, 'down').toNumber());
      }
      if (left instanceof DayTimeDuration && right instanceof DayTimeDuration)
        return left.seconds.div(right.seconds) ?? null;
      if (left instanceof YearMonthDuration && right instanceof YearMonthDuration) {
        return Decimal.fromInt(left.months).div(Decimal.fromInt(right.months)) ?? null;
      }
      return null;
    case '**':
      return null;
  }
}
