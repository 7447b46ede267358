/**
 * buildApp: the whole HTTP server (API + web app) over the given dependencies. No global state:
 * tests build as many apps as they like, on SQLite or PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from './areas/auth/routes';
import { workerRunner } from './areas/planning/runner';
import { registerAreaRoutes } from './areas/routes';
import type { Deps } from './deps';
import { registerAuth } from './http/auth';
import { frameworkErrorOptions, registerErrorHandler } from './http/errors';
import { databaseReadiness, registerHealthRoutes, type ReadinessCheck } from './http/health';
import { registerOpenApi } from './http/openapi';
import { registerOverloadProtection, type OverloadOptions } from './http/overload';
import { registerSecurityHeaders } from './http/security-headers';
import { responseSerializerCompiler } from './http/serializer';
import { systemClock } from './providers/clock';
import { argon2Hasher } from './providers/passwords';
import { signInLimiter } from './providers/sign-in-limiter';
import type { Db } from '../db/connect';

export interface BuildAppOptions {
  db: Db;
  clock?: Deps['clock'];
  passwords?: Deps['passwords'];
  signInLimiter?: Deps['signInLimiter'];
  /** Where plan runs compute (default: a worker thread). */
  planRunner?: Deps['planRunner'];
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
  /** When to refuse requests with 503 under load (http/overload.ts); its defaults when omitted. */
  overload?: OverloadOptions;
  /** What GET /api/ready checks besides the database (http/health.ts). */
  readinessChecks?: readonly ReadinessCheck[];
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const deps: Deps = {
    db: options.db.db,
    dialect: options.db.dialect,
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? argon2Hasher,
    signInLimiter: options.signInLimiter ?? signInLimiter(),
    planRunner: options.planRunner ?? workerRunner,
  };
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
  await registerOverloadProtection(app, options.overload);
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuth(app, deps);

  registerHealthRoutes(app, {
    dialect: deps.dialect,
    // the plan queue's readiness joins the database's here once the queue has one
    checks: [databaseReadiness(deps.db), ...(options.readinessChecks ?? [])],
  });
  authRoutes(app, deps, { secureCookies: options.secureCookies ?? 'auto' });
  registerAreaRoutes(app, deps);

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
  return app;
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
