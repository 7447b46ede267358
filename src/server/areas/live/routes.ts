/**
 * GET /api/events: the signed-in account's live updates as Server-Sent Events (@fastify/sse). One
 * stream per open app; it says `ready` once it is listening, then `change` with `{ kind, id,
 * projectId? }` for every change its account may read (the client refetches through the API), and
 * `resync` when changes may have been missed. Heartbeat comments keep proxies from closing it.
 *
 * Authenticated like every route (the auth hook runs first); the stream reads its account again every
 * `recheckMs` and ends when the session or token is gone, and follows a changed role. A client that
 * stops reading is cut off rather than buffered for; streams end when the server closes.
 */
import { AppError } from '../../../core/errors';
import { streamEvents } from '../../../core/live';
import { liveEvent } from '../../../core/schemas/live';
import type { Deps } from '../../deps';
import { actorOf, credentialOf } from '../../http/auth';
import type { App } from '../../http/types';
import { authenticate } from '../auth/authenticate';
import { watchChanges } from './watch-changes';

export interface LiveStreamOptions {
  /** How often an open stream checks that its session or token is still valid (ms). */
  recheckMs: number;
}

/** Unread bytes after which a stream is closed (the client reconnects and refetches). */
const MAX_UNREAD_BYTES = 256 * 1024;
/** How long a browser waits before reconnecting a dropped stream (ms). */
const RETRY_MS = 2000;

export function liveRoutes(
  app: App,
  deps: Pick<Deps, 'db' | 'clock' | 'events'>,
  options: LiveStreamOptions,
) {
  const open = new Set<() => void>();
  // open streams would keep the server from closing
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/api/events',
    {
      sse: true,
      schema: {
        tags: ['live'],
        summary: 'Live updates: a Server-Sent Events stream of the changes you may read',
        description:
          'Send `Accept: text/event-stream` (anything else answers 406). Events: `ready` (listening), ' +
          '`change` (data: `{ kind, id, projectId? }` — a record changed: refetch what shows it), `resync` ' +
          '(changes may have been missed: refetch everything). Comments (`: heartbeat`) keep it open. ' +
          'Only changes to records the account may read are sent, and never their content.',
        response: {
          200: {
            description: 'The event stream; each `change` carries one event as JSON',
            content: { 'text/event-stream': { schema: liveEvent } },
          },
        },
      },
    },
    async (request, reply) => {
      if (!request.headers.accept?.includes('text/event-stream'))
        throw new AppError('not_acceptable', 'This is an event stream: send Accept: text/event-stream');
      const credential = credentialOf(request)!;
      let actor = actorOf(request);
      const sse = reply.sse;
      sse.keepAlive();
      const send = (event: string, data: unknown) => {
        if (!sse.isConnected) return;
        if (reply.raw.writableLength > MAX_UNREAD_BYTES) return sse.close();
        sse.send({ event, data }).catch(() => undefined);
      };
      const stop = watchChanges(deps, () => actor, {
        change: (event) => send(streamEvents.change, event),
        resync: () => send(streamEvents.resync, {}),
      });
      const recheck = setInterval(() => {
        authenticate(deps, credential).then(
          (auth) => {
            if (!auth || auth.mustChangePassword || auth.actor.userId !== actor.userId) sse.close();
            else actor = auth.actor;
          },
          () => undefined, // the database is busy: the next check decides
        );
      }, options.recheckMs);
      recheck.unref();
      const close = () => sse.close();
      open.add(close);
      sse.onClose(() => {
        stop();
        clearInterval(recheck);
        open.delete(close);
      });
      await sse.send({ event: streamEvents.ready, data: {}, retry: RETRY_MS });
    },
  );
}
