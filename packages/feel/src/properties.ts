import { Decimal } from './decimal';
import { FeelRange, isContext, isList, typeName, type FeelValue } from './feel-value';
import { dayOfYearValue, weekdayValue } from './temporal-properties';
import { DayTimeDuration, FeelDate, FeelDateTime, FeelTime, YearMonthDuration } from './temporal';

const int = (value: number): Decimal => Decimal.fromInt(value);

function timeProperty(time: FeelTime, name: string, dateTime?: FeelDateTime): FeelValue | undefined {
  switch (name) {
    case 'hour':
      return int(time.hour);
    case 'minute':
      return int(time.minute);
    case 'second':
      return int(time.second);
    case 'time offset': {
      const offset = time.offset ?? dateTime?.effectiveOffset ?? null;
      return offset === null || (time.offset === null && time.zone === null) ? null : new DayTimeDuration(int(offset));
    }
    case 'timezone':
      return time.zone;
    default:
      return undefined;
  }
}

function dateProperty(date: FeelDate, name: string): FeelValue | undefined {
  switch (name) {
    case 'year':
      return int(date.year);
    case 'month':
      return int(date.month);
    case 'day':
      return int(date.day);
    case 'weekday':
      return weekdayValue(date);
    case 'day of year':
      return dayOfYearValue(date);
    default:
      return undefined;
  }
}

function dayTimeProperty(duration: DayTimeDuration, name: string): FeelValue | undefined {
  const sign = duration.seconds.isNegative() ? -1n : 1n;
  const total = duration.seconds.abs().floor().toBigInt();
  const part = (value: bigint): Decimal => Decimal.of(sign * value, 0);
  switch (name) {
    case 'days':
      return part(total / 86400n);
    case 'hours':
      return part((total % 86400n) / 3600n);
    case 'minutes':
      return part((total % 3600n) / 60n);
    case 'seconds':
      return part(total % 60n);
    default:
      return undefined;
  }
}

/** `value.name`: a context entry, a property of a date, time, duration or range; mapped over lists. */
export function property(value: FeelValue, name: string, errors: string[]): FeelValue {
  if (value === null) return null;
  if (isContext(value)) return value.get(name) ?? null;
  if (isList(value)) return value.map((item) => property(item, name, errors));
  let result: FeelValue | undefined;
  if (value instanceof FeelDateTime) result = dateProperty(value.date, name) ?? timeProperty(value.time, name, value);
  else if (value instanceof FeelDate) result = dateProperty(value, name);
  else if (value instanceof FeelTime) result = timeProperty(value, name);
  else if (value instanceof DayTimeDuration) result = dayTimeProperty(value, name);
  else if (value instanceof YearMonthDuration) {
    const sign = value.months < 0 ? -1 : 1;
    if (name === 'years') result = int(sign * Math.floor(Math.abs(value.months) / 12));
    else if (name === 'months') result = int(sign * (Math.abs(value.months) % 12));
  } else if (value instanceof FeelRange) {
    if (name === 'start') result = value.start;
    else if (name === 'end') result = value.end;
    else if (name === 'start included') result = value.startIncluded;
    else if (name === 'end included') result = value.endIncluded;
  }
  if (result === undefined) {
    errors.push(`no property '${name}' on a ${typeName(value)}`);
    return null;
  }
  return result;
}
