/**
 * buildApp: the whole HTTP server (API + web app) over the given dependencies. No global state:
 * tests build as many apps as they like, on SQLite or PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifySse from '@fastify/sse';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from './areas/auth/routes';
import { createPlanQueue } from './areas/planning/compose';
import { workerRunner } from './areas/planning/runner';
import { liveRoutes } from './areas/live/routes';
import { publishWrites } from './areas/live/publish-writes';
import { registerAreaRoutes } from './areas/routes';
import type { PlanRunner } from './areas/planning/runner';
import type { PlanQueue } from './areas/planning/plan-queue';
import { announceRun } from './areas/planning/run-change';
import type { Deps } from './deps';
import { registerAuth } from './http/auth';
import { frameworkErrorOptions, registerErrorHandler } from './http/errors';
import { databaseReadiness, registerHealthRoutes, type ReadinessCheck } from './http/health';
import { registerOpenApi } from './http/openapi';
import { registerOverloadProtection, type OverloadOptions } from './http/overload';
import { registerSecurityHeaders } from './http/security-headers';
import { responseSerializerCompiler } from './http/serializer';
import type { App } from './http/types';
import { systemClock } from './providers/clock';
import { eventBusFor } from './providers/events';
import { argon2Hasher } from './providers/passwords';
import { signInLimiterFor } from './providers/sign-in-limiter';
import type { Db } from '../db/connect';

export interface BuildAppOptions {
  db: Db;
  clock?: Deps['clock'];
  passwords?: Deps['passwords'];
  signInLimiter?: Deps['signInLimiter'];
  /** Where plan runs compute (default: worker threads); the queue around it follows the database. */
  planRunner?: PlanRunner;
  /**
   * Where writes announce their changes to the open event streams (default: in-process on SQLite,
   * LISTEN/NOTIFY on PostgreSQL). One passed in is the caller's to close; the default closes with the app.
   */
  events?: Deps['events'];
  /** The event stream's heartbeat and how often it re-reads its account (ms); defaults 20 s and 30 s. */
  liveStream?: { heartbeatMs?: number; recheckMs?: number };
  /** Folder of the built web app (vite build output); omitted in API-only tests. */
  webDir?: string | null;
  /** Structured (pino) logs at this level, with request ids and credentials redacted; off when omitted. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | undefined;
  /**
   * Session cookies marked Secure: `'auto'` (default) when the request came over TLS — directly, or
   * as the trusted proxy's X-Forwarded-Proto says; `true` always (the server sits behind HTTPS).
   */
  secureCookies?: boolean | 'auto';
  /**
   * Which proxies to believe for the client address and protocol (Fastify's `trustProxy`): false
   * (default: the socket's address), true (any), or the proxies' addresses/CIDRs. The sign-in
   * limiter counts per client address, so behind a reverse proxy this must be set.
   */
  trustProxy?: boolean | string;
  /**
   * Check every answer against its zod schema as well, and the compiled serializer against zod's
   * answer (http/serializer.ts). Default: under vitest only; `tandem serve --dev` turns it on.
   */
  checkResponses?: boolean;
  /** Refuse requests with 503 under load (http/overload.ts; `{}`: its defaults); never when omitted. */
  overload?: OverloadOptions;
  /** What GET /api/ready checks besides the database (http/health.ts). */
  readinessChecks?: readonly ReadinessCheck[];
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel ? loggerOptions(options.logLevel) : false,
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    // while close() waits for the requests in flight, a request that still reaches the server (on a
    // connection already busy) is answered, with Connection: close, rather than Fastify's own 503
    return503OnClosing: false,
    // errors raised before any route (bad URL, long path value, oversized headers) in the one shape
    ...frameworkErrorOptions,
  }).withTypeProvider<ZodTypeProvider>();
  const clock = options.clock ?? systemClock;
  const events =
    options.events ??
    eventBusFor(options.db, (message, err) => app.log.warn({ err }, `event bus: ${message}`));
  // the app's own bus closes with it (the streams reading it have ended in preClose by then)
  if (!options.events) app.addHook('onClose', async () => events.close());
  let planQueue: PlanQueue;
  try {
    planQueue = await createPlanQueue({
      db: options.db,
      clock,
      runner: options.planRunner ?? workerRunner,
      log: { warn: (message) => app.log.warn(message) },
      onRunChanged: (orgId, runId) => void announceRun({ db: options.db.db, events }, orgId, runId),
    });
  } catch (error) {
    // a LISTEN connection left open would keep the process alive
    if (!options.events) await events.close();
    throw error;
  }
  // closing the app closes the queue (it stores or hands back its runs); the caller closes the database after
  app.addHook('onClose', async () => planQueue.close());
  try {
    await assemble(app, options, {
      db: options.db.db,
      dialect: options.db.dialect,
      clock,
      passwords: options.passwords ?? argon2Hasher,
      signInLimiter: options.signInLimiter ?? signInLimiterFor(options.db),
      planQueue,
      events,
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** The hooks, plugins and routes of the app over its dependencies. */
async function assemble(app: App, options: BuildAppOptions, deps: Deps): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    responseSerializerCompiler({ check: options.checkResponses ?? process.env.VITEST !== undefined }),
  );
  registerErrorHandler(app);
  await registerSecurityHeaders(app, { https: options.secureCookies ?? 'auto' });
  // the id a user can quote when reporting an error; the same id is on every log line of the request
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // a server process sheds load (tandem serve); an app inside a test process, whose event loop the
  // tests themselves keep busy, does only when a test asks
  if (options.overload) await registerOverloadProtection(app, options.overload);
  await app.register(cookie);
  await app.register(fastifySse, { heartbeatInterval: options.liveStream?.heartbeatMs ?? 20_000 });
  await registerOpenApi(app);
  registerAuth(app, deps);
  publishWrites(app, deps);

  registerHealthRoutes(app, {
    dialect: deps.dialect,
    checks: [
      databaseReadiness(deps.db),
      { name: 'planQueue', check: () => deps.planQueue.ready() },
      ...(options.readinessChecks ?? []),
    ],
  });
  authRoutes(app, deps, { secureCookies: options.secureCookies ?? 'auto' });
  registerAreaRoutes(app, deps);
  liveRoutes(app, deps, { recheckMs: options.liveStream?.recheckMs ?? 30_000 });

  if (options.webDir && fs.existsSync(path.join(options.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: false });
    // client-side routes: any GET outside /api that is not a file serves the app shell
    app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
      const pathname = request.url.split('?')[0]!;
      // API paths and missing files (anything with an extension) are real 404s, not the app shell
      if (pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(pathname)) {
        return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${pathname}` } });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }
  await app.ready();
}

/** pino options: request ids on every line, and no credential ever written to a log. */
function loggerOptions(level: NonNullable<BuildAppOptions['logLevel']>) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}
