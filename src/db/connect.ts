/**
 * One connect() for both backends. SQLite (better-sqlite3, WAL) is the embedded default, in
 * TANDEM_DATA_DIR (default ./data); DATABASE_URL=postgres://… selects PostgreSQL for scale-out.
 * Migrations run here, so every process that connects sees the latest schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite data directory; null on PostgreSQL. */
  dataDir: string | null;
  /** The PostgreSQL connection string (services that keep their own connections use it); null on SQLite. */
  databaseUrl: string | null;
  /**
   * Runs `fn` while no other process connected to the same database runs its own: on PostgreSQL under
   * a session advisory lock (the first start of several processes on an empty database makes one
   * organization); on SQLite the data-directory lock already allows one process.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock key of Tandem's start-up work ("tandem" in ASCII). */
const START_LOCK_KEY = '127970318133613';

/** Holds a PostgreSQL session advisory lock on a connection of its own while `fn` runs. */
async function withAdvisoryLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [START_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [START_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

export interface ConnectOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** ':memory:' SQLite for tests (no data directory, no lock). */
  memory?: boolean;
  /** Postgres pool size. */
  poolSize?: number;
}

export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? process.env.TANDEM_DATA_DIR ?? './data');
}

export async function connect(options: ConnectOptions = {}): Promise<Db> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return connectPostgres(url, options.poolSize ?? 10);
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:…")`);
  if (options.memory) return connectSqlite(':memory:', null, null);

  const dataDir = resolveDataDir(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The database holds everyone's 1:1 notes: only the account that runs Tandem may read it, also in
  // directories made before this rule (mkdir's mode applies only to a new directory).
  fs.chmodSync(dataDir, 0o700);
  const lock = acquireDataDirLock(dataDir);
  try {
    return await connectSqlite(path.join(dataDir, 'tandem.sqlite'), dataDir, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function connectSqlite(file: string, dataDir: string | null, lock: DataDirLock | null): Promise<Db> {
  if (dataDir !== null) restrictToOwner(file);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  // Migrations run with foreign keys off (a table rebuild must not cascade into its children; it
  // cannot be switched inside the migration's transaction), and must leave no broken reference.
  database.pragma('foreign_keys = OFF');
  await migrateToLatest(db as Kysely<unknown>);
  const broken = database.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`Database migration left ${broken.length} broken references`);
  database.pragma('foreign_keys = ON');
  // SQLite gives its -wal and -shm files the database file's mode; older installs may have others
  if (dataDir !== null)
    for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  return {
    db,
    dialect: 'sqlite',
    dataDir,
    databaseUrl: null,
    exclusive: (fn) => fn(),
    async close() {
      await db.destroy();
      lock?.release();
    },
  };
}

/** Creates the file readable and writable by its owner only, or narrows an existing one to that. */
function restrictToOwner(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}

async function connectPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // processes starting together on a new database would race to create the same tables
  await withAdvisoryLock(url, () => migrateToLatest(db as Kysely<unknown>));
  return {
    db,
    dialect: 'postgres',
    dataDir: null,
    databaseUrl: url,
    exclusive: (fn) => withAdvisoryLock(url, fn),
    async close() {
      await db.destroy();
    },
  };
}
