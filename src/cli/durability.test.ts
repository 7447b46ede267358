/**
 * What the server acknowledged survives `kill -9`. A real `tandem serve` on SQLite takes a stream of
 * concurrent writes; once enough are acknowledged it is killed mid-stream with SIGKILL (requests still
 * in flight), restarted on the same data directory (taking over the dead process's lock), and every
 * acknowledged record must be there, with SQLite's integrity check clean. Three rounds on one file.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port';
import { killAll, tandem, tempDir, type Run } from '../test/processes';

afterAll(killAll);

const ROUNDS = 3;
const ACKNOWLEDGED_PER_ROUND = 250;
const CONCURRENCY = 8;

async function start(dataDir: string): Promise<{ run: Run; url: string }> {
  const port = await freePort();
  const run = tandem(['serve', '--no-demo', '--port', String(port)], dataDir);
  await run.waitFor(/Tandem is listening on/, 45_000);
  return { run, url: `http://127.0.0.1:${port}` };
}

describe('durability under kill -9', () => {
  it('keeps every acknowledged write across three SIGKILLs, and the file passes its integrity check', async () => {
    const dataDir = tempDir();
    let { run, url } = await start(dataDir);
    const setup = await fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationName: 'Durable',
        ownerName: 'Owner',
        email: 'owner@durable.test',
        password: 'durable-password-1',
      }),
    });
    expect(setup.status).toBe(200);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const tokenRes = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'durability' }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    const acknowledged = { people: [] as string[], goals: [] as string[] };
    for (let round = 0; round < ROUNDS; round++) {
      let inRound = 0;
      let sent = 0;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const n = sent++;
          const isPerson = n % 2 === 0;
          try {
            const res = await fetch(`${url}/api/${isPerson ? 'people' : 'goals'}`, {
              method: 'POST',
              headers,
              body: JSON.stringify(
                isPerson
                  ? { name: `Person ${round}-${n}` }
                  : { kind: 'objective', title: `Goal ${round}-${n}`, horizon: 'quarter' },
              ),
            });
            if (res.status !== 201) throw new Error(`write answered ${res.status}: ${await res.text()}`);
            const { id } = (await res.json()) as { id: string };
            (isPerson ? acknowledged.people : acknowledged.goals).push(id);
            if (++inRound >= ACKNOWLEDGED_PER_ROUND && !killed) {
              killed = true;
              run.child.kill('SIGKILL'); // the other writers still have requests in flight
            }
          } catch (error) {
            if (!killed) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, writer));
      await run.exited(10_000);
      ({ run, url } = await start(dataDir));
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
    }
    run.child.kill('SIGTERM');
    expect(await run.exited(15_000)).toBe(0);

    const db = new SQLite(path.join(dataDir, 'tandem.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const has = (table: string, ids: string[]) => {
        const stored = new Set(
          (db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => r.id),
        );
        return ids.filter((id) => !stored.has(id));
      };
      expect(acknowledged.people.length + acknowledged.goals.length).toBeGreaterThanOrEqual(
        ROUNDS * ACKNOWLEDGED_PER_ROUND,
      );
      expect(has('people', acknowledged.people)).toEqual([]);
      expect(has('goals', acknowledged.goals)).toEqual([]);
    } finally {
      db.close();
    }
  }, 240_000);
});
