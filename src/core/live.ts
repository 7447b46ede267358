/**
 * Live updates: what the server says when a record changes, so every open screen can refetch it. An
 * event names a record (its kind and id, and for work the project it sits in), never its content: a
 * client that receives one asks the API again, through the same permission checks as any read.
 * No zod here: the web app imports this module at run time.
 */

/** The kinds of record whose changes are announced (src/server/areas/live/write-events.ts says when). */
export const recordKinds = [
  'organization',
  'pillar',
  'goal',
  'project',
  'task',
  'time-entry',
  'person',
  'team',
  'client',
  'skill',
  'value',
  'kudos',
  'one-on-one',
  'plan-run',
] as const;
export type RecordKind = (typeof recordKinds)[number];

/** One change as a client receives it (`event: change` on GET /api/events). */
export interface LiveEvent {
  kind: RecordKind;
  id: string;
  /** The project of a task or time entry, when it has one. */
  projectId?: string;
}

/** The names of the stream's events. */
export const streamEvents = {
  /** The stream is open: changes from now on will arrive. */
  ready: 'ready',
  change: 'change',
  /** Changes may have been missed (the server lost its feed for a while): refetch everything. */
  resync: 'resync',
} as const;

const kindSet: ReadonlySet<string> = new Set(recordKinds);

/** The event in a stream message's data, or null when it is not one (a newer server, a proxy's page). */
export function parseLiveEvent(data: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id, projectId } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !kindSet.has(kind) || typeof id !== 'string') return null;
  return {
    kind: kind as RecordKind,
    id,
    ...(typeof projectId === 'string' ? { projectId } : {}),
  };
}
