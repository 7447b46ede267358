import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../test/backends';
import { connect } from './connect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

describeBackends('migrations', (backend) => {
  it('creates every table and can run twice', async () => {
    const first = await backend.connect();
    await first.db.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
    const row = await first.db.selectFrom('meta').selectAll().where('key', '=', 'k').executeTakeFirst();
    expect(row?.value).toBe('v');
    await first.close();
  });
});

describe('SQLite data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses WAL and refuses a second opener of the same directory with a clear message', async () => {
    const first = await connect({ dataDir: dir });
    const mode = await first.db
      .selectFrom('meta')
      .select((eb) => eb.val(1).as('one'))
      .execute();
    expect(mode).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'tandem.sqlite'))).toBe(true);
    // the lock belongs to this process: a second connect (as a second server would) must fail fast
    await expect(connect({ dataDir: dir })).rejects.toThrow(/in use by another Tandem process/);
    await first.close();
    const again = await connect({ dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a process that has exited', async () => {
    fs.writeFileSync(path.join(dir, 'tandem.lock'), '999999999');
    const db = await connect({ dataDir: dir });
    await db.close();
    expect(fs.existsSync(path.join(dir, 'tandem.lock'))).toBe(false);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', async () => {
    await expect(connect({ databaseUrl: 'mysql://x' })).rejects.toThrow(/postgres:\/\//);
  });
});

describe('SQLite file permissions and migrations', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-mode-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the database readable by its owner only, narrowing a file made readable by others', async () => {
    const file = path.join(dir, 'tandem.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    fs.chmodSync(dir, 0o755);
    const db = await connect({ dataDir: dir });
    await db.db.insertInto('meta').values({ key: 'mode', value: 'x' }).execute();
    for (const f of [file, `${file}-wal`]) expect(fs.statSync(f).mode & 0o077).toBe(0);
    expect(fs.statSync(dir).mode & 0o077).toBe(0);
    await db.close();
  });

  it('moves to per-organization emails without losing a session or a token', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'old-'));
    const raw = new SQLite(path.join(sub, 'tandem.sqlite'));
    const old = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await migrateToLatest(old as Kysely<unknown>, '0004-task-layouts');
    const now = '2026-03-02T09:00:00.000Z';
    await old
      .insertInto('organizations')
      .values({ id: 'o1', name: 'O', vision: '', vision_horizon: '', created_at: now })
      .execute();
    await old
      .insertInto('users')
      .values({
        id: 'u1',
        org_id: 'o1',
        person_id: null,
        email: 'a@o.test',
        password_hash: 'h',
        role: 'owner',
        created_at: now,
      })
      .execute();
    await old
      .insertInto('sessions')
      .values({
        id: 's1',
        user_id: 'u1',
        org_id: 'o1',
        csrf_token: 'c',
        created_at: now,
        expires_at: now,
        revoked_at: null,
      })
      .execute();
    await old
      .insertInto('api_tokens')
      .values({
        id: 't1',
        user_id: 'u1',
        org_id: 'o1',
        name: 'n',
        prefix: 'p',
        token_hash: 'th',
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await old.destroy();

    const db = await connect({ dataDir: sub });
    expect(await db.db.selectFrom('sessions').select('id').execute()).toEqual([{ id: 's1' }]);
    expect(await db.db.selectFrom('api_tokens').select('id').execute()).toEqual([{ id: 't1' }]);
    // the same email is now free in another organization, and still unique within one
    await db.db
      .insertInto('organizations')
      .values({ id: 'o2', name: 'P', vision: '', vision_horizon: '', created_at: now })
      .execute();
    const user = { person_id: null, email: 'a@o.test', password_hash: 'h', role: 'owner', created_at: now };
    await db.db
      .insertInto('users')
      .values({ ...user, id: 'u2', org_id: 'o2' })
      .execute();
    await expect(
      db.db
        .insertInto('users')
        .values({ ...user, id: 'u3', org_id: 'o2' })
        .execute(),
    ).rejects.toThrow();
    // deleting the user still cascades to its sessions: the rebuilt table kept its references
    await db.db.deleteFrom('users').where('id', '=', 'u1').execute();
    expect(await db.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    await db.close();
  });
});
