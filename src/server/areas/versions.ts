/**
 * Record versions on the server (the rule is `recordVersion` in core/schemas/common.ts). Every write of
 * an editable row moves its `version` on by one, and an edit that names the version it was made from
 * is written only while the row is still at it: the check is a condition of the UPDATE itself
 * (`… AND version = ?`), so no other write can come between the check and the write, on SQLite or
 * PostgreSQL. Each area's repo.ts keeps its own SQL and uses `nextVersion` in it; the use cases turn
 * "nothing written" into the answer with `checkWritten`.
 */
import { sql, type RawBuilder } from 'kysely';
import { editConflict, notFound } from '../../core/errors';

/** The `version` of an UPDATE's SET: the written row's next version. */
export const nextVersion = (): RawBuilder<number> => sql<number>`version + 1`;

const capitalized = (what: string) => `${what.charAt(0).toUpperCase()}${what.slice(1)}`;

/**
 * After an UPDATE that named the version it expected: nothing written means the row has moved on
 * (409 edit_conflict with the version it has now) or is gone (404). `currentVersion` reads the row
 * again, in the same transaction when there is one.
 */
export async function checkWritten(
  isWritten: boolean,
  what: string,
  currentVersion: () => Promise<number | undefined>,
): Promise<void> {
  if (isWritten) return;
  const current = await currentVersion();
  if (current === undefined) throw notFound(capitalized(what));
  throw editConflict(what, Number(current));
}

/**
 * An edit that changes nothing writes nothing, but made from an older version it is still refused, so
 * a client learns the record moved on whatever it sent.
 */
export function checkVersion(what: string, stored: number, expected: number | undefined): void {
  if (expected !== undefined && Number(stored) !== expected) throw editConflict(what, Number(stored));
}
