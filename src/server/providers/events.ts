/**
 * The event bus: "this record changed", from the write that changed it to every open event stream
 * (GET /api/events). In-process on SQLite (one process serves a data directory); on PostgreSQL,
 * several processes may serve one database, so a change is also sent to the others with NOTIFY and
 * received from them with LISTEN on a connection of its own, which is opened again when it drops.
 *
 * A change reaches this process's subscribers at once, whatever the database; what comes back over
 * LISTEN from this process is recognised by its origin and not delivered twice. Delivery is best
 * effort: a change published while the connection is down is sent when it is back (up to a limit),
 * and subscribers are told to refetch everything (`resync`) after a drop, since other processes'
 * changes may have been missed.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Db } from '../../db/connect';
import { recordChange, type RecordChange } from '../../core/schemas/live';

export type { RecordChange };

export interface BusListener {
  change(change: RecordChange): void;
  /** Changes may have been missed: whatever the subscriber shows should be read again. */
  resync(): void;
}

export interface EventBus {
  /** Announces a change (after its write committed). Never throws; never waits. */
  publish(change: RecordChange): void;
  /** Calls `listener` for every change from now on; the returned function stops it. */
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

/** What the bus reports instead of throwing (a dropped connection, a refused NOTIFY). */
export type BusLog = (message: string, error?: unknown) => void;

const quiet: BusLog = () => undefined;

/** The process's own bus: an EventEmitter. Listener errors are reported, never passed to the publisher. */
export function memoryEventBus(log: BusLog = quiet): EventBus & { resync(): void } {
  const emitter = new EventEmitter();
  // one listener per open stream: as many as there are clients
  emitter.setMaxListeners(0);
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (error) {
        log('an event listener failed', error);
      }
    };
  return {
    publish: (change) => emitter.emit('change', change),
    resync: () => emitter.emit('resync'),
    subscribe(listener) {
      const onChange = guard((change: RecordChange) => listener.change(change));
      const onResync = guard(() => listener.resync());
      emitter.on('change', onChange);
      emitter.on('resync', onResync);
      return () => {
        emitter.off('change', onChange);
        emitter.off('resync', onResync);
      };
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** The channel every Tandem process of one database listens on. */
export const CHANNEL = 'tandem_changes';
/** How the listening connection shows in pg_stat_activity. */
export const APPLICATION_NAME = 'tandem-events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;
/** Changes kept to send while the connection is down; beyond this the oldest are dropped. */
const MAX_PENDING = 1000;

export interface PostgresBusOptions {
  url: string;
  log?: BusLog;
  /** First wait before connecting again after a drop; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface PostgresEventBus extends EventBus {
  /** Resolves once LISTEN is in place (at the first connection, or the next one after a drop). */
  listening(): Promise<void>;
}

/** The bus across processes: LISTEN/NOTIFY on one dedicated `pg` client (not one of the pool's). */
export function postgresEventBus(options: PostgresBusOptions): PostgresEventBus {
  const log = options.log ?? quiet;
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const origin = randomUUID();
  const local = memoryEventBus(log);
  let client: pg.Client | null = null;
  let isClosed = false;
  let hasListened = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let pending: string[] = [];
  let waiters: (() => void)[] = [];

  const receive = (payload: string | undefined) => {
    let message: unknown;
    try {
      message = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { o, c } = message as { o?: unknown; c?: unknown };
    if (o === origin) return; // already delivered here when it was published
    const parsed = recordChange.safeParse(c);
    if (parsed.success) local.publish(parsed.data);
    else log('ignored a malformed change from another process');
  };

  const sending = new Set<Promise<unknown>>();
  const send = (target: pg.Client, payload: string) => {
    const sent = target.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: unknown) => {
      // the connection is going: the payload goes out again on the next one
      keep(payload);
      log('a change could not be sent to the other processes', error);
    });
    sending.add(sent);
    void sent.finally(() => sending.delete(sent));
  };

  const keep = (payload: string) => {
    pending.push(payload);
    if (pending.length > MAX_PENDING) pending = pending.slice(-MAX_PENDING);
  };

  const scheduleConnect = () => {
    if (isClosed || retry) return;
    const delay = Math.min(maxRetryMs, retryMs * 2 ** Math.min(failures, 16));
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    retry.unref();
  };

  const drop = (dropped: pg.Client, error?: unknown) => {
    if (client !== dropped) return; // already dropped (an error is followed by an end)
    client = null;
    log('the event bus lost its PostgreSQL connection; connecting again', error);
    dropped.removeAllListeners('notification');
    void dropped.end().catch(() => undefined);
    scheduleConnect();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.url, application_name: APPLICATION_NAME });
    // an error event without a listener would end the process
    next.on('error', (error) => drop(next, error));
    next.on('end', () => drop(next));
    next.on('notification', (n) => {
      if (n.channel === CHANNEL) receive(n.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => undefined);
      void next.end().catch(() => undefined);
      log('the event bus could not listen on PostgreSQL; trying again', error);
      scheduleConnect();
      return;
    }
    if (isClosed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    const queued = pending;
    pending = [];
    for (const payload of queued) send(next, payload);
    // other processes' changes made while this one was not listening are lost: read everything again
    if (hasListened) local.resync();
    hasListened = true;
    for (const wake of waiters.splice(0)) wake();
  };

  void connect();

  return {
    publish(change) {
      local.publish(change);
      const payload = JSON.stringify({ o: origin, c: change });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        log(`a ${change.kind} change is too large to send to the other processes`);
        return;
      }
      if (client) send(client, payload);
      else keep(payload);
    },
    subscribe: (listener) => local.subscribe(listener),
    listening() {
      if (client) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      isClosed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      waiters = [];
      const current = client;
      client = null;
      // what was published before closing still reaches the other processes
      await Promise.all(sending);
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
      await local.close();
    },
  };
}

/** The bus a database needs: across processes on PostgreSQL, in-process on SQLite. */
export function eventBusFor(db: Pick<Db, 'databaseUrl'>, log?: BusLog): EventBus {
  return db.databaseUrl === null
    ? memoryEventBus(log)
    : postgresEventBus({ url: db.databaseUrl, ...(log ? { log } : {}) });
}
