import { asInteger, asNumber, builtin, invalid, type BuiltinDefinition } from './builtin-definition';
import { Decimal } from './decimal';
import type { EvalEnv } from './feel-function';
import { feelEquals, type FeelValue } from './feel-value';
import { dayName, dayOfYearValue, monthName, weekOfYear } from './temporal-properties';
import {
  DayTimeDuration,
  FeelDate,
  FeelDateTime,
  FeelTime,
  isValidDate,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
  YearMonthDuration,
} from './temporal';

function dateOf(value: FeelValue | undefined): FeelDate | undefined {
  if (value instanceof FeelDate) return value;
  if (value instanceof FeelDateTime) return value.date;
  return undefined;
}

function dateFrom([from]: readonly FeelValue[], env: EvalEnv): FeelValue {
  if (typeof from === 'string') return parseDate(from) ?? invalid(env, `date: not a date: "${from}"`);
  return dateOf(from) ?? null;
}

function dateFromParts(args: readonly FeelValue[], env: EvalEnv): FeelValue {
  const [year, month, day] = args.map((arg) => asNumber(arg));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (![year, month, day].every((part) => part.isInteger())) return invalid(env, 'date: the parts must be integers');
  const [y, m, d] = [year.toNumber(), month.toNumber(), day.toNumber()];
  if (!isValidDate(y, m, d)) return invalid(env, 'date: no such day');
  return new FeelDate(y, m, d);
}

function dateTimeFrom([from]: readonly FeelValue[], env: EvalEnv): FeelValue {
  if (typeof from === 'string')
    return parseDateTime(from) ?? invalid(env, `date and time: not a date and time: "${from}"`);
  if (from instanceof FeelDateTime) return from;
  if (from instanceof FeelDate) return new FeelDateTime(from, new FeelTime(0, 0, 0, 0, null, null));
  return null;
}

function dateTimeFromParts([date, time]: readonly FeelValue[]): FeelValue {
  const day = dateOf(date);
  if (day === undefined || !(time instanceof FeelTime)) return null;
  return new FeelDateTime(day, time);
}

function timeFrom([from]: readonly FeelValue[], env: EvalEnv): FeelValue {
  if (typeof from === 'string') return parseTime(from) ?? invalid(env, `time: not a time: "${from}"`);
  if (from instanceof FeelTime) return from;
  if (from instanceof FeelDateTime) {
    const time = from.time;
    const offset = time.zone !== null ? from.effectiveOffset : time.offset;
    return new FeelTime(time.hour, time.minute, time.second, time.nanos, time.zone !== null ? null : offset, time.zone);
  }
  if (from instanceof FeelDate) return new FeelTime(0, 0, 0, 0, 0, null);
  return null;
}

function timeFromParts(args: readonly FeelValue[], env: EvalEnv): FeelValue {
  const hour = asInteger(args[0]);
  const minute = asInteger(args[1]);
  const second = asNumber(args[2]);
  const offset = args[3] ?? null;
  if (hour === undefined || minute === undefined || second === undefined) return null;
  if (
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second.isNegative() ||
    second.compare(Decimal.fromInt(60)) >= 0
  ) {
    return invalid(env, 'time: out of range');
  }
  if (offset !== null && !(offset instanceof DayTimeDuration)) return null;
  const whole = second.floor();
  const nanos = second.sub(whole).mul(Decimal.fromInt(1_000_000_000)).round(0, 'down').toNumber();
  const offsetSeconds = offset === null ? null : offset.seconds.toNumber();
  if (offsetSeconds !== null && Math.abs(offsetSeconds) > 18 * 3600) return invalid(env, 'time: offset out of range');
  return new FeelTime(hour, minute, whole.toNumber(), nanos, offsetSeconds, null);
}

function durationFrom([from]: readonly FeelValue[], env: EvalEnv): FeelValue {
  if (typeof from !== 'string')
    return from instanceof DayTimeDuration || from instanceof YearMonthDuration ? from : null;
  return parseDuration(from) ?? invalid(env, `duration: not a duration: "${from}"`);
}

function yearsAndMonths([from, to]: readonly FeelValue[]): FeelValue {
  const start = from instanceof FeelDateTime ? from : from instanceof FeelDate ? from : undefined;
  const end = to instanceof FeelDateTime ? to : to instanceof FeelDate ? to : undefined;
  if (start === undefined || end === undefined) return null;
  const a = start instanceof FeelDateTime ? start.date : start;
  const b = end instanceof FeelDateTime ? end.date : end;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  const aRest = a.day;
  const bRest = b.day;
  if (months > 0 && bRest < aRest) months--;
  if (months < 0 && bRest > aRest) months++;
  return new YearMonthDuration(months);
}

function dateFunction(name: string, fn: (date: FeelDate) => FeelValue): BuiltinDefinition {
  return builtin(name, 'date', ([value]) => {
    const date = dateOf(value);
    return date === undefined ? null : fn(date);
  });
}

function nowOf(env: EvalEnv): FeelDateTime | null {
  return env.now ?? invalid(env, 'now(): no clock was given');
}

export const TEMPORAL_BUILTINS: readonly BuiltinDefinition[] = [
  builtin('date', 'from', dateFrom),
  builtin('date', 'year, month, day', dateFromParts),
  builtin('date and time', 'from', dateTimeFrom),
  builtin('date and time', 'date, time', dateTimeFromParts),
  builtin('time', 'from', timeFrom),
  builtin('time', 'hour, minute, second, offset?', timeFromParts),
  builtin('duration', 'from', durationFrom),
  builtin('years and months duration', 'from, to', yearsAndMonths),
  dateFunction('day of year', dayOfYearValue),
  dateFunction('day of week', dayName),
  dateFunction('month of year', monthName),
  dateFunction('week of year', weekOfYear),
  builtin('now', '', (_args, env) => nowOf(env)),
  builtin('today', '', (_args, env) => nowOf(env)?.date ?? null),
  builtin('is', 'value1?, value2?', ([a, b]) => {
    const left = a ?? null;
    const right = b ?? null;
    if (left instanceof FeelTime && right instanceof FeelTime) {
      return (
        left.secondOfDay === right.secondOfDay &&
        left.nanos === right.nanos &&
        left.offset === right.offset &&
        left.zone === right.zone
      );
    }
    if (left instanceof FeelDateTime && right instanceof FeelDateTime) {
      return (
        left.localSeconds === right.localSeconds &&
        left.time.offset === right.time.offset &&
        left.time.zone === right.time.zone
      );
    }
    if (left === null || right === null) return left === right;
    if (typeof left !== typeof right || (typeof left === 'object' && left.constructor !== right.constructor))
      return false;
    return feelEquals(left, right) === true;
  }),
];
