export { buildApp } from './app';
export type { AppOptions } from './app';
export { ConfigError, loadConfig } from './config';
export type { OperonConfig } from './config';
export { startServer } from './start-server';
export type { RunningServer } from './start-server';
export type { OperonApp } from './operon-app';
export { Permission, Role, RolePermissions } from './identity/roles';
export type { LiveEvent } from './event-stream';
