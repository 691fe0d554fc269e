import { zoneOffset } from './calendar';
import { Decimal } from './decimal';
import { DayTimeDuration, FeelDate, FeelDateTime, FeelTime, YearMonthDuration } from './temporal';
import type { FeelFunction } from './feel-function';

/** A FEEL value. Numbers are `Decimal`; contexts are `Map`s (their entries keep their order). */
export type FeelValue =
  | null
  | boolean
  | string
  | Decimal
  | FeelDate
  | FeelTime
  | FeelDateTime
  | DayTimeDuration
  | YearMonthDuration
  | FeelList
  | FeelContextValue
  | FeelRange
  | FeelFunction;

export type FeelList = readonly FeelValue[];
export type FeelContextValue = ReadonlyMap<string, FeelValue>;

/**
 * A range: an interval such as `[1..10)`, or the range a unary comparison such as `< 10` denotes
 * (`operator` says which; an interval and a comparison with the same bounds are not equal).
 */
export class FeelRange {
  constructor(
    readonly start: FeelValue,
    readonly end: FeelValue,
    readonly startIncluded: boolean,
    readonly endIncluded: boolean,
    readonly operator?: '<' | '<=' | '>' | '>=' | '=' | '!=',
  ) {}
}

export function isContext(value: FeelValue | undefined): value is FeelContextValue {
  return value instanceof Map;
}

export function isList(value: FeelValue | undefined): value is FeelList {
  return Array.isArray(value);
}

/** The FEEL type name of a value, as `instance of` and error messages use it. */
export function typeName(value: FeelValue): string {
  if (value === null) return 'Null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (value instanceof Decimal) return 'number';
  if (value instanceof FeelDate) return 'date';
  if (value instanceof FeelTime) return 'time';
  if (value instanceof FeelDateTime) return 'date and time';
  if (value instanceof DayTimeDuration) return 'days and time duration';
  if (value instanceof YearMonthDuration) return 'years and months duration';
  if (isList(value)) return 'list';
  if (isContext(value)) return 'context';
  if (value instanceof FeelRange) return 'range';
  return 'function';
}

/** Times are compared to the millisecond, as the TCK's reference engines do. */
const millis = (nanos: number): number => Math.floor(nanos / 1_000_000);

function timeInstant(time: FeelTime): number | undefined {
  if (time.offset !== null) return time.secondOfDay - time.offset;
  // A time with a zone id takes the zone's offset on 1970-01-01 (a time alone has no date).
  if (time.zone !== null) return time.secondOfDay - (zoneOffset(time.zone, time.secondOfDay) ?? 0);
  return undefined;
}

function equalTimes(a: FeelTime, b: FeelTime): boolean {
  const ia = timeInstant(a);
  const ib = timeInstant(b);
  if (ia !== undefined && ib !== undefined) return ia === ib && millis(a.nanos) === millis(b.nanos);
  return (
    a.secondOfDay === b.secondOfDay && millis(a.nanos) === millis(b.nanos) && a.zone === b.zone && a.offset === b.offset
  );
}

function equalDateTimes(a: FeelDateTime, b: FeelDateTime): boolean {
  const aZoned = a.time.hasTimezone();
  if (aZoned !== b.time.hasTimezone()) return false;
  if (!aZoned) return a.localSeconds === b.localSeconds && millis(a.time.nanos) === millis(b.time.nanos);
  return a.epochSeconds === b.epochSeconds && millis(a.time.nanos) === millis(b.time.nanos);
}

