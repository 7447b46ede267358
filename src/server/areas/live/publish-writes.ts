/**
 * Publishes what each successful write changed, in one place for every route (the table is
 * write-events.ts): what the write may remove is looked up before it runs, its answer is kept as it
 * leaves the handler, and the changes are published once the answer has gone out — after the use case
 * returned, so after its transaction committed. A refused or failed write publishes nothing; a failing
 * lookup never fails the write.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps';
import { announcements, type Announcement, type Write } from './write-events';

declare module 'fastify' {
  interface FastifyRequest {
    /** A write that will announce its changes: what was found before it, and its answer. */
    liveWrite: { before: unknown; result: unknown } | null;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function announcementOf(request: FastifyRequest): Exclude<Announcement, { quiet: string }> | null {
  if (!WRITES.has(request.method) || !request.auth) return null;
  const entry = announcements[`${request.method} ${request.routeOptions.url}`];
  return entry && !('quiet' in entry) ? entry : null;
}

function writeOf(request: FastifyRequest): Omit<Write, 'result' | 'before'> {
  return {
    actor: request.auth!.actor,
    params: (request.params ?? {}) as Write['params'],
    body: request.body,
  };
}

export function publishWrites(app: FastifyInstance, deps: Pick<Deps, 'db' | 'events'>): void {
  app.decorateRequest('liveWrite', null);
  app.addHook('preHandler', async (request) => {
    const entry = announcementOf(request);
    if (!entry) return;
    let before: unknown;
    try {
      before = entry.before ? await entry.before(deps.db, writeOf(request)) : undefined;
    } catch (error) {
      request.log.warn({ err: error }, 'could not look up what a write changes');
    }
    request.liveWrite = { before, result: undefined };
  });
  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (request.liveWrite) request.liveWrite.result = payload;
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const write = request.liveWrite;
    const entry = write && reply.statusCode < 400 ? announcementOf(request) : null;
    if (!write || !entry) return;
    try {
      const changes = await entry.changes(deps.db, { ...writeOf(request), ...write });
      for (const change of changes) deps.events.publish(change);
    } catch (error) {
      request.log.warn({ err: error }, 'could not announce a write');
    }
  });
}
