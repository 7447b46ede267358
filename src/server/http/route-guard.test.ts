/**
 * Every documented route, called without credentials, answers 401 in the one error shape — except the
 * few that are public on purpose. New routes are covered automatically (the list comes from OpenAPI).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/backends';
import { inject, makeWorld, type World } from '../../test/world';

const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/ready',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/setup',
  'POST /api/setup',
]);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describeBackends('route guard', (backend) => {
  let world: World;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    world = await makeWorld(backend);
    const doc = (await world.anonymous.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m]).map((m) => ({
        method: m.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      })),
    );
  });
  afterAll(async () => world.close());

  it('documents the routes of every area', () => {
    const paths = new Set(routes.map((r) => r.path.split('/')[2]));
    for (const area of ['auth', 'organization', 'pillars', 'strategy', 'goals', 'home', 'tokens', 'users'])
      expect(paths).toContain(area);
  });

  it('answers 401 without credentials on every private route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (PUBLIC.has(key)) continue;
      const res = await inject(world.app, {
        method: route.method,
        url: route.path,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      const body = res.body as { error?: { code?: string } };
      if (res.status !== 401 || body.error?.code !== 'unauthenticated')
        failures.push(`${key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 for a forged session cookie', async () => {
    const res = await inject(world.app, {
      method: 'GET',
      url: '/api/home',
      headers: { cookie: 'tandem_session=forged' },
    });
    expect(res.status).toBe(401);
  });

  it('answers unknown API paths with a 404 in the error shape and malformed JSON with a 400', async () => {
    const missing = await world.a.as.member.get('/api/nope');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const malformed = await inject(world.app, {
      method: 'POST',
      url: '/api/goals',
      headers: { authorization: `Bearer ${world.a.as.owner.token}`, 'content-type': 'application/json' },
      payload: '{"kind": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'bad_request' } });
  });
});
