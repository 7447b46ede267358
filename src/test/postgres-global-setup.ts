/**
 * Vitest global setup: starts one real PostgreSQL server (embedded-postgres.ts) for the repository and
 * API suites that run against both backends. Each test file then creates its own database (see
 * backends.ts).
 *
 * Set TANDEM_TEST_PG=off to run the SQLite half only (the PostgreSQL half is then reported as skipped
 * with that reason); CI never sets it.
 */
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres';

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
  const server = await startEmbeddedPostgres({ verbose: Boolean(process.env.TANDEM_TEST_PG_VERBOSE) });
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
