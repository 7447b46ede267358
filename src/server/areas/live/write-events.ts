/**
 * Which record each write changes: one line per write route of the API, read by the hooks in
 * publish-writes.ts after the write answered (so after it committed). Every write route is here —
 * `write-events.test.ts` compares this table with the OpenAPI document — either with the changes it
 * announces or with the reason it announces none.
 *
 * A change names the record and what decides who may hear of it (may-receive.ts), never its content.
 */
import type { Actor } from '../../../core/actor';
import type { RecordKind } from '../../../core/live';
import type { RecordChange } from '../../../core/schemas/live';
import type { DB } from '../../deps';
import { isSharedNote, participantsOf } from '../one-on-ones/audience';
import { appliedWorkChanges, runChange } from '../planning/run-change';

/** What the hooks know of a write. */
export interface Write {
  actor: Actor;
  params: Readonly<Record<string, string | undefined>>;
  body: unknown;
  /** The answer's payload as the handler returned it (before serialization). */
  result: unknown;
  /** What the entry's `before` found, before the write ran. */
  before: unknown;
}

export type Announcement =
  | { quiet: string }
  | {
      /** Looks something up before the write runs (what the write may remove). */
      before?: (db: DB, write: Omit<Write, 'result' | 'before'>) => Promise<unknown>;
      changes: (db: DB, write: Write) => Promise<RecordChange[]> | RecordChange[];
    };

/** The kinds everyone in the organization reads (may-receive.ts). */
type OpenKind = Exclude<RecordKind, 'one-on-one' | 'plan-run'>;
type IdOf = (write: Write) => string | undefined;

const stringAt = (value: unknown, key: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
};

const param =
  (name = 'id'): IdOf =>
  (write) =>
    write.params[name];
/** The id of the record the write created, from its answer. */
const created: IdOf = (write) => stringAt(write.result, 'id');

const quiet = (reason: string): Announcement => ({ quiet: reason });

/** A record everyone in the organization reads. */
function open(kind: OpenKind, idOf: IdOf = param()): Announcement {
  return {
    changes: (_db, write) => {
      const id = idOf(write);
      return id === undefined ? [] : [{ kind, id, orgId: write.actor.orgId }];
    },
  };
}

/** A task: with the project it is in (after the write; the body's when the answer has none). */
function task(idOf: IdOf = param()): Announcement {
  return {
    changes: (_db, write) => {
      const id = idOf(write);
      if (id === undefined) return [];
      const projectId = stringAt(write.result, 'projectId') ?? stringAt(write.body, 'projectId');
      return [{ kind: 'task', id, orgId: write.actor.orgId, ...(projectId ? { projectId } : {}) }];
    },
  };
}

async function oneOnOneChange(db: DB, write: Write, pairId: string): Promise<RecordChange[]> {
  const people = await participantsOf(db, write.actor, pairId);
  return people ? [{ kind: 'one-on-one', id: pairId, orgId: write.actor.orgId, personIds: people }] : [];
}

/** Anything inside a 1:1 (`isShared`: unless what changed is a personal note). */
function oneOnOne(idOf: IdOf = param(), isShared: (write: Write) => boolean = () => true): Announcement {
  return {
    changes: async (db, write) => {
      const id = idOf(write);
      return id === undefined || !isShared(write) ? [] : oneOnOneChange(db, write, id);
    },
  };
}

/** A note is removed: whether it was shared is known only before. */
const removedNote: Announcement = {
  before: (db, write) => isSharedNote(db, write.actor, write.params.id ?? '', write.params.noteId ?? ''),
  changes: async (db, write) => (write.before === true ? oneOnOneChange(db, write, write.params.id!) : []),
};

async function runChanges(db: DB, write: Write, runId: string | undefined): Promise<RecordChange[]> {
  if (runId === undefined) return [];
  const change = await runChange(db, write.actor.orgId, runId);
  return change ? [change] : [];
}

function planRun(idOf: IdOf = param()): Announcement {
  return { changes: (db, write) => runChanges(db, write, idOf(write)) };
}

/** Applying a plan changes the run and the work of its scope (the answer's run says which). */
const appliedPlan: Announcement = {
  changes: async (db, write) => {
    const run = (write.result as { run?: { scope?: { projectIds?: unknown } } } | undefined)?.run;
    const projectIds = run?.scope?.projectIds;
    const scope = Array.isArray(projectIds)
      ? projectIds.filter((id): id is string => typeof id === 'string')
      : null;
    return [
      ...(await runChanges(db, write, write.params.id)),
      ...appliedWorkChanges(write.actor.orgId, scope),
    ];
  },
};

const ACCOUNTS = 'sign-ins, sessions, tokens and accounts concern their own account (and the owner)';
const PRIVATE =
  'private to the people it is about (self-assessments, 360 answers, pulse answers, talent reviews, ' +
  'growth plans): not even the moment it changes is told to anyone else';

