import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import type { ServerContext } from '../server-context';

/** Liveness (the process answers), readiness (it can reach its database), Prometheus metrics. */
export function healthRoutes(app: OperonApp, context: ServerContext): void {
  app.get(
    '/health/live',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'The process is up' } },
    () => ({ status: 'up' }),
  );

  app.get(
    '/health/ready',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'The service can reach its database' } },
    async (request, reply) => {
      try {
        await context.runtime.store.listDeployments(context.tenantId, { limit: 1 });
        return { status: 'up', database: context.runtime.store.dialect };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check: database unreachable');
        return reply
          .status(503)
          .send({ status: 'down', code: 'UNAVAILABLE', message: 'The database does not answer.' });
      }
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: Permission.metricsRead },
      schema: { tags: ['health'], summary: 'Prometheus metrics (text exposition format)', produces: ['text/plain'] },
    },
    async (_request, reply) => {
      const text = await context.metrics.registry.metrics();
      return reply.type(context.metrics.registry.contentType).send(text);
    },
  );
}
