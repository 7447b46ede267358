/**
 * Sign-in and credentials against an attacker and a careless user: a new password ends old tokens,
 * the limiter slows guessing without locking out the innocent, an owner learns nothing about other
 * organizations' accounts, and the session cookie is Secure behind HTTPS.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { inject, makeWorld, plainHasher, type World } from '../../../test/world';
import { buildApp } from '../../app';
import { resetPassword } from './reset-password';

function cookieOf(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  return String(Array.isArray(raw) ? raw[0] : raw).split(';')[0]!;
}

describeBackends('sign-in security', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());
  // the limiter keeps time with Date.now(): frozen, a slow machine cannot let a wait run out mid-test
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const login = (payload: Record<string, unknown>, ip = '10.0.0.1') =>
    inject(world.app, { method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip });

  async function newAccount(org: 'a' | 'b', email: string, password: string) {
    const owner = world[org].as.owner;
    const person = (await owner.post<{ id: string }>('/api/people', { name: email })).body.id;
    const created = await owner.post('/api/users', {
      email,
      password: 'temporary-123',
      role: 'member',
      personId: person,
    });
    expect(created.status).toBe(201);
    const first = await login({
      email,
      password: 'temporary-123',
      organizationId: org === 'a' ? world.a.orgId : world.b.orgId,
    });
    const changed = await inject(world.app, {
      method: 'PUT',
      url: '/api/auth/password',
      headers: {
        cookie: cookieOf(first.headers),
        'x-csrf-token': (first.body as { csrfToken: string }).csrfToken,
      },
      payload: { currentPassword: 'temporary-123', newPassword: password },
    });
    expect(changed.status).toBe(200);
  }

  it('revokes every API token of the account when its password changes, and says how many', async () => {
    const email = 'token.holder@a.test';
    await newAccount('a', email, 'first-own-password');
    const session = await login({ email, password: 'first-own-password' });
    const headers = {
      cookie: cookieOf(session.headers),
      'x-csrf-token': (session.body as { csrfToken: string }).csrfToken,
    };
    const made = await inject(world.app, {
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'laptop' },
    });
    const token = (made.body as { token: string }).token;
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await inject(world.app, { method: 'GET', url: '/api/one-on-ones', headers: bearer })).status,
    ).toBe(200);

    const changed = await inject(world.app, {
      method: 'PUT',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: 'first-own-password', newPassword: 'second-own-password' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ revokedTokens: 1 });
    const after = await inject(world.app, { method: 'GET', url: '/api/one-on-ones', headers: bearer });
    expect(after.status).toBe(401);
    // the session that changed the password stays signed in
    expect((await inject(world.app, { method: 'GET', url: '/api/auth/me', headers })).status).toBe(200);
  });

  it('revokes every API token of the account on a server-side reset', async () => {
    const member = world.a.as.member;
    expect((await member.get('/api/one-on-ones')).status).toBe(200);
    const reset = await resetPassword(
      { db: world.db.db, clock: world.clock, passwords: plainHasher },
      { email: member.email, newPassword: 'server-chosen-1' },
    );
    expect(reset.revokedTokens).toBeGreaterThanOrEqual(1);
    expect((await member.get('/api/one-on-ones')).status).toBe(401);
  });

  it('revokes all of the caller’s tokens in one call', async () => {
    const leader = world.a.as.leader;
    const extra = (await leader.post<{ token: string }>('/api/tokens', { name: 'second' })).body.token;
    const res = await inject(world.app, {
      method: 'DELETE',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${extra}` },
    });
    expect(res).toMatchObject({ status: 200, body: { revoked: 2 } });
    expect((await leader.get('/api/home')).status).toBe(401);
  });

  it('never counts a successful sign-in: 60 people behind one address sign in one after another', async () => {
    const email = world.a.as.manager.email;
    const statuses = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await login({ email, password: 'manager-password-A' }, '10.1.1.1')).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('slows a guesser on their own address and leaves the account open to its owner elsewhere', async () => {
    const email = world.a.as.manager.email;
    const statuses = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await login({ email, password: 'a-wrong-guess' }, '10.6.6.6')).status);
    // five free failures, then the guesser waits
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    const slowed = await login({ email, password: 'manager-password-A' }, '10.6.6.6');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // the account's owner, from their own machine, is not locked out
    expect((await login({ email, password: 'manager-password-A' }, '10.2.2.2')).status).toBe(200);
  });

  it('stops one address from walking through many accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await login({ email: `nobody-${i}@a.test`, password: 'guess-guess' }, '10.9.9.9')).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // other addresses are unaffected
    expect(
      (await login({ email: world.a.as.owner.email, password: 'owner-password-A' }, '10.3.3.3')).status,
    ).toBe(200);
  });

  it('tells an owner nothing about accounts of other organizations: the same email is free in each', async () => {
    const taken = world.a.as.member.email;
    const person = (await world.b.as.owner.post<{ id: string }>('/api/people', { name: 'Namesake' })).body.id;
    const created = await world.b.as.owner.post('/api/users', {
      email: taken,
      password: 'b-chosen-password',
      role: 'member',
      personId: person,
    });
    expect(created.status).toBe(201);
    // but twice in one organization is a conflict the owner can see anyway in their list
    const again = await world.b.as.owner.post('/api/users', {
      email: taken,
      password: 'b-chosen-password',
      role: 'member',
      personId: (await world.b.as.owner.post<{ id: string }>('/api/people', { name: 'Twin' })).body.id,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { details: { issues: [{ field: 'body.email' }] } } });
  });

  it('signs in to the account the password opens, and asks which organization when it opens several', async () => {
    const email = 'two.hats@a.test';
    await newAccount('a', email, 'shared-password-1');
    const inB = await world.b.as.owner.post<{ id: string }>('/api/people', { name: 'Two Hats' });
    await world.b.as.owner.post('/api/users', {
      email,
      password: 'b-temporary-1',
      role: 'member',
      personId: inB.body.id,
    });
    // different passwords: each opens its own organization
    const a = await login({ email, password: 'shared-password-1' }, '10.4.4.4');
    expect(a.body).toMatchObject({ organization: { id: world.a.orgId } });
    const b = await login({ email, password: 'b-temporary-1' }, '10.4.4.4');
    expect(b.body).toMatchObject({ organization: { id: world.b.orgId }, mustChangePassword: true });
    // the same password in both: the caller chooses, and only then learns the names
    await inject(world.app, {
      method: 'PUT',
      url: '/api/auth/password',
      headers: { cookie: cookieOf(b.headers), 'x-csrf-token': (b.body as { csrfToken: string }).csrfToken },
      payload: { currentPassword: 'b-temporary-1', newPassword: 'shared-password-1' },
    });
    const both = await login({ email, password: 'shared-password-1' }, '10.4.4.4');
    expect(both.status).toBe(409);
    const orgs = (both.body as { error: { details: { organizations: { id: string }[] } } }).error.details
      .organizations;
    expect(orgs.map((o) => o.id).sort()).toEqual([world.a.orgId, world.b.orgId].sort());
    const chosen = await login(
      { email, password: 'shared-password-1', organizationId: world.b.orgId },
      '10.4.4.4',
    );
    expect(chosen).toMatchObject({ status: 200, body: { organization: { id: world.b.orgId } } });
    const wrong = await login(
      { email, password: 'not-it-at-all', organizationId: world.b.orgId },
      '10.4.4.4',
    );
    expect(wrong.status).toBe(401);
  });

  it('marks the session cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const app = await buildApp({
      db: world.db,
      clock: world.clock,
      passwords: plainHasher,
      trustProxy: '127.0.0.1',
    });
    try {
      const payload = { email: world.a.as.owner.email, password: 'owner-password-A' };
      const viaTls = await inject(app, {
        method: 'POST',
        url: '/api/auth/login',
        payload,
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
      });
      expect(String(viaTls.headers['set-cookie'])).toMatch(/; Secure/);
      const plain = await inject(app, {
        method: 'POST',
        url: '/api/auth/login',
        payload,
        remoteAddress: '127.0.0.1',
      });
      expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
      // an untrusted peer cannot claim HTTPS (or another address) by sending the headers itself
      const spoofed = await inject(app, {
        method: 'POST',
        url: '/api/auth/login',
        payload,
        remoteAddress: '198.51.100.7',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(String(spoofed.headers['set-cookie'])).not.toMatch(/Secure/);
    } finally {
      await app.close();
    }
    const always = await buildApp({
      db: world.db,
      clock: world.clock,
      passwords: plainHasher,
      secureCookies: true,
    });
    try {
      const res = await inject(always, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: world.a.as.owner.email, password: 'owner-password-A' },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await always.close();
    }
  });

  it('answers every request with the request id its log lines carry', async () => {
    const res = await world.a.as.owner.get('/api/home');
    expect(String(res.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });
});
