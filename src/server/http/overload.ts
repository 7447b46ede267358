/**
 * Overload protection (@fastify/under-pressure). Under more load than it can serve, a server that takes
 * every request queues them until clients time out, and the answers it does give come too late to
 * matter. So the process is sampled every second, and while its event loop falls behind or its heap
 * nears V8's limit every request is answered at once with 503 `unavailable` in the API's one error
 * shape, with Retry-After: clients back off, a load balancer tries another process, and the requests
 * already taken finish in time.
 *
 * The thresholds: an event loop whose mean delay over the second is above 1,000 ms (at the load the API
 * is built for, 50 clients, it stays below 20 ms; 200 ms refused pages of the browser tests on a CI
 * machine whose browser took the cores, a lag users wait through rather than one to refuse); a heap above 90 % of
 * its limit (the garbage collector gets room before the process dies). Liveness (`GET /api/health`)
 * is never refused: an overloaded process is alive and must not be restarted for it.
 */
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A liveness probe: answered even when the process is overloaded. */
    isLiveness?: boolean;
  }
}

export interface OverloadOptions {
  /** Mean event-loop delay over one sample above which requests are refused, ms (default 1000). */
  maxEventLoopDelayMs?: number;
  /** Heap in use above which requests are refused, bytes (default 90 % of V8's heap limit). */
  maxHeapUsedBytes?: number;
  /** How often the process is sampled, ms (default 1000). */
  sampleIntervalMs?: number;
  /** What Retry-After says, seconds (default 5). */
  retryAfterSeconds?: number;
}

const describe = (type: string): string =>
  type === 'heapUsedBytes' ? 'is short of memory' : 'is busier than it can answer in time';

export async function registerOverloadProtection(
  app: FastifyInstance,
  options: OverloadOptions = {},
): Promise<void> {
  const retryAfterSeconds = options.retryAfterSeconds ?? 5;
  let lastWarning = 0;
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs ?? 1000,
    maxHeapUsedBytes: options.maxHeapUsedBytes ?? Math.round(getHeapStatistics().heap_size_limit * 0.9),
    sampleInterval: options.sampleIntervalMs ?? 1000,
    // a rejection goes to the error handler (the one error shape, Retry-After); undefined lets it through
    pressureHandler: async (request: FastifyRequest, _reply: unknown, type: string, value?: number) => {
      if (request.routeOptions.config.isLiveness) return;
      if (Date.now() - lastWarning > 10_000) {
        lastWarning = Date.now();
        request.log.warn({ pressure: type, value }, 'overloaded: refusing requests with 503');
      }
      throw new AppError('unavailable', `Tandem ${describe(type)}: try again in a few seconds`, {
        retryAfterSeconds,
      });
    },
  });
}
