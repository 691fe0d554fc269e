/**
 * How record values become column values and back: JSON as TEXT (the same on both dialects),
 * `undefined` as SQL NULL (neither driver accepts `undefined` as a parameter).
 */

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Trusted: only this store writes these columns, from values of the declared types. */
export function fromJson(text: string): unknown {
  return JSON.parse(text);
}

export function toNullable<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

export function fromNullable<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

/** The key of a row an instance owns: a job, user task, incident, timer or subscription. */
export function ownedKey(instanceKey: string, localKey: number): string {
  return `${instanceKey}.${localKey}`;
}
