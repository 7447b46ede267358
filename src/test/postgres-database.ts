/**
 * A fresh, empty database on the embedded PostgreSQL server the test run started (see
 * postgres-global-setup.ts), for tests that start real server processes on it, with a way to look
 * into it.
 */
import pg from 'pg';
import { createPostgresDatabase } from './backends';

export interface EmptyDatabase {
  url: string;
  query(sql: string): Promise<unknown[]>;
}

export async function emptyDatabase(baseUrl: string): Promise<EmptyDatabase> {
  const url = await createPostgresDatabase(baseUrl);
  return {
    url,
    async query(sql) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as unknown[];
      } finally {
        await client.end();
      }
    },
  };
}
