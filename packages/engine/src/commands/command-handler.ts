import type { CommandOfType, CommandType } from '../command';
import type { Processing } from '../processing';
import type { Rejection } from '../rejection';

/** Handles one command type: emits events through `p`, or refuses with a rejection (and emits nothing). */
export type CommandHandler<T extends CommandType> = (p: Processing, command: CommandOfType<T>) => Rejection | undefined;

export function isVariables(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const invalidVariables: Rejection = {
  code: 'INVALID_VARIABLES',
  message: 'Variables must be a JSON object such as {"amount": 100}, not an array, a string or null.',
};
