/** The CLI as a user runs it: real processes on temporary data directories (src/test/processes.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port';
import { killAll, tandem, tempDir } from '../test/processes';

const signInLine = /^demo sign-in \((owner|leader|manager|member)\): (\S+@\S+) (\S{16})$/gm;
const signInLines = (text: string) => [...text.matchAll(signInLine)].map((m) => m[0]);

afterAll(killAll);

describe('tandem demo', () => {
  it('rejects --people 0 with exit code 2 and says what is wrong', async () => {
    const run = tandem(['demo', '--people', '0'], tempDir());
    expect(await run.exited(20_000)).toBe(2);
    expect(run.stderr()).toMatch(/--people must be a whole number from 8 to 2000 \(got "0"\)/);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 30_000);
});

describe('tandem serve', () => {
  const dataDir = tempDir();
  let firstLines: string[] = [];

  it('creates the demo on first start, prints one sign-in per role and keeps them in a private file', async () => {
    const port = await freePort();
    const run = tandem(['serve', '--port', String(port)], dataDir);
    await run.waitFor(new RegExp(`Tandem is listening on http://127\\.0\\.0\\.1:${port}`), 45_000);
    firstLines = signInLines(run.stdout());
    expect(firstLines.map((line) => /\((\w+)\)/.exec(line)![1])).toEqual([
      'owner',
      'leader',
      'manager',
      'member',
    ]);
    const file = path.join(dataDir, 'demo-sign-ins.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(signInLines(fs.readFileSync(file, 'utf8'))).toEqual(firstLines);

    // a printed account signs in over HTTP (with the real password hasher)
    const [, email, password] = /\(member\): (\S+) (\S+)/.exec(firstLines[3]!)!;
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { role: string }).role).toBe('member');

    // a second server on the same data directory refuses to start
    const second = tandem(['serve', '--port', String(await freePort())], dataDir);
    expect(await second.exited(30_000)).toBe(1);
    expect(second.stderr()).toMatch(/in use by another Tandem process/);
    expect(second.stderr()).not.toMatch(/\n\s+at /);

    // SIGTERM stops it cleanly and releases the data directory
    run.child.kill('SIGTERM');
    expect(await run.exited(15_000)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'tandem.lock'))).toBe(false);
  }, 120_000);

  it('prints the same sign-ins again on a restart', async () => {
    expect(firstLines).toHaveLength(4);
    const port = await freePort();
    const run = tandem(['serve', '--port', String(port)], dataDir);
    await run.waitFor(/Tandem is listening on/, 45_000);
    expect(signInLines(run.stdout())).toEqual(firstLines);
    expect(run.stdout()).not.toMatch(/Created the demo organization/);
    run.child.kill('SIGINT');
    expect(await run.exited(15_000)).toBe(0);
  }, 60_000);

  it('with --no-demo starts empty and points at the first-run screen', async () => {
    const port = await freePort();
    const run = tandem(['serve', '--no-demo', '--port', String(port)], tempDir());
    await run.waitFor(/first-run screen/, 45_000);
    expect(run.stdout()).toContain(`No organization yet: open http://127.0.0.1:${port}`);
    expect(signInLines(run.stdout())).toEqual([]);
    const setup = await fetch(`http://127.0.0.1:${port}/api/setup`);
    expect(await setup.json()).toEqual({ needsSetup: true });
    run.child.kill('SIGTERM');
    expect(await run.exited(15_000)).toBe(0);
  }, 60_000);
});
