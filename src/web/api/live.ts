/**
 * Live updates: one EventSource on GET /api/events per signed-in session (the signed-in shell mounts
 * it), so what someone else changes appears here within a second without reloading. Each event names a
 * record; the reads it makes stale (live-keys.ts) are invalidated, and only those on screen refetch.
 * Events arriving together are handled together. After the stream was down, everything on screen is
 * read again, since changes may have been missed; so is it when the server says `resync`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { parseLiveEvent, streamEvents, type LiveEvent } from '../../core/live';
import { keysOfEvents } from './live-keys';
import { setLiveStatus } from './live-status';

/** Events within this window are one refetch. */
const BATCH_MS = 100;
/** Waits before opening the stream again when the browser gave up on it (a refused or failed answer). */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: number | undefined;
    let flush: number | undefined;
    let failures = 0;
    let hasOpened = false;
    let pending: LiveEvent[] = [];

    const refetchStale = () => {
      flush = undefined;
      for (const queryKey of keysOfEvents(pending)) void client.invalidateQueries({ queryKey });
      pending = [];
    };
    const refetchAll = () => void client.invalidateQueries();

    const open = () => {
      setLiveStatus('connecting');
      const stream = new EventSource('/api/events');
      source = stream;
      stream.addEventListener(streamEvents.ready, () => {
        failures = 0;
        setLiveStatus('open');
        if (hasOpened) refetchAll();
        hasOpened = true;
      });
      stream.addEventListener(streamEvents.change, (message: MessageEvent<string>) => {
        const event = parseLiveEvent(message.data);
        if (!event) return;
        pending.push(event);
        flush ??= window.setTimeout(refetchStale, BATCH_MS);
      });
      stream.addEventListener(streamEvents.resync, refetchAll);
      stream.onerror = () => {
        setLiveStatus('down');
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
      window.clearTimeout(flush);
      setLiveStatus('down');
    };
  }, [client]);
}
