/**
 * GET /api/events as a browser opens it: over a real socket (the app listens on a free port the first
 * time a stream is opened), read as Server-Sent Events. Tests wait for the events they expect, or
 * prove one never comes: events arrive in the order they were published, so once a later "sentinel"
 * change has arrived, an earlier one that did not arrive never will.
 */
import type { FastifyInstance } from 'fastify';
import { parseLiveEvent, type LiveEvent } from '../core/live';

export interface StreamMessage {
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  contentType: string;
  /** The whole answer when it is not a stream (an error). */
  body: string;
  /** Every message so far, in order (comments excluded). */
  messages: StreamMessage[];
  /** The `change` events so far. */
  changes(): LiveEvent[];
  /** How many comment lines (heartbeats) arrived. */
  comments(): number;
  /** How many changes have arrived: pass it to `waitFor` to wait for a later one. */
  mark(): number;
  /** The first change from the `from`-th on that matches, waiting up to `timeoutMs` for it. */
  waitFor(match: (event: LiveEvent) => boolean, timeoutMs?: number, from?: number): Promise<LiveEvent>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

const listening = new WeakMap<FastifyInstance, Promise<string>>();

/** The app's address, listening on a free port from the first call on. */
export function baseUrl(app: FastifyInstance): Promise<string> {
  let url = listening.get(app);
  if (!url) {
    url = app.listen({ port: 0, host: '127.0.0.1' });
    listening.set(app, url);
  }
  return url;
}

/**
 * Opens the stream with `headers` (an Authorization header, or a session cookie), on an app of this
 * process or on a server's address (`http://127.0.0.1:port`).
 */
export async function openEventStream(
  app: FastifyInstance | string,
  headers: Record<string, string>,
  accept = 'text/event-stream',
): Promise<EventStream> {
  const controller = new AbortController();
  const base = typeof app === 'string' ? app : await baseUrl(app);
  const res = await fetch(`${base}/api/events`, {
    headers: { accept, ...headers },
    signal: controller.signal,
  });
  const body = res.status === 200 ? '' : await res.text();
  const messages: StreamMessage[] = [];
  let comments = 0;
  const waiter: { wake: (() => void) | null } = { wake: null };
  const ended = (async () => {
    if (!res.body || res.bodyUsed) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments += 1;
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) messages.push({ event, data: data.join('\n') });
          waiter.wake?.();
        }
      }
    } catch {
      // aborted by close()
    }
    waiter.wake?.();
  })();
  const changes = () =>
    messages
      .filter((m) => m.event === 'change')
      .map((m) => parseLiveEvent(m.data))
      .filter((e): e is LiveEvent => e !== null);
  let isEnded = false;
  void ended.then(() => (isEnded = true));
  const stream: EventStream = {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body,
    messages,
    changes,
    comments: () => comments,
    mark: () => changes().length,
    async waitFor(match, timeoutMs = 1000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = changes().slice(from).find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0 || isEnded)
          throw new Error(`no matching change within ${timeoutMs} ms; got ${JSON.stringify(changes())}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiter.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    ended,
    close: () => controller.abort(),
  };
  if (res.status === 200) {
    // changes are sent from the moment the stream says it is ready
    const deadline = Date.now() + 5000;
    while (!messages.some((m) => m.event === 'ready') && !isEnded && Date.now() < deadline)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        waiter.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
  }
  return stream;
}
