import { Type } from '@sinclair/typebox';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { Variables } from '../schemas/common';
import type { ServerContext } from '../server-context';

/**
 * Messages, as Camunda 8 correlates them: by name and correlation key, buffered for their time to
 * live; and signals, broadcast to every instance waiting for one of that name.
 */
export function messageRoutes(app: OperonApp, context: ServerContext): void {
  app.post(
    '/api/v1/messages',
    {
      config: { access: Permission.messagesPublish },
      schema: {
        tags: ['messages'],
        summary: 'Publish a message',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1 }),
            correlationKey: Type.String(),
            variables: Type.Optional(Variables),
            timeToLive: Type.Optional(
              Type.Integer({
                minimum: 0,
                description: 'Milliseconds the message waits for a subscription; default 0.',
              }),
            ),
            messageId: Type.Optional(Type.String({ minLength: 1, description: 'Default: a random id.' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { name, correlationKey, variables, timeToLive, messageId } = request.body;
      const result = await context.runtime.publishMessage({
        name,
        correlationKey,
        ...(variables === undefined ? {} : { variables }),
        ...(timeToLive === undefined ? {} : { timeToLiveMs: timeToLive }),
        ...(messageId === undefined ? {} : { messageKey: messageId }),
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/signals',
    {
      config: { access: Permission.messagesPublish },
      schema: {
        tags: ['messages'],
        summary: 'Broadcast a signal to every instance waiting for it',
        body: Type.Object(
          { name: Type.String({ minLength: 1 }), variables: Type.Optional(Variables) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const result = await context.runtime.broadcastSignal(request.body.name, request.body.variables ?? {});
      return reply.status(201).send(result);
    },
  );
}