/** FEEL `=`: true, false, or null when the values are of different types. */
export function feelEquals(a: FeelValue, b: FeelValue): boolean | null {
  if (a === null || b === null) return a === b;
  if (a instanceof Decimal) return b instanceof Decimal ? a.equals(b) : null;
  if (typeof a === 'string' || typeof a === 'boolean') return typeof b === typeof a ? a === b : null;
  if (a instanceof FeelDate) {
    if (b instanceof FeelDate) return a.epochDay === b.epochDay;
    return null;
  }
  if (a instanceof FeelDateTime) return b instanceof FeelDateTime ? equalDateTimes(a, b) : null;
  if (a instanceof FeelTime) return b instanceof FeelTime ? equalTimes(a, b) : null;
  if (a instanceof DayTimeDuration || a instanceof YearMonthDuration) {
    if (a instanceof DayTimeDuration && b instanceof DayTimeDuration) return a.seconds.equals(b.seconds);
    if (a instanceof YearMonthDuration && b instanceof YearMonthDuration) return a.months === b.months;
    if (b instanceof DayTimeDuration || b instanceof YearMonthDuration) {
      const aZero = a instanceof DayTimeDuration ? a.seconds.isZero() : a.months === 0;
      const bZero = b instanceof DayTimeDuration ? b.seconds.isZero() : b.months === 0;
      return aZero && bZero ? true : null;
    }
    return null;
  }
  if (isList(a)) {
    if (!isList(b)) return null;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const same = feelEquals(a[i] ?? null, b[i] ?? null);
      if (same !== true) return same === null ? null : false;
    }
    return true;
  }
  if (isContext(a)) {
    if (!isContext(b)) return null;
    if (a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (!b.has(key)) return false;
      const same = feelEquals(value, b.get(key) ?? null);
      if (same !== true) return same === null ? null : false;
    }
    return true;
  }
  if (a instanceof FeelRange) {
    if (!(b instanceof FeelRange)) return null;
    return (
      a.operator === b.operator &&
      a.startIncluded === b.startIncluded &&
      a.endIncluded === b.endIncluded &&
      feelEquals(a.start, b.start) === true &&
      feelEquals(a.end, b.end) === true
    );
  }
  if (b instanceof FeelRange || isList(b) || isContext(b) || typeof b !== 'object') return null;
  return a === b ? true : typeName(b) === 'function' ? false : null;
}

/**
 * FEEL ordering (`<`, `>`, …): a negative number, zero or a positive number, or undefined when
 * the values cannot be compared (different types, or types without an order).
 */
export function feelCompare(a: FeelValue, b: FeelValue): number | undefined {
  if (a instanceof Decimal && b instanceof Decimal) return a.compare(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof FeelDate && b instanceof FeelDate) return a.epochDay - b.epochDay;
  if (a instanceof FeelDateTime && b instanceof FeelDateTime) {
    if (a.time.hasTimezone() !== b.time.hasTimezone()) return undefined;
    const diff = a.time.hasTimezone() ? a.epochSeconds - b.epochSeconds : a.localSeconds - b.localSeconds;
    return diff !== 0 ? diff : millis(a.time.nanos) - millis(b.time.nanos);
  }
  if (a instanceof FeelTime && b instanceof FeelTime) {
    const ia = timeInstant(a) ?? a.secondOfDay;
    const ib = timeInstant(b) ?? b.secondOfDay;
    return ia !== ib ? ia - ib : millis(a.nanos) - millis(b.nanos);
  }
  if (a instanceof DayTimeDuration && b instanceof DayTimeDuration) return a.seconds.compare(b.seconds);
  if (a instanceof YearMonthDuration && b instanceof YearMonthDuration) return a.months - b.months;
  return undefined;
}

/** Whether a value lies in a range; null when it cannot be compared with the bounds. */
export function inRange(value: FeelValue, range: FeelRange): boolean | null {
  if (range.operator === '=') return feelEquals(value, range.end);
  if (range.operator === '!=') {
    const same = feelEquals(value, range.end);
    return same === null ? null : !same;
  }
  if (range.operator === undefined && (range.start === null || range.end === null)) return null;
  if (range.start !== null) {
    const order = feelCompare(value, range.start);
    if (order === undefined) return null;
    if (order < 0 || (order === 0 && !range.startIncluded)) return false;
  }
  if (range.end !== null) {
    const order = feelCompare(value, range.end);
    if (order === undefined) return null;
    if (order > 0 || (order === 0 && !range.endIncluded)) return false;
  }
  return true;
}
