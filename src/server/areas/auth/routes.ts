import {
  changePasswordBody,
  apiToken,
  createTokenBody,
  createUserBody,
  createdToken,
  loginBody,
  me,
  passwordChanged,
  revokedTokens,
  setupBody,
  setupStatus,
  updateUserBody,
  user,
} from '../../../core/schemas/auth';
import { idParams, ok, page, pageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { actorOf, SESSION_COOKIE } from '../../http/auth';
import type { App } from '../../http/types';
import { changePassword } from './change-password';
import { createToken } from './create-token';
import { createUser } from './create-user';
import { getMe } from './get-me';
import { listTokens } from './list-tokens';
import { listUsers } from './list-users';
import { login } from './login';
import { logout } from './logout';
import { needsSetup } from './needs-setup';
import { revokeAllTokens } from './revoke-all-tokens';
import { revokeToken } from './revoke-token';
import { setupOrganization } from './setup-organization';
import { updateUser } from './update-user';

const tags = ['auth'];

export function authRoutes(app: App, deps: Deps, options: { secureCookies: boolean | 'auto' }): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
  };

  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { tags, body: loginBody, response: { 200: me } } },
    async (request, reply) => {
      const result = await login(deps, { ...request.body, ip: request.ip });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        ...cookieOptions,
        expires: result.expiresAt,
      });
      return getMe(
        deps,
        { userId: result.userId, orgId: result.orgId, role: 'member', personId: null },
        result.csrfToken,
      );
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags, response: { 200: ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { schema: { tags, response: { 200: me } } }, async (request) =>
    getMe(deps, actorOf(request), request.auth?.csrfToken ?? null),
  );

  app.put(
    '/api/auth/password',
    { schema: { tags, body: changePasswordBody, response: { 200: passwordChanged } } },
    async (request) => {
      const actor = actorOf(request);
      const { revokedTokens } = await changePassword(
        deps,
        actor,
        request.auth?.sessionId ?? null,
        request.body,
      );
      return { ...(await getMe(deps, actor, request.auth?.csrfToken ?? null)), revokedTokens };
    },
  );

  app.get(
    '/api/setup',
    { config: { public: true }, schema: { tags, response: { 200: setupStatus } } },
    async () => ({
      needsSetup: await needsSetup(deps),
    }),
  );

  app.post(
    '/api/setup',
    { config: { public: true }, schema: { tags, body: setupBody, response: { 200: me } } },
    async (request, reply) => {
      await setupOrganization(deps, request.body);
      const result = await login(deps, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
      });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        ...cookieOptions,
        expires: result.expiresAt,
      });
      return getMe(
        deps,
        { userId: result.userId, orgId: result.orgId, role: 'owner', personId: null },
        result.csrfToken,
      );
    },
  );

  app.get(
    '/api/tokens',
    { schema: { tags, querystring: pageQuery, response: { 200: page(apiToken) } } },
    async (request) => listTokens(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/tokens',
    { schema: { tags, body: createTokenBody, response: { 201: createdToken } } },
    async (request, reply) => {
      const created = await createToken(deps, actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );
  app.delete('/api/tokens', { schema: { tags, response: { 200: revokedTokens } } }, async (request) => ({
    revoked: await revokeAllTokens(deps, actorOf(request)),
  }));
  app.delete(
    '/api/tokens/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await revokeToken(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/users',
    { schema: { tags, querystring: pageQuery, response: { 200: page(user) } } },
    async (request) => listUsers(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/users',
    { schema: { tags, body: createUserBody, response: { 201: user } } },
    async (request, reply) => reply.status(201).send(await createUser(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, params: idParams, body: updateUserBody, response: { 200: user } } },
    async (request) => updateUser(deps, actorOf(request), request.params.id, request.body),
  );
}
