import { DEPLOY_CHECKS } from '@operon/engine';
import { resourceKindOf, UserError, type DeploymentResource } from '@operon/runtime';
import { parseBpmn } from '@operon/model';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { processScope } from '../identity/principal';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { isoTime, pageBody, PageQuery } from '../schemas/common';
import type { ServerContext } from '../server-context';

const CONTENT_TYPES = {
  bpmn: 'application/xml',
  dmn: 'application/xml',
  form: 'application/json',
  schema: 'application/schema+json',
} as const;

/** Deployments: bundles of .bpmn, .dmn, .form and .schema.json files, uploaded as multipart. */
export function deploymentRoutes(app: OperonApp, context: ServerContext): void {
  const { runtime } = context;

  app.post(
    '/api/v1/deployments',
    {
      config: { access: Permission.deploymentsWrite },
      schema: {
        tags: ['deployments'],
        summary: 'Deploy a bundle',
        description:
          'multipart/form-data: one or more files (.bpmn, .dmn, .form, .schema.json) and an optional `name` field. ' +
          'A model with errors refuses the whole bundle (400 MODEL_INVALID, with diagnostics per resource).',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (processScope(principal, Permission.deploymentsWrite) !== undefined) {
        throw new UserError('FORBIDDEN', 'Deploying needs the modeler role for every process, not for one.');
      }
      if (!request.isMultipart()) throw new UserError('UNSUPPORTED_MEDIA_TYPE');
      const resources: DeploymentResource[] = [];
      let name: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          resourceKindOf(part.filename);
          resources.push({ name: part.filename, content: (await part.toBuffer()).toString('utf8') });
        } else if (part.fieldname === 'name' && typeof part.value === 'string') {
          name = part.value;
        }
      }
      const deployment = await runtime.deploy(name ?? resources[0]?.name ?? 'deployment', resources);
      await context.audit.record(principal.name, 'deployment.created', deployment.deploymentKey, {
        resources: resources.map((resource) => resource.name),
      });
      return reply.status(201).send({ ...deployment, createdAt: isoTime(deployment.createdAt) });
    },
  );

  app.post(
    '/api/v1/models/validate',
    {
      config: { access: Permission.deploymentsWrite },
      schema: {
        tags: ['deployments'],
        summary: 'Validate a BPMN model without deploying it',
        description:
          'The diagnostics a deployment of this model would give (element id, code, what to fix); for live ' +
          'validation while modelling.',
        body: Type.Object({ xml: Type.String({ maxLength: 16 * 1024 * 1024 }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const outcome = await parseBpmn(request.body.xml, DEPLOY_CHECKS);
      return { ok: outcome.ok, diagnostics: outcome.diagnostics };
    },
  );

  app.get(
    '/api/v1/deployments',
    {
      config: { access: Permission.deploymentsRead },
      schema: { tags: ['deployments'], summary: 'List deployments', querystring: Type.Object(PageQuery) },
    },
    async (request) => {
      const page = await runtime.store.listDeployments(context.tenantId, {
        limit: request.query.limit ?? 50,
        ...(request.query.cursor === undefined ? {} : { cursor: request.query.cursor }),
      });
      return pageBody({
        items: page.items.map((item) => ({ ...item, createdAt: isoTime(item.createdAt) })),
        nextCursor: page.nextCursor,
      });
    },
  );

  app.get(
    '/api/v1/deployments/:deploymentKey/resources/:name',
    {
      config: { access: Permission.deploymentsRead },
      schema: {
        tags: ['deployments'],
        summary: 'Get a deployed resource (the file as it was uploaded)',
        params: Type.Object({ deploymentKey: Type.String(), name: Type.String() }),
      },
    },
    async (request, reply) => {
      const { deploymentKey, name } = request.params;
      const resource = await runtime.store.getResource(context.tenantId, deploymentKey, name);
      if (!resource) throw new UserError('DEPLOYMENT_NOT_FOUND', undefined, { deploymentKey, name });
      return reply.type(CONTENT_TYPES[resource.kind]).send(resource.content);
    },
  );
}
