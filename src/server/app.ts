/**
 * buildApp: the whole HTTP server (API + web app) over the given dependencies. No global state:
 * tests build as many apps as they like, on SQLite or PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { limits } from '../core/limits';
import { authRoutes } from './areas/auth/routes';
import { workerRunner } from './areas/planning/runner';
import { registerAreaRoutes } from './areas/routes';
import type { Deps } from './deps';
import { registerAuth } from './http/auth';
import { registerErrorHandler } from './http/errors';
import { registerOpenApi } from './http/openapi';
import { systemClock } from './providers/clock';
import { argon2Hasher } from './providers/passwords';
import { memoryRateLimiter } from './providers/rate-limiter';
import type { Db } from '../db/connect';

export interface BuildAppOptions {
  db: Db;
  clock?: Deps['clock'];
  passwords?: Deps['passwords'];
  loginLimiter?: Deps['loginLimiter'];
  /** Where plan runs compute (default: a worker thread). */
  planRunner?: Deps['planRunner'];
  /** Folder of the built web app (vite build output); omitted in API-only tests. */
  webDir?: string | null;
  logger?: boolean;
  secureCookies?: boolean;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const deps: Deps = {
    db: options.db.db,
    dialect: options.db.dialect,
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? argon2Hasher,
    loginLimiter:
      options.loginLimiter ?? memoryRateLimiter(limits.loginAttemptsPerWindow, limits.loginWindowSeconds),
    planRunner: options.planRunner ?? workerRunner,
  };
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 1_048_576,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuth(app, deps);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await deps.db.selectFrom('meta').select('key').limit(1).execute();
      return { status: 'ok' as const, database: deps.dialect };
    },
  );
  authRoutes(app, deps, { secureCookies: options.secureCookies ?? false });
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
