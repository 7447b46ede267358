/**
 * Fixed-window attempt counter for sign-in. In-memory per process (good for the embedded default);
 * behind this interface a shared store can replace it when several processes serve one database.
 */
export interface RateLimiter {
  /** Records an attempt for each key; returns seconds to wait if any key is over the limit, else 0. */
  hit(keys: readonly string[], nowMs: number): number;
  reset(key: string): void;
}

export function memoryRateLimiter(maxAttempts: number, windowSeconds: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(keys, nowMs) {
      let wait = 0;
      for (const key of keys) {
        let entry = windows.get(key);
        if (!entry || nowMs - entry.start >= windowSeconds * 1000) {
          entry = { start: nowMs, count: 0 };
          windows.set(key, entry);
        }
        entry.count += 1;
        if (entry.count > maxAttempts) {
          wait = Math.max(wait, Math.ceil((entry.start + windowSeconds * 1000 - nowMs) / 1000));
        }
      }
      if (windows.size > 10_000) {
        for (const [key, entry] of windows)
          if (nowMs - entry.start >= windowSeconds * 1000) windows.delete(key);
      }
      return wait;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
