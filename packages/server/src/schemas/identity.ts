import { Type } from '@sinclair/typebox';
import { ALL_PROCESSES } from '../identity/principal';
import { Role } from '../identity/roles';

export const RoleGrant = Type.Object(
  {
    role: Type.Union(Object.values(Role).map((role) => Type.Literal(role))),
    processId: Type.Optional(
      Type.String({
        minLength: 1,
        description: `Narrows the role to one process definition; default '${ALL_PROCESSES}' (all).`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const RoleGrants = Type.Array(RoleGrant, { maxItems: 100 });

export const UserName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' });

export function grantsOf(grants: readonly { role: string; processId?: string | undefined }[]) {
  return grants.map((grant) => ({ role: grant.role, processId: grant.processId ?? ALL_PROCESSES }));
}
