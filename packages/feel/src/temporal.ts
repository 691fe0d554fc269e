import { civilFromDays, daysFromCivil, daysInMonth, isKnownZone, zoneOffset } from './calendar';
import { Decimal } from './decimal';

/** FEEL's temporal values: date, time, date and time, and the two kinds of duration. */

export class FeelDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}
  get epochDay(): number {
    return daysFromCivil(this.year, this.month, this.day);
  }
  static fromEpochDay(days: number): FeelDate {
    const { year, month, day } = civilFromDays(days);
    return new FeelDate(year, month, day);
  }
  toString(): string {
    return formatDate(this);
  }
}

export class FeelTime {
  constructor(
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly nanos: number,
    /** Seconds east of UTC; null for a local time or one with a zone id. */
    readonly offset: number | null,
    readonly zone: string | null,
  ) {}
  get secondOfDay(): number {
    return this.hour * 3600 + this.minute * 60 + this.second;
  }
  hasTimezone(): boolean {
    return this.offset !== null || this.zone !== null;
  }
  toString(): string {
    return formatTime(this);
  }
}

export class FeelDateTime {
  constructor(
    readonly date: FeelDate,
    readonly time: FeelTime,
  ) {}
  /** Local seconds since the epoch, ignoring the timezone. */
  get localSeconds(): number {
    return this.date.epochDay * 86400 + this.time.secondOfDay;
  }
  /** The offset in effect, or null for a local date and time. */
  get effectiveOffset(): number | null {
    if (this.time.offset !== null) return this.time.offset;
    if (this.time.zone !== null) return zoneOffset(this.time.zone, this.localSeconds) ?? null;
    return null;
  }
  /** Seconds since the epoch in UTC; a local value counts as UTC. */
  get epochSeconds(): number {
    return this.localSeconds - (this.effectiveOffset ?? 0);
  }
  toString(): string {
    return `${formatDate(this.date)}T${formatTime(this.time)}`;
  }
}

export class DayTimeDuration {
  constructor(readonly seconds: Decimal) {}
  toString(): string {
    const negative = this.seconds.isNegative();
    const total = this.seconds.abs();
    const whole = total.floor().toBigInt();
    const fraction = total.sub(Decimal.of(whole, 0));
    const days = whole / 86400n;
    const hours = (whole % 86400n) / 3600n;
    const minutes = (whole % 3600n) / 60n;
    const secs = Decimal.of(whole % 60n, 0).add(fraction);
    let text = 'P';
    if (days > 0n) text += `${days}D`;
    if (hours > 0n || minutes > 0n || !secs.isZero() || days === 0n) {
      text += 'T';
      if (hours > 0n) text += `${hours}H`;
      if (minutes > 0n) text += `${minutes}M`;
      if (!secs.isZero() || (hours === 0n && minutes === 0n)) text += `${secs.toString()}S`;
    }
    return negative ? `-${text}` : text;
  }
}

