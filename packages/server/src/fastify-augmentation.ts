import type { RouteAccess } from './identity/authentication';
import type { Principal } from './identity/principal';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say (checked when routes are added). */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Who may call each route, by `METHOD /url` (for the route-permission test and the docs). */
    routeAccess: ReadonlyMap<string, RouteAccess>;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}
