import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { inject, makeWorld, type World } from '../../../test/world';
import { resetPassword } from './reset-password';

function cookieOf(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  return String(Array.isArray(raw) ? raw[0] : raw).split(';')[0]!;
}

describeBackends('own passwords', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  async function signIn(email: string, password: string) {
    const res = await inject(world.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    return { res, cookie: cookieOf(res.headers), csrf: (res.body as { csrfToken: string }).csrfToken };
  }

  it("does not let an owner set someone else's password", async () => {
    const users = (await world.a.as.owner.get('/api/users')).body as {
      items: { id: string; email: string }[];
    };
    const member = users.items.find((u) => u.email === 'member@a.test')!;
    const res = await world.a.as.owner.patch(`/api/users/${member.id}`, {
      password: 'owner-chosen-password',
    });
    expect(res.status).toBe(400);
    expect((await signIn('member@a.test', 'owner-chosen-password')).res.status).toBe(401);
  });

  it('makes an account whose password an owner chose set its own before reading anything', async () => {
    const person = ((await world.a.as.owner.post('/api/people', { name: 'New Hire' })).body as { id: string })
      .id;
    const created = await world.a.as.owner.post('/api/users', {
      email: 'new.hire@a.test',
      password: 'owner-chosen-1',
      role: 'member',
      personId: person,
    });
    expect(created.status).toBe(201);
    const first = await signIn('new.hire@a.test', 'owner-chosen-1');
    expect(first.res.body).toMatchObject({ mustChangePassword: true });
    const blocked = await inject(world.app, {
      method: 'GET',
      url: '/api/home',
      headers: { cookie: first.cookie },
    });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ error: { code: 'password_change_required' } });
    const headers = { cookie: first.cookie, 'x-csrf-token': first.csrf };
    const wrong = await inject(world.app, {
      method: 'PUT',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: 'nope', newPassword: 'my-own-secret-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { details: { issues: [{ field: 'body.currentPassword' }] } } });
    const other = await signIn('new.hire@a.test', 'owner-chosen-1'); // e.g. the owner, signed in as them
    const changed = await inject(world.app, {
      method: 'PUT',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword: 'owner-chosen-1', newPassword: 'my-own-secret-1' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ mustChangePassword: false });
    expect(
      (await inject(world.app, { method: 'GET', url: '/api/home', headers: { cookie: first.cookie } }))
        .status,
    ).toBe(200);
    // the other session that knew the owner-chosen password is gone
    expect(
      (await inject(world.app, { method: 'GET', url: '/api/auth/me', headers: { cookie: other.cookie } }))
        .status,
    ).toBe(401);
    expect((await signIn('new.hire@a.test', 'owner-chosen-1')).res.status).toBe(401);
    expect((await signIn('new.hire@a.test', 'my-own-secret-1')).res.body).toMatchObject({
      mustChangePassword: false,
    });
  });

  it('a server-side reset signs the account out everywhere and requires a new password', async () => {
    const before = await signIn('leader@a.test', 'leader-password-A');
    await resetPassword(
      { db: world.db.db, clock: world.clock, passwords: (await import('../../../test/world')).plainHasher },
      {
        email: 'leader@a.test',
        newPassword: 'server-reset-123',
      },
    );
    expect(
      (await inject(world.app, { method: 'GET', url: '/api/auth/me', headers: { cookie: before.cookie } }))
        .status,
    ).toBe(401);
    const after = await signIn('leader@a.test', 'server-reset-123');
    expect(after.res.body).toMatchObject({ mustChangePassword: true });
  });
});
