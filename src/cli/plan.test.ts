/** `tandem plan` as a user runs it: a real process on a temporary data directory with a small demo. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-plan-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function tandem(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describe('tandem plan', () => {
  it('plans the organization, prints the figures and applies with --apply', () => {
    expect(tandem(['demo', '--people', '10', '--tasks', '60', '--seed', '2']).status).toBe(0);
    const run = tandem(['plan', '--time-ms', '800']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Planned the whole organization: \d+ open tasks in [\d.]+ s/m);
    expect(run.stdout).toMatch(/^late tasks\s+\d+\s+\d+$/m);
    expect(run.stdout).toMatch(/^overload \(h\)\s+[\d.]+\s+0$/m);
    expect(run.stdout).toMatch(/Nothing was applied: run again with --apply/);
    const applied = tandem(['plan', '--time-ms', '800', '--apply']);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Applied \d+ changes\.$/m);
  }, 120_000);

  it('refuses an unknown project with exit code 2', () => {
    const run = tandem(['plan', '--project', 'nope']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--project nope: no such project in this organization/);
  }, 60_000);
});
