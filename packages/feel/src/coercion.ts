import { conformsTo, type FeelType } from './feel-type';
import { isList, type FeelValue } from './feel-value';

/**
 * Conforms a value to a declared type, as DMN does for parameters and typed results:
 * null passes, a singleton list unwraps to its item, an item wraps into a list.
 * undefined when the value does not conform.
 */
export function coerceArgument(value: FeelValue, type: FeelType | undefined): FeelValue | undefined {
  if (type === undefined || value === null || type.kind === 'any' || conformsTo(value, type)) return value;
  if (type.kind !== 'list' && isList(value) && value.length === 1) {
    const item = value[0] ?? null;
    if (item === null || conformsTo(item, type)) return item;
  }
  if (type.kind === 'list' && !isList(value) && conformsTo(value, type.item)) return [value];
  return undefined;
}
