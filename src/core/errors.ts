/**
 * The one error type of Tandem. Use cases throw it; the HTTP layer maps `code` to a status once
 * (src/server/http/errors.ts) and the CLI prints `message` and exits non-zero.
 */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  /** A PATCH/PUT named the version it was made from, and the record has moved on since. */
  'edit_conflict',
  'rate_limited',
  'csrf_failed',
  'password_change_required',
  'setup_done',
  // what the HTTP layer itself refuses before a route runs
  /** The route cannot answer in any form the request accepts (GET /api/events is a stream only). */
  'not_acceptable',
  'payload_too_large',
  'unsupported_media_type',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'internal',
  /** Overloaded, shutting down, or not ready: try again after Retry-After. */
  'unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `body.estimateHours`. */
  field: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: { issues?: ErrorIssue[]; retryAfterSeconds?: number; [key: string]: unknown } | undefined;

  constructor(code: ErrorCode, message: string, details?: AppError['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

export const invalid = (field: string, reason: string): AppError =>
  new AppError('validation_failed', `${field}: ${reason}`, { issues: [{ field, reason }] });

export const forbidden = (message = 'Your role does not allow this'): AppError =>
  new AppError('forbidden', message);

/**
 * An edit made from an older version of a record: nothing was written. `what` is the record's noun as
 * a sentence uses it ("task", "growth plan"); `currentVersion` lets the client show the stored record
 * or save over it on purpose.
 */
export const editConflict = (what: string, currentVersion: number): AppError =>
  new AppError('edit_conflict', `Someone else changed this ${what} since you loaded it`, { currentVersion });
