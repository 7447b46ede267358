/**
 * Authentication for every /api route: a session cookie (browsers) or `Authorization: Bearer`
 * (personal API tokens). Routes are private unless they set `config: { public: true }`.
 * State-changing requests on a session must carry the session's CSRF token in `x-csrf-token`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor';
import { AppError } from '../../core/errors';
import { authenticate, type Authenticated, type Credential } from '../areas/auth/authenticate';
import type { Deps } from '../deps';

export const SESSION_COOKIE = 'tandem_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, first-run setup). */
    public?: boolean;
  }
}

/** The browsable API docs (static pages of @fastify/swagger-ui) are public like the OpenAPI document. */
const DOCS_PREFIX = '/api/docs';

/** What an account whose password someone else chose may do before setting its own. */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/auth/me', 'PUT /api/auth/password']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>): void {
  app.decorateRequest('auth', null);
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith(DOCS_PREFIX)) return;
    const credential = credentialOf(request);
    const auth: Authenticated | null = credential ? await authenticate(deps, credential) : null;
    if (credential?.kind === 'bearer' && !auth)
      throw new AppError('unauthenticated', 'The API token is unknown or revoked');
    request.auth = auth;
    if (request.routeOptions.config.public) return;
    if (!auth) throw new AppError('unauthenticated', 'Sign in first');
    if (
      auth.mustChangePassword &&
      !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw new AppError(
        'password_change_required',
        'Someone else chose your password: set your own first (PUT /api/auth/password)',
      );
    }
    if (
      auth.csrfToken !== null &&
      !SAFE_METHODS.has(request.method) &&
      request.headers[CSRF_HEADER] !== auth.csrfToken
    ) {
      throw new AppError(
        'csrf_failed',
        `Missing or wrong ${CSRF_HEADER} header (GET /api/auth/me gives the token)`,
      );
    }
  });
}

/** The credential a request carries: a bearer token wins over the session cookie. */
export function credentialOf(request: FastifyRequest): Credential | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { kind: 'bearer', token: header.slice(7).trim() };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { kind: 'session', token: cookie } : null;
}

/** The signed-in actor of a private route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
  return request.auth.actor;
}
