/**
 * A plan run changed (started, progressed, finished, cancelled, applied): the change the event bus
 * carries, naming the run's author, since a run is seen by its author and by plans.any only.
 */
import type { RecordChange } from '../../../core/schemas/live';
import type { Deps } from '../../deps';
import * as repo from './repo-runs';

/** The change for run `runId`, or null when there is no such run. */
export async function runChange(db: Deps['db'], orgId: string, runId: string): Promise<RecordChange | null> {
  const author = await repo.findRunAuthor(db, orgId, runId);
  if (author === undefined) return null;
  return { kind: 'plan-run', id: runId, orgId, ...(author === null ? {} : { authorId: author }) };
}

/** Applying a run's plan changes the work of its scope: its projects, or the whole organization. */
export function appliedWorkChanges(orgId: string, projectIds: readonly string[] | null): RecordChange[] {
  return projectIds === null
    ? [{ kind: 'organization', id: orgId, orgId }]
    : projectIds.map((id) => ({ kind: 'project', id, orgId }));
}

/** Publishes that a run changed; never throws (the run's own work must not fail for it). */
export async function announceRun(
  deps: Pick<Deps, 'db' | 'events'>,
  orgId: string,
  runId: string,
): Promise<void> {
  try {
    const change = await runChange(deps.db, orgId, runId);
    if (change) deps.events.publish(change);
  } catch {
    // the next progress write announces it again; a reader reloading sees it anyway
  }
}
