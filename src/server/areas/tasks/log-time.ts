import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import type { createTimeEntryBody, timeEntry } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkReferences } from '../references/check-references';
import { managerOfProject, mayLogOwnTime, mayLogTimeForOthers } from './access';
import { presentTimeEntry } from './present-tasks';
import { findTaskRow, insertTimeEntry, type TimeEntryRow } from './repo';

export type LogTimeInput = z.output<typeof createTimeEntryBody>;

/**
 * Logs time on a task. People log their own time on tasks assigned to them; the project's manager,
 * owners and leaders log anyone's. The person defaults to the signed-in person, the date to today.
 */
export async function logTime(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  taskId: string,
  input: LogTimeInput,
): Promise<z.infer<typeof timeEntry>> {
  const task = await findTaskRow(deps.db, actor.orgId, taskId);
  if (!task) throw notFound('Task');
  const personId = input.personId ?? actor.personId;
  if (personId === null) throw invalid('body.personId', 'your account has no person profile: give personId');
  await checkReferences(deps.db, actor.orgId, [{ field: 'personId', table: 'people', value: personId }]);
  const projectManagerId = await managerOfProject(deps.db, actor.orgId, task.project_id);
  const isAllowed =
    personId === actor.personId
      ? mayLogOwnTime(actor, task, projectManagerId)
      : mayLogTimeForOthers(actor, projectManagerId);
  if (!isAllowed) {
    throw forbidden(
      "You log your own time on tasks assigned to you; the project's manager, owners and leaders log anyone's",
    );
  }
  const row: TimeEntryRow = {
    id: newId(),
    org_id: actor.orgId,
    task_id: taskId,
    person_id: personId,
    date: input.date ?? today(deps.clock),
    hours: input.hours,
    note: input.note,
    created_at: isoNow(deps.clock),
  };
  await insertTimeEntry(deps.db, row);
  return presentTimeEntry(actor, row, projectManagerId);
}
