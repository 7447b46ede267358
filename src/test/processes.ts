/**
 * Real Tandem processes for tests (`node --import tsx src/cli/main.ts …`) on temporary data
 * directories. Every wait is bounded; `killAll()` (call it in afterAll) kills every process started
 * and removes every directory made here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

export interface Run {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout matches; rejects after `ms` with what was printed so far. */
  waitFor(pattern: RegExp, ms: number): Promise<void>;
  /** Resolves with the exit code; rejects after `ms`. */
  exited(ms: number): Promise<number | null>;
}

export function tandem(args: string[], dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir };
  for (const key of ['PORT', 'HOST', 'DATABASE_URL']) delete env[key];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`${what} after ${ms} ms.\nstdout:\n${out}\nstderr:\n${err}`)),
          ms,
        ).unref(),
      ),
    ]);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern, ms) =>
      within(
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (pattern.test(out)) resolve();
            else if (child.exitCode !== null)
              reject(new Error(`exited ${child.exitCode} before ${pattern}:\n${out}\n${err}`));
            else setTimeout(check, 50);
          };
          check();
        }),
        ms,
        `no ${pattern}`,
      ),
    exited: (ms) => within(exit, ms, 'still running'),
  };
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cli-'));
  dirs.push(dir);
  return dir;
}

export function killAll(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
