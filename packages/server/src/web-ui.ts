import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build -w @operon/web` writes the web application. */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Serves the web application at `/` (its pages use hash routes, so no fallback is needed).
 * When it has not been built, `/` says how to build it instead of answering 404.
 */
export async function registerWebUi(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: 'index.html',
      wildcard: false,
      decorateReply: false,
    });
    return;
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><title>Operon</title><p>The Operon service runs, but its web application has not been built. ' +
          'Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload. ' +
          'The API is at <a href="/docs">/docs</a>.</p>',
      ),
  );
}
