import { randomBytes } from 'node:crypto';

/**
 * A new instance key: time-ordered (milliseconds, base 36) then random, so keys from several nodes
 * never collide and sort roughly by creation.
 */
export function newInstanceKey(now: number): string {
  return `${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
