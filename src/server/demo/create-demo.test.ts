import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { describeBackends } from '../../test/backends';
import { plainHasher } from '../../test/world';
import { login } from '../areas/auth/login';
import { fixedClock } from '../providers/clock';
import { signInLimiter } from '../providers/sign-in-limiter';
import { createDemoOrganization, type CreatedDemo } from './create-demo';
import { demoTables } from './repo';

describeBackends('createDemoOrganization', (backend) => {
  let db: Db;
  let first: CreatedDemo;
  let second: CreatedDemo;
  const clock = fixedClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    db = await backend.connect();
    const deps = { db: db.db, clock, passwords: plainHasher };
    first = await createDemoOrganization(deps, { people: 30, tasks: 400, seed: 1 });
    second = await createDemoOrganization(deps, { people: 12, tasks: 60, seed: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes every generated row of the organization, in its own organization', async () => {
    expect(first.counts.people).toBe(30);
    expect(first.counts.tasks).toBe(400);
    expect(first.counts.users).toBe(4);
    const org = await db.db.selectFrom('organizations').selectAll().where('id', '=', first.orgId).execute();
    expect(org).toHaveLength(1);
    for (const table of demoTables) {
      if (table === 'organizations') continue;
      const row = await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', first.orgId)
        .executeTakeFirstOrThrow();
      expect({ table, n: Number(row.n) }).toEqual({ table, n: first.counts[table] });
      expect(first.counts[table], table).toBeGreaterThan(0);
    }
    const late = await db.db
      .selectFrom('tasks')
      .select('id')
      .where('org_id', '=', first.orgId)
      .where('status', '!=', 'done')
      .where('deadline', '<', '2026-03-02')
      .execute();
    expect(late.length).toBeGreaterThan(0);
  });

  it('creates one account per role whose random password verifies against the stored hash', async () => {
    expect(first.signIns.map((s) => s.role)).toEqual(['owner', 'leader', 'manager', 'member']);
    const all = [...first.signIns, ...second.signIns];
    expect(new Set(all.map((s) => s.password)).size).toBe(all.length);
    for (const signIn of all) {
      expect(signIn.password).toMatch(/^[A-Za-z0-9]{16}$/);
      const user = await db.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', signIn.email)
        .executeTakeFirstOrThrow();
      expect(user.role).toBe(signIn.role);
      expect(user.password_hash).not.toBe(signIn.password);
      expect(await plainHasher.verify(user.password_hash, signIn.password)).toBe(true);
    }
    const member = first.signIns[3]!;
    const session = await login(
      { db: db.db, clock, passwords: plainHasher, signInLimiter: signInLimiter() },
      { email: member.email, password: member.password, ip: '127.0.0.1' },
    );
    expect(session.orgId).toBe(first.orgId);
  });

  it('keeps sign-in e-mails unique when the same demo is added twice', async () => {
    const domain = (email: string) => email.split('@')[1];
    expect(domain(first.signIns[0]!.email)).toMatch(/^[a-z0-9-]+\.example$/);
    expect(domain(second.signIns[0]!.email)).toBe(
      domain(first.signIns[0]!.email)!.replace('.example', '-2.example'),
    );
    expect(second.organizationName).toBe(`${first.organizationName} (2)`);
    const emails = await db.db.selectFrom('users').select('email').execute();
    expect(new Set(emails.map((e) => e.email)).size).toBe(emails.length);
  });
});
