/** Checks the browser makes before sending, reported in the API's own error shape so fields show them alike. */
import { ApiError } from '../api/client';
import { numberOrNull } from './format';

export function invalidField(field: string, reason: string): ApiError {
  return new ApiError(400, 'validation_failed', `${field}: ${reason}`, {
    issues: [{ field: `body.${field}`, reason }],
  });
}

/** The text of a number field: null when empty; a field error when it is not a number. */
export function readNumber(text: string, field: string): number | null {
  const value = numberOrNull(text);
  if (value !== null && !Number.isFinite(value)) throw invalidField(field, 'must be a number');
  return value;
}
