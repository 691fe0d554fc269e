/**
 * What each role may do. A route names one permission; a principal has it when one of its role
 * grants does. Grants may be narrowed to one process definition (see principal.ts).
 */
export const Permission = {
  deploymentsRead: 'deployments:read',
  deploymentsWrite: 'deployments:write',
  definitionsRead: 'definitions:read',
  instancesRead: 'instances:read',
  instancesWrite: 'instances:write',
  incidentsRead: 'incidents:read',
  incidentsWrite: 'incidents:write',
  messagesPublish: 'messages:publish',
  jobsWork: 'jobs:work',
  tasksWork: 'tasks:work',
  /** See, assign and complete every task, not only one's own and candidate tasks. */
  tasksManage: 'tasks:manage',
  eventsRead: 'events:read',
  metricsRead: 'metrics:read',
  auditRead: 'audit:read',
  identityManage: 'identity:manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const Role = {
  admin: 'admin',
  modeler: 'modeler',
  operator: 'operator',
  worker: 'worker',
  taskUser: 'task-user',
  analyst: 'analyst',
  auditor: 'auditor',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

const P = Permission;

export const RolePermissions: { readonly [R in Role]: readonly Permission[] } = {
  admin: Object.values(Permission),
  modeler: [P.deploymentsRead, P.deploymentsWrite, P.definitionsRead, P.instancesRead, P.eventsRead],
  operator: [
    P.deploymentsRead,
    P.definitionsRead,
    P.instancesRead,
    P.instancesWrite,
    P.incidentsRead,
    P.incidentsWrite,
    P.messagesPublish,
    P.tasksWork,
    P.tasksManage,
    P.eventsRead,
    P.metricsRead,
  ],
  worker: [P.jobsWork, P.messagesPublish],
  'task-user': [P.tasksWork, P.eventsRead],
  analyst: [P.deploymentsRead, P.definitionsRead, P.instancesRead, P.incidentsRead, P.eventsRead, P.metricsRead],
  auditor: [P.auditRead],
};

export function isRole(name: string): name is Role {
  return Object.hasOwn(RolePermissions, name);
}

export function roleAllows(role: string, permission: Permission): boolean {
  return isRole(role) && RolePermissions[role].includes(permission);
}
