import { MS_PER_DAY, daysFromCivil } from './utc-calendar';

/**
 * IANA time-zone rules (`Europe/Berlin`), read from the JavaScript runtime's own copy of the tz
 * database through `Intl`. This reads no clock and does no I/O: the same zone and instant always
 * give the same offset on the same runtime (the tz database is data that ships with it).
 */
export interface TimeZone {
  readonly id: string;
  readonly format: Intl.DateTimeFormat;
}

/** The zone with this IANA id, or undefined when the runtime does not know it. */
export function findTimeZone(id: string): TimeZone | undefined {
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    return { id, format };
  } catch (_error: unknown) {
    return undefined; // RangeError: an unknown zone
  }
}

/** The zone's offset from UTC at `instant`, in milliseconds (+01:00 → 3 600 000). */
export function offsetAt(zone: TimeZone, instant: number): number {
  const parts = zone.format.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClock =
    daysFromCivil({ year: field('year'), month: field('month'), day: field('day') }) * MS_PER_DAY +
    ((field('hour') * 60 + field('minute')) * 60 + field('second')) * 1000;
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show `wallClock` (a local date-time written as if it were
 * UTC), resolved like java.time's `ZonedDateTime.ofLocal`: in an overlap (clocks turned back) the
 * earlier instant; in a gap (clocks turned forward) the local time moves later by the gap's length.
 */
export function instantOf(zone: TimeZone, wallClock: number): number {
  // Offsets change at most a few times a year, so the offsets a day either side are the candidates.
  const before = offsetAt(zone, wallClock - MS_PER_DAY);
  const after = offsetAt(zone, wallClock + MS_PER_DAY);
  const valid = [before, after].filter((offset) => offsetAt(zone, wallClock - offset) === offset);
  // One valid offset: it. Two (an overlap): the one in force before the change, which gives the
  // earlier instant. None (a gap): the offset before the change, which lands past the gap.
  return wallClock - (valid.length === 1 && valid[0] !== undefined ? valid[0] : before);
}
