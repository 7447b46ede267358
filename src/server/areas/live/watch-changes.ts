/**
 * One viewer's share of the changes: every change the bus carries from now on that the viewer may
 * read (may-receive.ts), as the event a client receives. The viewer is asked for at each change, so a
 * stream that re-reads its account (a changed role) filters by what it may read now.
 */
import type { Actor } from '../../../core/actor';
import type { LiveEvent } from '../../../core/live';
import type { Deps } from '../../deps';
import { eventOf, mayReceive } from './may-receive';

export interface ChangeSink {
  change(event: LiveEvent): void;
  /** Changes may have been missed: read everything again. */
  resync(): void;
}

/** Starts watching; the returned function stops. */
export function watchChanges(deps: Pick<Deps, 'events'>, viewer: () => Actor, sink: ChangeSink): () => void {
  return deps.events.subscribe({
    change(change) {
      if (mayReceive(viewer(), change)) sink.change(eventOf(change));
    },
    resync: () => sink.resync(),
  });
}
