/**
 * What a live event makes stale: the cached reads to refetch when a record changed, as query-key
 * prefixes (TanStack Query matches a key by its first elements). The sets are the ones the mutations
 * use (`affected` in queries.ts, `sideAffected` in people-side-queries.ts), so a change made elsewhere
 * refreshes exactly what the same change made here would. Pure: `live-keys.test.ts` holds it.
 */
import type { LiveEvent } from '../../core/live';
import { sideAffected } from './people-side-queries';
import { planningKeys } from './planning-queries';
import { affected } from './queries';

export type KeyPrefix = readonly unknown[];

const roots = (...sets: (readonly string[])[]): KeyPrefix[] =>
  [...new Set(sets.flat())].map((root) => [root]);

export function keysOfEvent(event: LiveEvent): KeyPrefix[] {
  switch (event.kind) {
    // a goal's change moves the roll-up; breaking one down adds projects and tasks
    case 'task':
    case 'time-entry':
    case 'project':
    case 'goal':
      return roots(affected.work);
    case 'pillar':
      return roots(affected.strategy);
    // the vision, the holiday region (the schedule), or a plan applied to the whole organization
    case 'organization':
      return roots(affected.strategy, affected.work);
    // names, capacity and time off: the schedule reads them
    case 'person':
      return roots(affected.people, affected.work);
    case 'team':
    case 'client':
    case 'skill':
      return roots(affected.catalog);
    case 'value':
      return roots(sideAffected.values);
    case 'kudos':
      return roots(sideAffected.kudos);
    case 'one-on-one':
      return [['one-on-ones'], ['one-on-one', event.id], ['one-on-one-meeting', event.id]];
    case 'plan-run':
      return [
        planningKeys.run(event.id),
        planningKeys.runs,
        ['plan-proposals', event.id],
        ['plan-groups', event.id],
      ];
  }
}

/** The prefixes of several events, each once. */
export function keysOfEvents(events: readonly LiveEvent[]): KeyPrefix[] {
  const unique = new Map<string, KeyPrefix>();
  for (const event of events) for (const key of keysOfEvent(event)) unique.set(JSON.stringify(key), key);
  return [...unique.values()];
}
