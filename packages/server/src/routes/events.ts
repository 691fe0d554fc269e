import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import type { ServerContext } from '../server-context';

const KEEP_ALIVE_MS = 15_000;

/** Server-sent events: instance, incident and task changes as they are committed, for live views. */
export function eventRoutes(app: OperonApp, context: ServerContext): void {
  const open = new Set<() => void>();
  // Open streams never end by themselves: close them when the server closes.
  app.addHook('onClose', () => {
    for (const end of [...open]) end();
  });

  app.get(
    '/api/v1/events',
    {
      config: { access: Permission.eventsRead },
      schema: {
        tags: ['events'],
        summary: 'A text/event-stream of instance, incident and task changes',
        description: 'Each event has `event: instance|incident|task` and a JSON `data` line.',
        produces: ['text/event-stream'],
      },
    },
    (request, reply) => {
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write(': connected\n\n');
      const unsubscribe = context.events.subscribe((event) => {
        response.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      const end = () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(end);
        response.end();
      };
      open.add(end);
      request.raw.once('close', end);
    },
  );
}
