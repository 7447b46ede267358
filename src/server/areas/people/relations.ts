/**
 * Reporting-line relations that the leader's side authorizes by: a person's management chain (their
 * manager, the manager's manager, …) and direct reports. One query loads the organization's lines.
 */
import type { DB } from '../../deps';
import { listReportingLines } from './repo';

export interface ReportingLines {
  managerOf: ReadonlyMap<string, string | null>;
}

export async function loadReportingLines(db: DB, orgId: string): Promise<ReportingLines> {
  const lines = await listReportingLines(db, orgId);
  return { managerOf: new Map(lines.map((l) => [l.id, l.manager_id])) };
}

/** The people above `personId`, nearest first (stops at an old loop rather than spinning). */
export function chainOf(lines: ReportingLines, personId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([personId]);
  for (
    let m = lines.managerOf.get(personId) ?? null;
    m !== null && !seen.has(m);
    m = lines.managerOf.get(m) ?? null
  ) {
    chain.push(m);
    seen.add(m);
  }
  return chain;
}

/** Whether `managerId` is somewhere above `personId` in the reporting lines. */
export function isAbove(lines: ReportingLines, managerId: string | null, personId: string): boolean {
  if (managerId === null || managerId === personId) return false;
  return chainOf(lines, personId).includes(managerId);
}

/** Everyone below `managerId` (direct and indirect reports). */
export function everyoneBelow(lines: ReportingLines, managerId: string): Set<string> {
  const below = new Set<string>();
  for (const personId of lines.managerOf.keys()) if (isAbove(lines, managerId, personId)) below.add(personId);
  return below;
}
