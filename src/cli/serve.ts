/**
 * `tandem serve`: connect, make sure there is an organization (the demo on first start), then serve the
 * API and the built web app until SIGINT/SIGTERM, and then stop gracefully: take no new connections,
 * let the requests in flight finish (for at most TANDEM_SHUTDOWN_SECONDS, default 10), run the app's
 * close hooks (the planning queue stores or hands back its runs), close the database, exit 0.
 */
import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../db/connect';
import { needsSetup } from '../server/areas/auth/needs-setup';
import { buildApp } from '../server/app';
import { createDemoOrganization } from '../server/demo/create-demo';
import { firstStartDemo } from '../server/demo/generate';
import { systemClock } from '../server/providers/clock';
import { argon2Hasher } from '../server/providers/passwords';
import type { Output } from './output';
import { findWebDir } from './paths';
import { listDemoSignIns, saveDemoSignIns } from '../server/demo/repo';
import { formatSignIn, readSignIns, signInFile, writeSignIns } from './sign-ins';
import { parseWholeNumber, UsageError } from './usage-error';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  /** false: never create the demo; otherwise create it when the database has no organization. */
  demo: boolean | undefined;
  /** Request logs; the web app comes from `vite` (which forwards /api here), not from dist/web. */
  dev: boolean;
  /** TANDEM_LOG_LEVEL: structured logs on stdout (default warn: warnings and errors, with request ids). */
  logLevel: LogLevel;
  /** TANDEM_TRUST_PROXY: which reverse proxies to believe for the client address and protocol. */
  trustProxy: boolean | string;
  /** TANDEM_SECURE_COOKIES: `auto` (Secure when the request came over HTTPS) or `always`. */
  secureCookies: boolean | 'auto';
  /** TANDEM_SHUTDOWN_SECONDS: how long a stop waits for the requests in flight (default 10). */
  shutdownSeconds: number;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type LogLevel = (typeof logLevels)[number];

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Flags win over the environment (PORT, HOST, TANDEM_DATA_DIR, DATABASE_URL), then the defaults. */
export function serveOptions(
  flags: { port?: string; host?: string; dataDir?: string; demo?: boolean; dev?: boolean },
  env: NodeJS.ProcessEnv,
): ServeOptions {
  const rawPort = flags.port ?? env.PORT;
  return {
    port: rawPort === undefined || rawPort === '' ? 3000 : parseWholeNumber(rawPort, 'the port', 0, 65_535),
    host: flags.host ?? (env.HOST || '127.0.0.1'),
    dataDir: flags.dataDir ?? (env.TANDEM_DATA_DIR || undefined),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: flags.demo,
    dev: flags.dev ?? false,
    logLevel: parseLogLevel(env.TANDEM_LOG_LEVEL, flags.dev ? 'info' : 'warn'),
    trustProxy: parseTrustProxy(env.TANDEM_TRUST_PROXY),
    secureCookies: parseSecureCookies(env.TANDEM_SECURE_COOKIES),
    shutdownSeconds:
      env.TANDEM_SHUTDOWN_SECONDS === undefined || env.TANDEM_SHUTDOWN_SECONDS === ''
        ? 10
        : parseWholeNumber(env.TANDEM_SHUTDOWN_SECONDS, 'TANDEM_SHUTDOWN_SECONDS', 0, 600),
  };
}

function parseLogLevel(raw: string | undefined, fallback: LogLevel): LogLevel {
  if (raw === undefined || raw === '') return fallback;
  const level = logLevels.find((l) => l === raw.trim().toLowerCase());
  if (!level) throw new UsageError(`TANDEM_LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${raw}")`);
  return level;
}

/**
 * `false`/unset: the socket's address is the client; `true`: believe any X-Forwarded-For (only when
 * nothing but the proxy can reach the server); otherwise a comma-separated list of the proxies'
 * addresses or CIDRs, e.g. `127.0.0.1,10.0.0.0/8` (Fastify no longer trusts bare hop counts).
 */
export function parseTrustProxy(raw: string | undefined): boolean | string {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(p)))
    throw new UsageError(
      `TANDEM_TRUST_PROXY must be true, false or the proxies' addresses/CIDRs (got "${raw}")`,
    );
  return parts.join(',');
}

