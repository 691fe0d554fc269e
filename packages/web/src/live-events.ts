import { useEffect, useRef } from 'react';

/** One change from the service's event stream (GET /api/v1/events). */
export interface LiveEvent {
  readonly kind: 'instance' | 'incident' | 'task';
  readonly instanceKey: string;
  readonly change?: string;
  readonly status?: string;
}

/** Calls `onEvent` for every live change while the component is mounted; reconnects by itself. */
export function useLiveEvents(onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    const receive = (message: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed line is skipped; the next event refreshes the view anyway.
      }
    };
    for (const kind of ['instance', 'incident', 'task']) source.addEventListener(kind, receive);
    return () => source.close();
  }, []);
}
