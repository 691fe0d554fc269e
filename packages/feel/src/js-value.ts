import { Decimal } from './decimal';
import { FeelFunction } from './feel-function';
import { FeelRange, isContext, isList, type FeelValue } from './feel-value';
import { DayTimeDuration, FeelDate, FeelDateTime, FeelTime, YearMonthDuration } from './temporal';

/** Plain data (JSON, JavaScript numbers) into FEEL values: numbers become decimals, objects contexts. */
export function fromJs(value: unknown): FeelValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Decimal.fromNumber(value) ?? null;
  if (typeof value === 'bigint') return Decimal.fromInt(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (
    value instanceof Decimal ||
    value instanceof FeelDate ||
    value instanceof FeelTime ||
    value instanceof FeelDateTime ||
    value instanceof DayTimeDuration ||
    value instanceof YearMonthDuration ||
    value instanceof FeelRange ||
    value instanceof FeelFunction
  ) {
    return value;
  }
  if (value instanceof Map)
    return new Map([...(value as Map<string, unknown>)].map(([key, entry]) => [key, fromJs(entry)]));
  if (Array.isArray(value)) return value.map(fromJs);
  if (typeof value === 'object') return new Map(Object.entries(value).map(([key, entry]) => [key, fromJs(entry)]));
  return null;
}

/**
 * FEEL values into plain JSON data: numbers become JavaScript numbers, temporal values ISO 8601
 * strings, contexts objects; ranges and functions cannot be stored and become null.
 */
export function toJs(value: FeelValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Decimal) return value.toNumber();
  if (isList(value)) return value.map(toJs);
  if (isContext(value)) return Object.fromEntries([...value].map(([key, entry]) => [key, toJs(entry)]));
  if (value instanceof FeelRange || value instanceof FeelFunction) return null;
  return value.toString();
}
