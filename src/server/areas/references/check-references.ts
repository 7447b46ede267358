/**
 * Ids in a request body must name rows of the caller's organization; anything else is a 400 with
 * the field, never a 404 (the path decides 404s) and never a foreign-key error from the database.
 */
import { AppError, invalid, type ErrorIssue } from '../../../core/errors';
import type { DB } from '../../deps';
import { findExistingIds, type ReferencedTable } from './repo';

const nouns: Record<ReferencedTable, string> = {
  people: 'person',
  clients: 'client',
  goals: 'goal',
  skills: 'skill',
  projects: 'project',
  tasks: 'task',
  pillars: 'pillar',
  teams: 'team',
};

export interface Reference {
  /** The body field, e.g. `managerId` or `goalIds`. */
  field: string;
  table: ReferencedTable;
  /** One id, a list of ids, or nothing to check (undefined / null). */
  value: string | readonly string[] | null | undefined;
}

/** Throws validation_failed listing every reference that is not in the organization. */
export async function checkReferences(
  db: DB,
  orgId: string,
  references: readonly Reference[],
): Promise<void> {
  const found = await Promise.all(
    references.map((ref) => {
      const ids =
        ref.value === null || ref.value === undefined
          ? []
          : typeof ref.value === 'string'
            ? [ref.value]
            : ref.value;
      return findExistingIds(db, orgId, ref.table, ids);
    }),
  );
  const issues: ErrorIssue[] = [];
  references.forEach((ref, i) => {
    const existing = found[i]!;
    const reason = `no such ${nouns[ref.table]} in this organization`;
    if (typeof ref.value === 'string') {
      if (!existing.has(ref.value)) issues.push({ field: `body.${ref.field}`, reason });
    } else if (ref.value) {
      ref.value.forEach((id, index) => {
        if (!existing.has(id)) issues.push({ field: `body.${ref.field}.${index}`, reason });
      });
    }
  });
  const [first] = issues;
  if (!first) return;
  if (issues.length === 1) throw invalid(first.field, first.reason);
  throw new AppError('validation_failed', `${first.field}: ${first.reason}`, { issues });
}
