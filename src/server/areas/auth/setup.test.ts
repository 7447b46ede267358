import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../db/connect';
import { describeBackends } from '../../../test/backends';
import { inject, plainHasher } from '../../../test/world';
import { buildApp } from '../../app';

describeBackends('first-run setup', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await backend.connect();
    app = await buildApp({ db, passwords: plainHasher });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('creates the organization and its owner once, signs the owner in, then refuses a second setup', async () => {
    expect((await inject(app, { method: 'GET', url: '/api/setup' })).body).toEqual({ needsSetup: true });
    const bad = await inject(app, {
      method: 'POST',
      url: '/api/setup',
      payload: { organizationName: 'Acme', ownerName: 'Ada', email: 'ada@acme.test', password: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: { issues: [{ field: 'body.password' }] } } });

    const res = await inject(app, {
      method: 'POST',
      url: '/api/setup',
      payload: {
        organizationName: 'Acme',
        ownerName: 'Ada',
        email: 'Ada@Acme.test',
        password: 'a-long-enough-password',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      role: 'owner',
      email: 'ada@acme.test',
      name: 'Ada',
      organization: { name: 'Acme' },
    });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const people = await inject(app, { method: 'GET', url: '/api/people', headers: { cookie } });
    expect(people.body).toMatchObject({ total: 1, items: [{ name: 'Ada', role: 'owner' }] });

    expect((await inject(app, { method: 'GET', url: '/api/setup' })).body).toEqual({ needsSetup: false });
    const again = await inject(app, {
      method: 'POST',
      url: '/api/setup',
      payload: {
        organizationName: 'Evil',
        ownerName: 'Eve',
        email: 'eve@evil.test',
        password: 'a-long-enough-password',
      },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'setup_done' } });
  });
});
