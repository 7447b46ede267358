/**
 * First start on PostgreSQL as on SQLite: `DATABASE_URL=…` alone makes the demo organization, its
 * sign-ins are shown again by every process and after a restart, and three processes starting
 * together on one empty database end with one organization and none crashes.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../test/free-port';
import { emptyDatabase } from '../test/postgres-database';
import { killAll, tandem, tempDir } from '../test/processes';

const signInLine = /^demo sign-in \((owner|leader|manager|member)\): (\S+@\S+) (\S{16})$/gm;
const signInLines = (text: string) => [...text.matchAll(signInLine)].map((m) => m[0]);

afterAll(killAll);

const postgresUrl = inject('postgresUrl');

// Skipped only when TANDEM_TEST_PG=off was set on purpose (see src/test/postgres-global-setup.ts).
describe.skipIf(!postgresUrl)('tandem serve on PostgreSQL', () => {
  it('three processes starting together on an empty database make one demo organization', async () => {
    const database = await emptyDatabase(postgresUrl!);
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    const runs = ports.map((port) =>
      tandem(['serve', '--port', String(port)], tempDir(), { DATABASE_URL: database.url }),
    );
    await Promise.all(runs.map((run) => run.waitFor(/Tandem is listening on/, 90_000)));
    for (const run of runs) expect(run.stderr()).not.toMatch(/error|duplicate/i);
    expect(runs.filter((run) => /Created the demo organization/.test(run.stdout()))).toHaveLength(1);
    // every process shows the same four sign-ins, the ones the first one made
    const lines = runs.map((run) => signInLines(run.stdout()));
    expect(lines[0]).toHaveLength(4);
    expect(lines[1]).toEqual(lines[0]);
    expect(lines[2]).toEqual(lines[0]);
    expect(await database.query('SELECT id FROM organizations')).toHaveLength(1);

    // a printed account signs in through any of them
    const [, email, password] = /\(manager\): (\S+) (\S+)/.exec(lines[0]![2]!)!;
    for (const port of ports) {
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(response.status).toBe(200);
    }
    for (const run of runs) run.child.kill('SIGTERM');
    for (const run of runs) expect(await run.exited(15_000)).toBe(0);

    // a restart shows them again and makes nothing new
    const again = tandem(['serve', '--port', String(await freePort())], tempDir(), {
      DATABASE_URL: database.url,
    });
    await again.waitFor(/Tandem is listening on/, 60_000);
    expect(signInLines(again.stdout())).toEqual(lines[0]);
    expect(again.stdout()).not.toMatch(/Created the demo organization/);
    again.child.kill('SIGTERM');
    expect(await again.exited(15_000)).toBe(0);
    expect(await database.query('SELECT id FROM organizations')).toHaveLength(1);
  }, 240_000);

  it('with --no-demo starts empty', async () => {
    const database = await emptyDatabase(postgresUrl!);
    const run = tandem(['serve', '--no-demo', '--port', String(await freePort())], tempDir(), {
      DATABASE_URL: database.url,
    });
    await run.waitFor(/first-run screen/, 60_000);
    expect(signInLines(run.stdout())).toEqual([]);
    run.child.kill('SIGTERM');
    expect(await run.exited(15_000)).toBe(0);
    expect(await database.query('SELECT id FROM organizations')).toHaveLength(0);
  }, 120_000);
});
