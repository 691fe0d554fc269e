import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerWebUi } from './web-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { UserError, type Runtime } from '@operon/runtime';
import type { IdentityStore } from '@operon/store';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { OperonConfig } from './config';
import { errorReply } from './error-reply';
import { EventStream } from './event-stream';
import './fastify-augmentation';
import { AuditLog } from './identity/audit-log';
import { PrincipalCache } from './identity/principal-cache';
import { authenticate, CSRF_HEADER, SESSION_COOKIE, type RouteAccess } from './identity/authentication';
import { JobWaiters } from './job-waiters';
import { OperonMetrics } from './metrics';
import type { OperonApp } from './operon-app';
import { auditEventRoutes } from './routes/audit-events';
import { authRoutes } from './routes/auth';
import { conditionRoutes } from './routes/conditions';
import { deploymentRoutes } from './routes/deployments';
import { eventRoutes } from './routes/events';
import { groupRoutes } from './routes/groups';
import { healthRoutes } from './routes/health';
import { incidentRoutes } from './routes/incidents';
import { jobRoutes } from './routes/jobs';
import { messageRoutes } from './routes/messages';
import { processDefinitionRoutes } from './routes/process-definitions';
import { processInstanceRoutes } from './routes/process-instances';
import { tokenRoutes } from './routes/tokens';
import { userTaskRoutes } from './routes/user-tasks';
import { userRoutes } from './routes/users';
import type { ServerContext } from './server-context';

export interface AppOptions {
  readonly runtime: Runtime;
  readonly identity: IdentityStore;
  readonly config: OperonConfig;
  readonly logger: FastifyBaseLogger;
  readonly now?: () => number;
  /** How long in-flight requests may take to finish when the server closes; default 5 s. */
  readonly closeGraceMs?: number;
}

/** Every route, plugin and hook of the service, on a Fastify instance that is not listening yet. */
export async function buildApp(options: AppOptions): Promise<OperonApp> {
  const { runtime, identity, config } = options;
  const now = options.now ?? Date.now;
  const app: OperonApp = Fastify({
    loggerInstance: options.logger,
    bodyLimit: config.bodyLimitBytes,
    // Unknown body fields are refused (additionalProperties: false), not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const context: ServerContext = {
    runtime,
    identity,
    config,
    tenantId: runtime.tenantId,
    now,
    audit: new AuditLog(identity, runtime.tenantId, now),
    principals: new PrincipalCache(now),
    metrics: new OperonMetrics(now),
    events: new EventStream(),
    jobWaiters: new JobWaiters(),
  };
  const stopListening = runtime.onCommitted((steps) => {
    context.metrics.observe(steps);
    context.jobWaiters.observe(steps);
    context.events.publish(steps);
  });
  // Before the server waits for in-flight requests: long polls answer now instead of at their timeout.
  // Keep-alive connections that become idle while closing are closed too, not waited for; after the
  // grace period the rest are cut (their commands still finish: the runtime stops after the server).
  let sweeping: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    context.jobWaiters.close();
    const cutAt = now() + (options.closeGraceMs ?? 5_000);
    sweeping = setInterval(() => {
      if (now() < cutAt) app.server.closeIdleConnections();
      else app.server.closeAllConnections();
    }, 50);
    done();
  });
  app.addHook('onClose', () => {
    clearInterval(sweeping);
    stopListening();
  });
  // Answers given while closing end their keep-alive connection, so that close() need not wait for it to idle out.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (context.jobWaiters.isClosed) reply.header('connection', 'close');
    done(null, payload);
  });

  const routeAccess = new Map<string, RouteAccess>();
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api/') && access === undefined) {
      throw new Error(`route ${route.method.toString()} ${route.url} does not say who may call it (config.access)`);
    }
    if (access === undefined) return;
    for (const method of [route.method].flat()) routeAccess.set(`${method} ${route.url}`, access);
    if (!route.schema || route.method === 'HEAD') return;
    if (access === 'public') route.schema.security = [];
    else {
      const needs = access === 'authenticated' ? 'any signed-in caller' : `permission \`${access}\``;
      route.schema.description = `Needs ${needs}.${route.schema.description ? `\n\n${route.schema.description}` : ''}`;
    }
  });
  app.setErrorHandler((error, request, reply) => errorReply(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    errorReply(
      new UserError('ROUTE_NOT_FOUND', undefined, { method: request.method, url: request.url }),
      request,
      reply,
    ),
  );
  // Cookies are parsed in an onRequest hook of their own, which must run before authentication.
  await app.register(cookie);
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', (request, reply) => authenticate(context, request, reply));
  // A POST without a body (curl -X POST …/cancel) is an empty object to the schemas.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.method === 'POST' && request.body === undefined && !request.isMultipart()) request.body = {};
    done();
  });
  // Any change of users, groups, roles, tokens or sessions made here is seen by the next request.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.method !== 'GET' && /^\/api\/v1\/(users|groups|tokens|auth\/logout)/.test(request.url)) {
      context.principals.clear();
    }
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    context.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 100, fields: 20 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Operon API',
        version: '1',
        description: 'Deploy, run and watch business processes (BPMN, DMN); see docs/api.md and docs/errors.md.',
      },
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token: opr.<id>.<secret>.' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: `From POST /api/v1/auth/login; changes need the ${CSRF_HEADER} header.`,
          },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  for (const routes of [
    healthRoutes,
    authRoutes,
    userRoutes,
    groupRoutes,
    tokenRoutes,
    auditEventRoutes,
    deploymentRoutes,
    processDefinitionRoutes,
    processInstanceRoutes,
    conditionRoutes,
    incidentRoutes,
    messageRoutes,
    jobRoutes,
    userTaskRoutes,
    eventRoutes,
  ]) {
    routes(app, context);
  }
  await registerWebUi(app);
  return app;
}