export class YearMonthDuration {
  constructor(readonly months: number) {}
  toString(): string {
    const abs = Math.abs(this.months);
    const years = Math.floor(abs / 12);
    const months = abs % 12;
    let text = 'P';
    if (years > 0) text += `${years}Y`;
    if (months > 0 || years === 0) text += `${months}M`;
    return this.months < 0 ? `-${text}` : text;
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatDate(date: FeelDate): string {
  const year = date.year < 0 ? `-${pad(-date.year, 4)}` : pad(date.year, 4);
  return `${year}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatOffset(offset: number): string {
  if (offset === 0) return 'Z';
  const abs = Math.abs(offset);
  const seconds = abs % 60;
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds ? `:${pad(seconds)}` : ''}`;
}

function formatTime(time: FeelTime): string {
  let text = `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
  if (time.nanos > 0) text += `.${String(time.nanos).padStart(9, '0').replace(/0+$/, '')}`;
  if (time.offset !== null) text += formatOffset(time.offset);
  else if (time.zone !== null) text += `@${time.zone}`;
  return text;
}

const DATE = /^(-?\d{4,9})-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d(?::\d\d)?|@.+)?$/;

export function isValidDate(year: number, month: number, day: number): boolean {
  return Math.abs(year) <= 999_999_999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseDate(text: string): FeelDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isValidDate(year, month, day)) return undefined;
  if (match[1]?.startsWith('-') !== true && (match[1]?.length ?? 0) > 4 && match[1]?.startsWith('0') === true)
    return undefined;
  return new FeelDate(year, month, day);
}

export function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const match = /^([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 18 || minutes > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -total : total;
}

export function parseTime(text: string, allowEndOfDay = false): FeelTime | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  if (
    (hour > 23 && !(allowEndOfDay && hour === 24 && minute === 0 && second === 0 && match[4] === undefined)) ||
    minute > 59 ||
    second > 59
  )
    return undefined;
  const nanos = match[4] === undefined ? 0 : Number(match[4].slice(0, 9).padEnd(9, '0'));
  const suffix = match[5];
  if (suffix === undefined) return new FeelTime(hour, minute, second, nanos, null, null);
  if (suffix.startsWith('@')) {
    const zone = suffix.slice(1);
    return isKnownZone(zone) ? new FeelTime(hour, minute, second, nanos, null, zone) : undefined;
  }
  const offset = parseOffset(suffix);
  return offset === undefined ? undefined : new FeelTime(hour, minute, second, nanos, offset, null);
}

export function parseDateTime(text: string): FeelDateTime | undefined {
  const at = text.indexOf('T');
  if (at < 0) {
    const date = parseDate(text);
    return date && new FeelDateTime(date, new FeelTime(0, 0, 0, 0, null, null));
  }
  const date = parseDate(text.slice(0, at));
  const time = parseTime(text.slice(at + 1), true);
  if (date === undefined || time === undefined) return undefined;
  if (time.hour === 24) {
    // 24:00:00 is the midnight that ends the day.
    return new FeelDateTime(FeelDate.fromEpochDay(date.epochDay + 1), new FeelTime(0, 0, 0, 0, time.offset, time.zone));
  }
  return new FeelDateTime(date, time);
}

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?$/;

export function parseDuration(text: string): DayTimeDuration | YearMonthDuration | undefined {
  const match = DURATION.exec(text);
  if (!match || text.endsWith('T') || text === 'P' || text === '-P') return undefined;
  const [, minus, years, months, days, hours, minutes, seconds] = match;
  const sign = minus ? -1 : 1;
  const hasYearMonth = years !== undefined || months !== undefined;
  const hasDayTime = days !== undefined || hours !== undefined || minutes !== undefined || seconds !== undefined;
  if (hasYearMonth && !hasDayTime) return new YearMonthDuration(sign * (Number(years ?? 0) * 12 + Number(months ?? 0)));
  if (hasYearMonth) return undefined;
  const whole = BigInt(days ?? 0) * 86400n + BigInt(hours ?? 0) * 3600n + BigInt(minutes ?? 0) * 60n;
  const total = Decimal.of(whole, 0).add(Decimal.parse((seconds ?? '0').replace(/\.$/, '')) ?? Decimal.fromInt(0));
  return new DayTimeDuration(sign < 0 ? total.negate() : total);
}

/** Builds a date and time from local seconds since the epoch, keeping a time's timezone. */
export function dateTimeFromLocalSeconds(
  local: number,
  nanos: number,
  offset: number | null,
  zone: string | null,
): FeelDateTime {
  const days = Math.floor(local / 86400);
  const secondOfDay = local - days * 86400;
  const time = new FeelTime(
    Math.floor(secondOfDay / 3600),
    Math.floor(secondOfDay / 60) % 60,
    secondOfDay % 60,
    nanos,
    offset,
    zone,
  );
  return new FeelDateTime(FeelDate.fromEpochDay(days), time);
}
