import { UserError } from '@operon/runtime';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../identity/authentication';
import { processScope, requireProcess } from '../identity/principal';
import { Permission } from '../identity/roles';
import type { OperonApp } from '../operon-app';
import { Variables } from '../schemas/common';
import type { ServerContext } from '../server-context';

const EvaluateBody = Type.Object(
  {
    variables: Variables,
    processId: Type.Optional(
      Type.String({ minLength: 1, description: 'Evaluate only this process; default every deployed process.' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Conditional start events, evaluated on request as in Camunda 7: each condition (of the latest version of
 * each process) that holds for the variables starts one instance with them.
 */
export function conditionRoutes(app: OperonApp, context: ServerContext): void {
  app.post(
    '/api/v1/conditions/evaluate',
    {
      config: { access: Permission.instancesWrite },
      schema: {
        tags: ['process instances'],
        summary: 'Evaluate conditional start events; start an instance per condition that holds',
        body: EvaluateBody,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { variables, processId } = request.body;
      if (processId !== undefined) requireProcess(principal, Permission.instancesWrite, processId);
      else if (processScope(principal, Permission.instancesWrite) !== undefined) {
        // a grant narrowed to some processes must not start instances of the others
        throw new UserError(
          'FORBIDDEN',
          'Your roles allow starting instances of some processes only: give the processId to evaluate.',
        );
      }
      const result = await context.runtime.evaluateConditions({
        variables,
        ...(processId === undefined ? {} : { processId }),
      });
      return reply.status(201).send(result);
    },
  );
}
