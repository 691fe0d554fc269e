/**
 * The three kinds of failure (STYLE.md rule 10). BPMN failures are not here: they are incidents.
 * - UserError: bad input; shown to the user with a stable code (error-codes.ts) and what to do.
 * - OperationalError: transient (database, network); retried, and reported if it persists.
 * - UnexpectedError: a bug.
 */
import { ErrorCodes, type ErrorCode } from './error-codes';

export class UserError extends Error {
  override readonly name = 'UserError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message ?? ErrorCodes[code].message);
    this.status = ErrorCodes[code].status;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export class OperationalError extends Error {
  override readonly name = 'OperationalError';
}

export class UnexpectedError extends Error {
  override readonly name = 'UnexpectedError';
}
