/**
 * Live updates: one EventSource on GET /api/events per signed-in browser session (the signed-in shell
 * mounts this), so what someone else changes appears here within a second without reloading. Each
 * event names a record; the reads it makes stale (live-keys.ts) are invalidated, and only those on
 * screen refetch. Events arriving together are handled together. After the feed was down, everything
 * on screen is read again, since changes may have been missed; so is it when the server says `resync`.
 *
 * Tabs share the stream: a browser keeps only six connections to a server open, and a stream per tab
 * would use them up. One tab of the account holds it (a Web Lock) and passes every event to the
 * others (a BroadcastChannel); when that tab closes, another takes over. Without those APIs each tab
 * opens its own.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { parseLiveEvent, streamEvents, type LiveEvent } from '../../core/live';
import { keysOfEvents } from './live-keys';
import { setLiveStatus, type LiveStatus } from './live-status';

/** Events within this window are one refetch. */
const BATCH_MS = 100;
/** Waits before opening the stream again when the browser gave up on it (a refused or failed answer). */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

/** What the tab holding the stream tells the others (and what a new tab asks). */
type Relay =
  | { type: 'change'; event: LiveEvent }
  | { type: 'resync' }
  | { type: 'status'; status: LiveStatus }
  | { type: 'hello' };

interface Feed {
  change(event: LiveEvent): void;
  resync(): void;
  status(status: LiveStatus): void;
}

/** Applies a feed to this tab's cache: stale reads refetch in batches; a gap refetches everything. */
function cacheFeed(client: QueryClient): Feed & { dispose(): void } {
  let pending: LiveEvent[] = [];
  let flush: number | undefined;
  let current: LiveStatus = 'down';
  let wasOpen = false;
  const refetchAll = () => void client.invalidateQueries();
  return {
    change(event) {
      pending.push(event);
      flush ??= window.setTimeout(() => {
        flush = undefined;
        for (const queryKey of keysOfEvents(pending)) void client.invalidateQueries({ queryKey });
        pending = [];
      }, BATCH_MS);
    },
    resync: refetchAll,
    status(next) {
      if (next === current) return;
      // open again after a gap (a dropped stream, another tab taking over): changes may be missing
      if (next === 'open' && wasOpen) refetchAll();
      if (next === 'open') wasOpen = true;
      current = next;
      setLiveStatus(next);
    },
    dispose() {
      window.clearTimeout(flush);
      setLiveStatus('down');
    },
  };
}

/** Opens the stream (and again when the browser gives up on it); the returned function closes it. */
function openStream(feed: Feed): () => void {
  let source: EventSource | null = null;
  let retry: number | undefined;
  let failures = 0;
  const open = () => {
    feed.status('connecting');
    const stream = new EventSource('/api/events');
    source = stream;
    stream.addEventListener(streamEvents.ready, () => {
      failures = 0;
      feed.status('open');
    });
    stream.addEventListener(streamEvents.change, (message: MessageEvent<string>) => {
      const event = parseLiveEvent(message.data);
      if (event) feed.change(event);
    });
    stream.addEventListener(streamEvents.resync, () => feed.resync());
    stream.onerror = () => {
      feed.status('down');
      // a dropped connection is reopened by the browser itself; a refused one is not
      if (stream.readyState !== EventSource.CLOSED) return;
      stream.close();
      retry = window.setTimeout(open, RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
      failures += 1;
    };
  };
  open();
  return () => {
    source?.close();
    window.clearTimeout(retry);
  };
}

/** Live updates for the signed-in account `userId`, for as long as the calling component is mounted. */
export function useLiveUpdates(userId: string): void {
  const client = useQueryClient();
  useEffect(() => {
    const cache = cacheFeed(client);
    if (typeof BroadcastChannel === 'undefined' || !('locks' in navigator)) {
      const close = openStream(cache);
      return () => {
        close();
        cache.dispose();
      };
    }
    const name = `tandem-live:${userId}`;
    const channel = new BroadcastChannel(name);
    let status: LiveStatus = 'down';
    let isHolder = false;
    channel.onmessage = ({ data }: MessageEvent<Relay>) => {
      if (data.type === 'change') cache.change(data.event);
      else if (data.type === 'resync') cache.resync();
      else if (data.type === 'status') cache.status(data.status);
      else if (isHolder) channel.postMessage({ type: 'status', status } satisfies Relay);
    };
    const relay = (message: Relay) => channel.postMessage(message);
    const stop = new AbortController();
    navigator.locks
      .request(name, { signal: stop.signal }, async () => {
        isHolder = true;
        const close = openStream({
          change(event) {
            cache.change(event);
            relay({ type: 'change', event });
          },
          resync() {
            cache.resync();
            relay({ type: 'resync' });
          },
          status(next) {
            status = next;
            cache.status(next);
            relay({ type: 'status', status: next });
          },
        });
        // held until this tab leaves: then the next tab waiting for it opens the stream
        await new Promise((release) => stop.signal.addEventListener('abort', release));
        close();
      })
      .catch(() => undefined); // aborted while waiting for the lock
    // a tab that opens while another holds the stream asks how it is
    relay({ type: 'hello' });
    return () => {
      stop.abort();
      channel.close();
      cache.dispose();
    };
  }, [client, userId]);
}
