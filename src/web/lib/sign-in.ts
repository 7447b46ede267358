/** Pure rules of signing in and of changing a password, shared by the auth pages. */
import { ApiError } from '../api/client';

/** Only same-site paths are followed after signing in. */
export function safeNext(next: string | null): string {
  if (
    !next ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.includes('\\') ||
    next.startsWith('/sign-in')
  )
    return '/';
  return next;
}

export interface OrganizationChoice {
  id: string;
  name: string;
}

/**
 * The organizations to choose from when the password opened accounts in several (a 409 whose details
 * list them); empty for any other answer.
 */
export function organizationChoices(error: unknown): OrganizationChoice[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const list = error.details?.['organizations'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, name } = item as { id?: unknown; name?: unknown };
    return typeof id === 'string' && typeof name === 'string' ? [{ id, name }] : [];
  });
}

/** What a password change ended, in words: sessions always, tokens when there were any. */
export function passwordChangedMessage(revokedTokens: number): string {
  if (revokedTokens === 0) return 'Password changed; your other sessions were signed out';
  const tokens = revokedTokens === 1 ? 'your API token was' : `your ${revokedTokens} API tokens were`;
  return `Password changed; your other sessions were signed out and ${tokens} revoked`;
}
