import { ErrorCodes, UserError, type ErrorCode } from '@operon/runtime';
import { InvalidCursorError, VersionConflictError } from '@operon/store';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** The body of every error response: a stable code (docs/errors.md), what to do, and structured details. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly [detail: string]: unknown;
}

/**
 * Turns anything thrown in a route into a response. User errors keep their code and details;
 * framework errors (validation, body size, media type, JSON) get their registry code; anything
 * else is logged with its stack and answered with INTERNAL_ERROR and the request id, never the stack.
 */
export function errorReply(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toUserError(error);
  if (known) {
    if (known.status >= 500) request.log.error({ err: error }, known.message);
    return reply.status(known.status).send({ code: known.code, message: known.message, ...known.details });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .status(500)
    .send({ code: 'INTERNAL_ERROR', message: ErrorCodes.INTERNAL_ERROR.message, requestId: request.id });
}

export function toUserError(error: unknown): UserError | undefined {
  if (error instanceof UserError) return error;
  if (error instanceof InvalidCursorError) return new UserError('INVALID_CURSOR', undefined, { cursor: error.cursor });
  if (error instanceof VersionConflictError) return new UserError('VERSION_CONFLICT');
  const fastify = error as Partial<FastifyError> & { validationContext?: string };
  if (Array.isArray(fastify.validation)) {
    const first = fastify.validation[0];
    const context = fastify.validationContext ?? 'body';
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const path = [context, ...(first?.instancePath ?? '').split('/').filter(Boolean), ...(missing ? [missing] : [])];
    const field = path.join('.');
    return new UserError('VALIDATION_FAILED', `${field}: ${first?.message ?? 'is not valid'}.`, {
      field,
      errors: fastify.validation.map((issue) => ({ path: issue.instancePath, message: issue.message })),
    });
  }
  switch (fastify.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new UserError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new UserError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new UserError('MALFORMED_JSON', 'The body is empty; send a JSON object, or no Content-Type header.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new UserError('MALFORMED_JSON');
    default:
      break;
  }
  if (error instanceof SyntaxError && fastify.statusCode === 400) return new UserError('MALFORMED_JSON');
  if (fastify.statusCode === 429) return new UserError('RATE_LIMITED');
  if (fastify.statusCode === 413) return new UserError('PAYLOAD_TOO_LARGE');
  if (fastify.statusCode === 415) return new UserError('UNSUPPORTED_MEDIA_TYPE');
  return undefined;
}
