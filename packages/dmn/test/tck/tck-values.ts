import {
  Decimal,
  feelEquals,
  FeelFunction,
  isContext,
  isList,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
  stringOf,
  type FeelValue,
} from '@operon/feel';
import { childElements, type XmlElement } from './xml-tree';

/** A TCK value element (`<value xsi:type=…>`, `<component>`s, `<list>`) as a FEEL value. */
export function readValue(container: XmlElement): FeelValue | undefined {
  if (container.attributes.nil === 'true') return null;
  const components = childElements(container, 'component');
  if (components.length > 0) {
    return new Map(components.map((component) => [component.attributes.name ?? '', readValue(component) ?? null]));
  }
  const list = childElements(container, 'list')[0];
  if (list !== undefined) {
    if (list.attributes.nil === 'true') return null;
    return childElements(list, 'item').map((item) => readValue(item) ?? null);
  }
  const value = childElements(container, 'value')[0];
  if (value === undefined) return container.name === 'value' ? simple(container) : undefined;
  if (value.attributes.nil === 'true') return null;
  if (value.children.length > 0) return readValue(value);
  return simple(value);
}

function simple(value: XmlElement): FeelValue {
  if (value.attributes.nil === 'true') return null;
  const text = value.text;
  const type = (value.attributes.type ?? '').replace(/^\w+:/, '');
  switch (type) {
    case 'decimal':
    case 'double':
    case 'integer':
    case 'int':
    case 'long':
    case 'float':
      return Decimal.parse(text.trim()) ?? null;
    case 'boolean':
      return text.trim() === 'true';
    case 'date':
      return parseDate(text.trim()) ?? null;
    case 'dateTime':
      return parseDateTime(text.trim()) ?? null;
    case 'time':
      return parseTime(text.trim()) ?? null;
    case 'duration':
      return parseDuration(text.trim()) ?? null;
    default:
      return text;
  }
}

function close(a: Decimal, b: Decimal): boolean {
  if (a.equals(b)) return true;
  const x = a.toNumber();
  const y = b.toNumber();
  return Math.abs(x - y) <= 1e-8 * Math.max(1, Math.abs(y));
}

/** Whether an actual result matches the TCK's expected value (numbers compared as decimals). */
export function matches(expected: FeelValue, actual: FeelValue): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  if (expected instanceof Decimal) return actual instanceof Decimal && close(expected, actual);
  if (isList(expected)) {
    return (
      isList(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => matches(item, actual[index] ?? null))
    );
  }
  if (isContext(expected)) {
    if (!isContext(actual)) return false;
    const keys = [...actual.keys()].filter((key) => !(actual.get(key) instanceof FeelFunction));
    return (
      keys.length === expected.size &&
      [...expected].every(([key, value]) => actual.has(key) && matches(value, actual.get(key) ?? null))
    );
  }
  if (typeof expected === 'string' || typeof expected === 'boolean') return expected === actual;
  return (
    typeof actual === 'object' && actual.constructor === expected.constructor && feelEquals(expected, actual) === true
  );
}

export function show(value: FeelValue | undefined): string {
  if (value === undefined) return '(none)';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return stringOf(value);
}
