/**
 * Whether the live-update stream (live.ts) is open: reads that would otherwise have to poll (a plan
 * run's progress) poll only while it is not.
 */
import { useSyncExternalStore } from 'react';

export type LiveStatus = 'connecting' | 'open' | 'down';

let status: LiveStatus = 'down';
const listeners = new Set<() => void>();

export function setLiveStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    subscribe,
    () => status,
    () => 'down',
  );
}
