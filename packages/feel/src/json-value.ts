import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

/**
 * Turns a FEEL result into plain JSON data for process variables, as Camunda 8 stores them:
 * dates, times and durations become ISO 8601 strings; functions and ranges cannot be stored
 * and become null.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (
    value instanceof FeelDate ||
    value instanceof FeelDateTime ||
    value instanceof FeelTime ||
    value instanceof FeelDuration
  ) {
    return value.toString();
  }
  if (isFunction(value) || isRange(value)) return null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = toJsonValue(entry);
    return out;
  }
  return null;
}