/** `METHOD /path/:param` as Fastify names the route → what the write announces. */
export const announcements: Readonly<Record<string, Announcement>> = {
  'POST /api/auth/login': quiet(ACCOUNTS),
  'POST /api/auth/logout': quiet(ACCOUNTS),
  'PUT /api/auth/password': quiet(ACCOUNTS),
  'POST /api/setup': quiet('makes the organization: nobody is signed in to it yet'),
  'POST /api/tokens': quiet(ACCOUNTS),
  'DELETE /api/tokens': quiet(ACCOUNTS),
  'DELETE /api/tokens/:id': quiet(ACCOUNTS),
  'POST /api/users': quiet(ACCOUNTS),
  'PATCH /api/users/:id': quiet(ACCOUNTS),

  'PATCH /api/organization': open('organization', (write) => write.actor.orgId),
  'POST /api/pillars': open('pillar', created),
  'PATCH /api/pillars/:id': open('pillar'),
  'DELETE /api/pillars/:id': open('pillar'),

  'POST /api/goals': open('goal', created),
  'PATCH /api/goals/:id': open('goal'),
  'DELETE /api/goals/:id': open('goal'),
  'POST /api/goals/:id/check-ins': open('goal'),
  'POST /api/goals/:id/decompose': open('goal'),

  'POST /api/projects': open('project', created),
  'PATCH /api/projects/:id': open('project'),
  'DELETE /api/projects/:id': open('project'),

  'POST /api/tasks': task(created),
  'PATCH /api/tasks/:id': task(),
  'DELETE /api/tasks/:id': task(),
  'POST /api/tasks/:id/time-entries': task(),
  'DELETE /api/time-entries/:id': open('time-entry'),

  'POST /api/people': open('person', created),
  'PATCH /api/people/:id': open('person'),
  'DELETE /api/people/:id': open('person'),
  'POST /api/people/:id/time-off': open('person'),
  'DELETE /api/people/:id/time-off/:timeOffId': open('person'),
  'POST /api/teams': open('team', created),
  'PATCH /api/teams/:id': open('team'),
  'DELETE /api/teams/:id': open('team'),
  'POST /api/clients': open('client', created),
  'PATCH /api/clients/:id': open('client'),
  'DELETE /api/clients/:id': open('client'),
  'POST /api/skills': open('skill', created),

  'POST /api/values': open('value', created),
  'PATCH /api/values/:id': open('value'),
  'DELETE /api/values/:id': open('value'),
  'POST /api/kudos': open('kudos', created),
  'DELETE /api/kudos/:id': open('kudos'),

  'POST /api/one-on-ones': oneOnOne(created),
  'PATCH /api/one-on-ones/:id': oneOnOne(),
  'POST /api/one-on-ones/:id/meetings': oneOnOne(),
  'PATCH /api/one-on-ones/:id/meetings/:meetingId': oneOnOne(),
  'POST /api/one-on-ones/:id/meetings/:meetingId/agenda-items': oneOnOne(),
  'PATCH /api/one-on-ones/:id/agenda-items/:itemId': oneOnOne(),
  'DELETE /api/one-on-ones/:id/agenda-items/:itemId': oneOnOne(),
  'POST /api/one-on-ones/:id/meetings/:meetingId/notes': oneOnOne(
    param(),
    (write) => stringAt(write.body, 'visibility') === 'shared',
  ),
  'PATCH /api/one-on-ones/:id/notes/:noteId': oneOnOne(
    param(),
    (write) => stringAt(write.result, 'visibility') === 'shared',
  ),
  'DELETE /api/one-on-ones/:id/notes/:noteId': removedNote,
  'POST /api/one-on-ones/:id/action-items': oneOnOne(),
  'PATCH /api/one-on-ones/:id/action-items/:itemId': oneOnOne(),
  'DELETE /api/one-on-ones/:id/action-items/:itemId': oneOnOne(),

  'PUT /api/people/:id/growth-plan': quiet(PRIVATE),
  'POST /api/people/:id/growth-plan/milestones': quiet(PRIVATE),
  'PATCH /api/people/:id/growth-plan/milestones/:milestoneId': quiet(PRIVATE),
  'DELETE /api/people/:id/growth-plan/milestones/:milestoneId': quiet(PRIVATE),
  'POST /api/people/:id/talent': quiet(PRIVATE),
  'PUT /api/pulse/me': quiet(PRIVATE),
  'POST /api/assessments/me': quiet(PRIVATE),
  'PUT /api/assessments/me/self': quiet(PRIVATE),
  'POST /api/assessments/me/requests': quiet(PRIVATE),
  'DELETE /api/assessments/me/requests/:id': quiet(PRIVATE),
  'POST /api/assessments/me/close': quiet(PRIVATE),
  'POST /api/assessment-requests/:id/answer': quiet(PRIVATE),
  'POST /api/assessment-requests/:id/decline': quiet(PRIVATE),

  // progress and the outcome of a run are announced by the plan queue (planning/run-change.ts)
  'POST /api/plan-runs': planRun(created),
  'POST /api/plan-runs/:id/cancel': planRun(),
  'POST /api/plan-runs/:id/apply': appliedPlan,
};
