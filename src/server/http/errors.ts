/** The one mapping from AppError codes to HTTP, and the one error handler. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../core/errors';

export const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  password_change_required: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  setup_done: 409,
  rate_limited: 429,
  internal: 500,
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'rate_limited' && error.details?.retryAfterSeconds) {
        void reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      return reply.status(statusByCode[error.code]).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const issues = error.validation.map((v) => {
        const field = [context, ...v.instancePath.split('/').filter(Boolean)].join('.');
        return { field, reason: v.message ?? 'is invalid' };
      });
      const first = issues[0];
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: first ? `${first.field}: ${first.reason}` : 'The request is invalid',
          details: { issues },
        },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply
        .status(500)
        .send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, unsupported media type, body too large …
      return reply.status(fastifyError.statusCode).send({
        error: {
          code: fastifyError.statusCode === 429 ? 'rate_limited' : 'bad_request',
          message: fastifyError.message,
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
