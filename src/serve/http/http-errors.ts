import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isVesaliusError, type ErrorCode } from '../../domain/errors.js';

/** The one place error codes become HTTP statuses. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  MALFORMED_RECORD: 400,
  UNSUPPORTED_FORMAT: 415,
  SOURCE_UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INDEX_UNAVAILABLE: 503,
};

interface ErrorBody {
  error: { code: string; message: string; field?: string; current?: Record<string, unknown> };
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    const first = error.validation[0];
    // A zod issue (src/contract/): its path names the field; an unknown key names itself.
    const params = first?.params as { keys?: string[] } | undefined;
    const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') ?? '';
    const field = [error.validationContext === 'body' ? '' : error.validationContext, path || params?.keys?.[0] || '']
      .filter(Boolean)
      .join('.');
    reply.status(400).send({
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid ${field || 'request'}: ${first?.message ?? error.message}.`,
        field,
      },
    } satisfies ErrorBody);
    return;
  }
  if (isVesaliusError(error)) {
    const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
    // A conflict carries the current state, so the client can reload and decide again.
    const current = error.code === 'CONFLICT' && !field ? error.details : undefined;
    reply.status(STATUS[error.code] ?? 500).send({
      error: {
        code: error.code,
        message: error.message,
        ...(field ? { field } : {}),
        ...(current ? { current } : {}),
      },
    } satisfies ErrorBody);
    return;
  }
  if (error.statusCode && error.statusCode < 500) {
    reply
      .status(error.statusCode)
      .send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } } satisfies ErrorBody);
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  reply.status(500).send({
    error: { code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged.' },
  } satisfies ErrorBody);
}
