import { dateTimeFromLocalSeconds, type FeelDateTime } from './temporal';

/** The instant `now()` returns, from milliseconds since the epoch (the clock passed in), in UTC. */
export function clockInstant(epochMillis: number): FeelDateTime {
  const seconds = Math.floor(epochMillis / 1000);
  return dateTimeFromLocalSeconds(seconds, (epochMillis - seconds * 1000) * 1_000_000, 0, null);
}