function parseSecureCookies(raw: string | undefined): boolean | 'auto' {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'always' || value === 'true') return true;
  throw new UsageError(`TANDEM_SECURE_COOKIES must be auto or always (got "${raw}")`);
}

export async function startServer(options: ServeOptions, out: Output): Promise<RunningServer> {
  const db = await connect({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  let app: FastifyInstance | null = null;
  try {
    const isEmpty = await ensureOrganization(db, options, out);
    const web = findWebDir();
    app = await buildApp({
      db,
      webDir: options.dev || !web.isBuilt ? null : web.dir,
      logLevel: options.logLevel,
      trustProxy: options.trustProxy,
      secureCookies: options.secureCookies,
      overload: {},
      // development checks every answer against its schema as the tests do (http/serializer.ts)
      ...(options.dev ? { checkResponses: true } : {}),
    });
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

    if (options.dev)
      out.line('Development: run `npx vite` for the web app; it forwards /api to this server.');
    else if (!web.isBuilt)
      out.line(
        `The web app is not built (no ${web.dir ?? 'dist/web'}/index.html): serving the API only. ` +
          'Build it with `npm run build`, or start with `npm start`.',
      );
    out.line(`Tandem is listening on ${url}`);
    if (isEmpty) out.line(`No organization yet: open ${url} and the first-run screen creates it.`);

    const running = app;
    return {
      url,
      async stop() {
        await closeApp(running, options.shutdownSeconds * 1000, out);
        await db.close();
      },
    };
  } catch (error) {
    await app?.close();
    await db.close(); // releases the data-directory lock
    throw error;
  }
}

/**
 * Creates the demo when the database has no organization and the demo is wanted (unless --no-demo,
 * on either database), and prints its sign-ins; on later starts prints the kept ones again (SQLite: a
 * file in the data directory; PostgreSQL: a table, so every process and every restart shows them).
 * Several processes starting together on one empty PostgreSQL database take turns here: one makes the
 * organization, the others find it. Returns whether the database is still empty.
 */
async function ensureOrganization(db: Db, options: ServeOptions, out: Output): Promise<boolean> {
  const file = db.dataDir === null ? null : signInFile(db.dataDir);
  const kept = async () =>
    file ? readSignIns(file) : (await listDemoSignIns(db.db)).map((s) => formatSignIn(s));
  return db.exclusive(async () => {
    if (!(await needsSetup({ db: db.db }))) {
      for (const line of (await kept()) ?? []) out.line(line);
      return false;
    }
    if (options.demo === false) return true;
    const created = await createDemoOrganization(
      { db: db.db, clock: systemClock, passwords: argon2Hasher },
      firstStartDemo,
    );
    const lines = created.signIns.map(formatSignIn);
    if (file) writeSignIns(file, lines);
    else await saveDemoSignIns(db.db, created.orgId, created.signIns);
    out.line(
      `Created the demo organization "${created.organizationName}" ` +
        `(${created.counts.people} people, ${created.counts.projects} projects, ${created.counts.tasks} tasks).`,
    );
    for (const line of lines) out.line(line);
    out.line(
      file
        ? `The demo sign-ins are kept in ${file} (readable only by you) and shown again at every start.`
        : 'The demo sign-ins are kept in the database (table demo_sign_ins) and shown again at every start.',
    );
    return false;
  });
}

/**
 * Closes the app: no new connections (idle keep-alive ones are closed), the requests in flight finish,
 * then the close hooks run. Requests still running after `waitMs` lose their connections, so a stop
 * never hangs on a client that does not finish.
 */
async function closeApp(app: FastifyInstance, waitMs: number, out: Output): Promise<void> {
  const timer = setTimeout(() => {
    out.error(`Requests still running after ${waitMs / 1000} s: closing their connections.`);
    app.server.closeAllConnections();
  }, waitMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

/** Stops cleanly on the first SIGINT/SIGTERM (closing the server and the database); a second one forces it. */
export function stopOnSignals(server: RunningServer, out: Output): void {
  let isStopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isStopping) process.exit(1);
    isStopping = true;
    out.line(`Stopping Tandem (${signal})…`);
    server.stop().then(
      () => {
        out.line('Tandem stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        out.error(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
