/**
 * The one mapping from AppError codes to HTTP, and the one error handler — also for what Fastify and
 * Node's HTTP parser refuse before any route runs, so every error has the documented shape.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply } from 'fastify';
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
  not_acceptable: 406,
  conflict: 409,
  edit_conflict: 409,
  setup_done: 409,
  request_timeout: 408,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
};

/** The code of a status Fastify chose for its own client errors; any other 4xx is a plain 400. */
const codeByFrameworkStatus: Partial<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};
const codeOfStatus = (status: number): ErrorCode => codeByFrameworkStatus[status] ?? 'bad_request';

function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

/** A request path can be 100 kB long; an error message quotes at most the start of it. */
const quoted = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route (and so before the error
 * handler) — a path that is not valid percent-encoding, a path parameter longer than maxParamLength.
 */
export function frameworkErrors(error: FastifyError, _request: unknown, reply: FastifyReply): void {
  let code: ErrorCode;
  let message: string;
  if (error.code === 'FST_ERR_BAD_URL') {
    code = 'bad_request';
    message = `The path is not a valid URL: ${quoted(error.message)}`;
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    code = 'uri_too_long';
    message = 'A value in the path is too long';
  } else {
    const status = error.statusCode ?? 500;
    code = status >= 500 ? 'internal' : codeOfStatus(status);
    message = status >= 500 ? 'Something went wrong on our side' : error.message;
    if (status >= 500) reply.log.error({ err: error }, 'router error');
  }
  // the app's hooks (helmet, the request id) do not run for these: the essentials are set here
  void reply
    .header('x-content-type-options', 'nosniff')
    .header('x-request-id', reply.request.id)
    .status(statusByCode[code])
    .send(errorBody(code, message));
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a request
 * (headers or a URL beyond the 16 kB header limit, a request that arrives too slowly, bytes that are
 * not HTTP). Written to the socket by hand, as Fastify's default does, in the one error shape.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  // a reset connection has nobody left to answer
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['headers_too_large', 'The request headers (with the URL) are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['request_timeout', 'The request took too long to arrive']
        : ['bad_request', 'The request is not valid HTTP'];
  const status = statusByCode[code];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** The Fastify constructor options that route its own errors through the shape above. */
export const frameworkErrorOptions = { frameworkErrors, clientErrorHandler };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.details?.retryAfterSeconds) {
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
      const code = codeOfStatus(fastifyError.statusCode);
      return reply.status(statusByCode[code]).send(errorBody(code, fastifyError.message));
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
