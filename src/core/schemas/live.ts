/**
 * Live updates on the wire: the event a client receives (documented in OpenAPI) and the change the
 * server's event bus carries between processes (validated when it arrives over PostgreSQL NOTIFY).
 */
import { z } from 'zod';
import { recordKinds } from '../live';
import { id } from './common';

export const liveEvent = z
  .object({
    kind: z.enum(recordKinds),
    id,
    projectId: id.optional().describe('The project of a task or time entry, when it has one'),
  })
  .describe('A record changed: refetch what shows it. Carries ids only, never content.');

/**
 * A change as the server publishes it: the client's event plus what decides who may receive it — the
 * organization always; a 1:1's two participants (or, for what only one of them reads, that one); a
 * plan run's author. Small on purpose (a NOTIFY payload holds at most 8000 bytes).
 */
export const recordChange = liveEvent.extend({
  orgId: id,
  /** Only these people may receive it (1:1s). */
  personIds: z.array(id).max(2).optional(),
  /** The account that started it (plan runs: seen by their author and by plans.any). */
  authorId: id.optional(),
});
export type RecordChange = z.infer<typeof recordChange>;
