/**
 * Freezes a parsed result all the way down, so that one cached model can be shared by every caller.
 * Maps are frozen too: their mutating methods throw, as `Object.freeze` alone does not stop `set`.
 */
export function deepFreeze<T>(value: T): T {
  freeze(value);
  return value;
}

function freeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (value instanceof Map) {
    for (const entry of value.values()) freeze(entry);
    lockMap(value);
  } else {
    for (const property of Object.values(value)) freeze(property);
  }
  Object.freeze(value);
}

function lockMap(map: Map<unknown, unknown>): void {
  const refuse = (): never => {
    throw new TypeError('This map belongs to a parsed BPMN model, which is immutable.');
  };
  for (const method of ['set', 'delete', 'clear']) {
    Object.defineProperty(map, method, { value: refuse, enumerable: false });
  }
}
