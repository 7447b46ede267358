import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../test/backends';
import { connect } from './connect';

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
