import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { inject, makeWorld, type World } from '../../../test/world';
import { argon2Hasher } from '../../providers/passwords';

function cookieFrom(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw);
  return first.split(';')[0]!;
}

describeBackends('auth API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  it('signs in with email and password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await inject(world.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'manager@a.test', password: 'manager-password-A' },
    });
    expect(res.status).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/tandem_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await inject(world.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: cookieFrom(res.headers) },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'manager@a.test',
      role: 'manager',
      organization: { id: world.a.orgId },
    });
  });

  it('rejects a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await world.anonymous.post('/api/auth/login', {
      email: 'member@a.test',
      password: 'nope-nope-nope',
    });
    const unknown = await world.anonymous.post('/api/auth/login', {
      email: 'ghost@a.test',
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as { error: { message: string } }).error.message).toBe(
      (unknown.body as { error: { message: string } }).error.message,
    );
  });

  it('answers 400 with the field for a malformed sign-in', async () => {
    const res = await world.anonymous.post('/api/auth/login', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'body.email' }] } },
    });
  });

  it('requires the CSRF token for writes made with a session cookie', async () => {
    const res = await inject(world.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@a.test', password: 'owner-password-A' },
    });
    const cookie = cookieFrom(res.headers);
    const csrf = (res.body as { csrfToken: string }).csrfToken;
    const without = await inject(world.app, {
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ error: { code: 'csrf_failed' } });
    const withToken = await inject(world.app, {
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'x' },
    });
    expect(withToken.status).toBe(201);
  });

  it('revokes the session on sign-out', async () => {
    const res = await inject(world.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'leader@a.test', password: 'leader-password-A' },
    });
    const cookie = cookieFrom(res.headers);
    expect(
      (await inject(world.app, { method: 'POST', url: '/api/auth/logout', headers: { cookie } })).status,
    ).toBe(200);
    expect(
      (await inject(world.app, { method: 'GET', url: '/api/auth/me', headers: { cookie } })).status,
    ).toBe(401);
  });

  it('returns 401 without credentials and with a revoked or unknown token', async () => {
    expect((await world.anonymous.get('/api/auth/me')).status).toBe(401);
    const created = await world.a.as.member.post('/api/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const token = (created.body as { token: string; id: string }).token;
    const ok = await inject(world.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    const list = await world.a.as.member.get('/api/tokens');
    expect(
      (list.body as { items: { id: string; prefix: string }[] }).items.some((t) =>
        token.startsWith(t.prefix),
      ),
    ).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(
      (await world.a.as.member.delete(`/api/tokens/${(created.body as { id: string }).id}`)).status,
    ).toBe(200);
    const revoked = await inject(world.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
    expect(
      (
        await inject(world.app, {
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: 'Bearer tnd_unknown' },
        })
      ).status,
    ).toBe(401);
  });

  it("writes a token's last use at most once a minute, so reads do not each write", async () => {
    const created = await world.a.as.member.post<{ id: string; token: string }>('/api/tokens', {
      name: 'stamps',
    });
    const use = async () =>
      expect(
        (
          await inject(world.app, {
            method: 'GET',
            url: '/api/auth/me',
            headers: { authorization: `Bearer ${created.body.token}` },
          })
        ).status,
      ).toBe(200);
    const lastUsed = async () =>
      (
        await world.a.as.member.get<{ items: { id: string; lastUsedAt: string | null }[] }>(
          '/api/tokens?limit=500',
        )
      ).body.items.find((t) => t.id === created.body.id)?.lastUsedAt;
    const start = world.clock.now().getTime();
    const at = (ms: number) => new Date(start + ms).toISOString();
    expect(await lastUsed()).toBeNull();
    try {
      await use();
      expect(await lastUsed()).toBe(at(0));
      world.clock.set(at(59_000));
      await use();
      expect(await lastUsed()).toBe(at(0));
      world.clock.set(at(61_000));
      await use();
      expect(await lastUsed()).toBe(at(61_000));
    } finally {
      world.clock.set(at(0));
    }
  });

  it("answers 404 when revoking another person's token", async () => {
    const created = await world.a.as.member.post('/api/tokens', { name: 'mine' });
    const id = (created.body as { id: string }).id;
    expect((await world.a.as.leader.delete(`/api/tokens/${id}`)).status).toBe(404);
    expect((await world.b.as.owner.delete(`/api/tokens/${id}`)).status).toBe(404);
  });

  it('lets only owners manage accounts and keeps one owner', async () => {
    expect((await world.a.as.leader.get('/api/users')).status).toBe(403);
    const users = await world.a.as.owner.get('/api/users');
    expect(users.status).toBe(200);
    const items = (users.body as { items: { id: string; email: string }[] }).items;
    expect(items.every((u) => u.email.endsWith('@a.test'))).toBe(true);
    const owner = items.find((u) => u.email === 'owner@a.test')!;
    const demote = await world.a.as.owner.patch(`/api/users/${owner.id}`, { role: 'member' });
    expect(demote.status).toBe(409);
    const member = items.find((u) => u.email === 'member@a.test')!;
    expect((await world.b.as.owner.patch(`/api/users/${member.id}`, { role: 'leader' })).status).toBe(404);
    const createBad = await world.a.as.owner.post('/api/users', {
      email: 'new@a.test',
      password: 'short',
      role: 'member',
      personId: world.a.as.member.actor.personId,
    });
    expect(createBad.status).toBe(400);
    const crossOrgPerson = await world.a.as.owner.post('/api/users', {
      email: 'new@a.test',
      password: 'long-enough-password',
      role: 'member',
      personId: world.b.as.member.actor.personId,
    });
    expect(crossOrgPerson.status).toBe(404);
  });

  it("pages the caller's own live tokens, counting them all, and answers 400 for a limit out of range", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await world.a.as.manager.post<{ id: string }>('/api/tokens', { name: `paged ${i}` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const revoked = await world.a.as.manager.post<{ id: string }>('/api/tokens', { name: 'revoked' });
    expect((await world.a.as.manager.delete(`/api/tokens/${revoked.body.id}`)).status).toBe(200);
    const whole = await expectPaging(world.a.as.manager, '/api/tokens', { includes: ids });
    const listed = whole.items.map((t) => t.id);
    expect(listed).not.toContain(revoked.body.id);
    const others = await world.a.as.leader.get<{ items: { id: string }[] }>('/api/tokens?limit=500');
    expect(others.body.items.map((t) => t.id)).not.toContain(ids[0]);
  });

  it('pages the accounts by email, counting them all, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (const name of ['paged-b', 'paged-a']) {
      const person = await world.a.as.owner.post<{ id: string }>('/api/people', { name });
      expect(person.status).toBe(201);
      const created = await world.a.as.owner.post<{ id: string }>('/api/users', {
        email: `${name}@a.test`,
        password: 'long-enough-password',
        role: 'member',
        personId: person.body.id,
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const whole = await expectPaging(world.a.as.owner, '/api/users', { includes: ids });
    const emails = whole.items.map((u) => (u as unknown as { email: string }).email);
    expect(emails).toEqual([...emails].sort());
    expect(emails.every((email) => email.endsWith('@a.test'))).toBe(true);
  });

  it('refuses first-run setup once an organization exists', async () => {
    expect((await world.anonymous.get('/api/setup')).body).toEqual({ needsSetup: false });
    const res = await world.anonymous.post('/api/setup', {
      organizationName: 'X',
      ownerName: 'Y',
      email: 'y@x.test',
      password: 'long-enough-password',
    });
    expect(res.status).toBe(409);
  });

  it('serves health and the OpenAPI document without signing in', async () => {
    const health = await world.anonymous.get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: backend.name });
    const doc = await world.anonymous.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(
      (doc.body as { openapi: string; paths: Record<string, unknown> }).paths['/api/auth/login'],
    ).toBeDefined();
  });
});

describe('sign-in with argon2 and rate limiting', () => {
  describeBackends('login', (backend) => {
    let world: World;
    beforeAll(async () => {
      world = await makeWorld(backend, { passwords: argon2Hasher });
    });
    afterAll(async () => world.close());

    it('hashes with argon2id and rate-limits repeated failures with 429 and Retry-After', async () => {
      const hashed = await argon2Hasher.hash('correct horse battery');
      expect(hashed.startsWith('$argon2id$')).toBe(true);
      expect(await argon2Hasher.verify(hashed, 'correct horse battery')).toBe(true);
      expect(await argon2Hasher.verify(hashed, 'wrong')).toBe(false);
      let last = await world.anonymous.post('/api/auth/login', {
        email: 'member@a.test',
        password: 'wrong-password',
      });
      for (let i = 0; i < 10; i++)
        last = await world.anonymous.post('/api/auth/login', {
          email: 'member@a.test',
          password: 'wrong-password',
        });
      expect(last.status).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
