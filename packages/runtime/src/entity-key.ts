/**
 * Jobs, user tasks, incidents, timers and subscriptions are numbered inside their instance by the
 * engine; outside, they are named `${instanceKey}.${localKey}`.
 */
export function entityKey(instanceKey: string, localKey: number): string {
  return `${instanceKey}.${localKey}`;
}

export function parseEntityKey(key: string): { instanceKey: string; localKey: number } | undefined {
  const dot = key.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const localKey = Number(key.slice(dot + 1));
  if (!Number.isSafeInteger(localKey) || localKey < 0) return undefined;
  return { instanceKey: key.slice(0, dot), localKey };
}
