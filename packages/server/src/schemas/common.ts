import { Type, type Static } from '@sinclair/typebox';

/** Schemas shared by several routes. */

export const Variables = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Process variables: a JSON object.',
  examples: [{ amount: 100 }],
});

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page.' })),
};

export function pageOf<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Optional(Type.String({ description: 'Absent on the last page.' })),
  });
}

export const KeyParams = (name: string, description: string) =>
  Type.Object({ [name]: Type.String({ minLength: 1, description }) });

export const TaskKeyParams = Type.Object({ taskKey: Type.String({ minLength: 1 }) });
export type TaskKeyParams = Static<typeof TaskKeyParams>;

/** `undefined` in a page's nextCursor: drop the key so the JSON has no null. */
export function pageBody<T>(page: { items: readonly T[]; nextCursor: string | undefined }) {
  return page.nextCursor === undefined ? { items: page.items } : { items: page.items, nextCursor: page.nextCursor };
}

/** Milliseconds since the epoch as an ISO date-time, for responses. */
export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
