/**
 * `tandem plan`: plans projects (or a whole organization) from the command line through the same use
 * cases as the web app — a progress bar on stderr, then the summary on stdout; `--apply` applies every
 * change in one transaction. It acts with an owner's rights: whoever runs it has the database.
 */
import { connect } from '../db/connect';
import type { Actor } from '../core/actor';
import { AppError } from '../core/errors';
import type { PlanFiguresView, PlanProposal, PlanRun } from '../core/schemas/planning';
import { applyPlan } from '../server/areas/planning/apply-plan';
import { getPlanRun } from '../server/areas/planning/get-plan-run';
import { createPlanQueue } from '../server/areas/planning/compose';
import { announceRun, appliedWorkChanges } from '../server/areas/planning/run-change';
import { listProposals } from '../server/areas/planning/list-proposals';
import { listOrganizationRows } from '../server/areas/planning/repo';
import { workerRunner } from '../server/areas/planning/runner';
import { startPlanRun } from '../server/areas/planning/start-plan-run';
import { systemClock } from '../server/providers/clock';
import { eventBusFor } from '../server/providers/events';
import type { Output } from './output';
import { parseWholeNumber, UsageError } from './usage-error';

export interface PlanCommandOptions {
  projectIds: string[];
  orgId: string | undefined;
  apply: boolean;
  timeLimitMs: number | undefined;
  dataDir: string | undefined;
  databaseUrl: string | undefined;
}

export function planOptions(
  flags: { project?: string[]; org?: string; apply?: boolean; timeMs?: string },
  env: { dataDir: string | undefined; databaseUrl: string | undefined },
): PlanCommandOptions {
  return {
    projectIds: flags.project ?? [],
    orgId: flags.org,
    apply: flags.apply ?? false,
    timeLimitMs:
      flags.timeMs === undefined ? undefined : parseWholeNumber(flags.timeMs, '--time-ms', 500, 60_000),
    ...env,
  };
}

/** Writes a progress bar to stderr in place (a terminal), or nothing (a pipe). */
function progressBar(isTty: boolean) {
  let last = '';
  return {
    draw(run: PlanRun) {
      if (!isTty) return;
      const width = 28;
      const filled = Math.round(run.progress.fraction * width);
      const best =
        run.progress.bestLatenessHours === null
          ? ''
          : `  best lateness ${Math.round(run.progress.bestLatenessHours)} h`;
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(
        run.progress.fraction * 100,
      )
        .toString()
        .padStart(
          3,
        )}%  ${(run.progress.elapsedMs / 1000).toFixed(1)} s  ${run.progress.schedules} schedules${best}`;
      if (line !== last) process.stderr.write(`\r${line}`);
      last = line;
    },
    end() {
      if (isTty && last !== '') process.stderr.write('\n');
    },
  };
}

const searchWords: Record<string, string> = {
  optimal: 'the best plan there is',
  feasible: 'the search ran its course',
  timedout: 'the search used its time limit',
  cancelled: 'stopped early',
  empty: 'nothing to search',
};

const figureRows: [keyof PlanFiguresView, string][] = [
  ['lateTasks', 'late tasks'],
  ['latenessHours', 'lateness (h)'],
  ['overloadHours', 'overload (h)'],
  ['growthAssignments', 'growth assignments'],
  ['cost', 'cost'],
  ['unplannedTasks', 'unplanned tasks'],
];

export async function runPlan(
  options: PlanCommandOptions,
  out: Output,
  isTty = process.stderr.isTTY === true,
): Promise<number> {
  const db = await connect({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  // on PostgreSQL, servers of the same database show the run's progress and the applied plan live
  const events = eventBusFor(db);
  const announce = { db: db.db, events };
  // on PostgreSQL the run may be taken by a server process as well as by this one (whichever is free)
  const queue = await createPlanQueue({
    db,
    clock: systemClock,
    runner: workerRunner,
    log: { warn: (message) => out.error(message) },
    onRunChanged: (orgId, runId) => void announceRun(announce, orgId, runId),
  }).catch(async (error: unknown) => {
    await events.close();
    await db.close();
    throw error;
  });
  try {
    const organizations = await listOrganizationRows(db.db);
    let orgId = options.orgId;
    if (orgId === undefined) {
      if (organizations.length === 0)
        throw new UsageError('There is no organization yet: start `tandem serve` first');
      if (organizations.length > 1)
        throw new UsageError(
          `There are ${organizations.length} organizations; choose one with --org: ${organizations.map((o) => `${o.id} (${o.name})`).join(', ')}`,
        );
      orgId = organizations[0]!.id;
    } else if (!organizations.some((o) => o.id === orgId))
      throw new UsageError(`--org: no organization ${orgId}`);
    const actor: Actor = { userId: 'command-line', orgId, role: 'owner', personId: null };
    const deps = { db: db.db, clock: systemClock, dialect: db.dialect, queue };
    const started = await startPlanRun(deps, actor, {
      ...(options.projectIds.length > 0 ? { projectIds: options.projectIds } : {}),
      ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
      keepAssignees: false,
      seed: 1,
    }).catch((error: unknown) => {
      const field = error instanceof AppError ? error.details?.issues?.[0]?.field : undefined;
      const match = field ? /^body\.projectIds\.(\d+)$/.exec(field) : null;
      if (match)
        throw new UsageError(
          `--project ${options.projectIds[Number(match[1])]}: no such project in this organization`,
        );
      throw error;
    });
    const bar = progressBar(isTty);
    let finished = false;
    void queue.wait(orgId, started.id).then(() => (finished = true));
    while (!finished) {
      bar.draw(await getPlanRun(deps, actor, started.id));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    bar.end();
    const run = await getPlanRun(deps, actor, started.id);
    const scope =
      run.scope.projectIds === null ? 'the whole organization' : run.scope.projectNames.join(', ');
    out.line(
      `Planned ${scope}: ${run.taskCount} open tasks in ${(run.progress.elapsedMs / 1000).toFixed(1)} s (${searchWords[run.engineStatus ?? ''] ?? run.status}).`,
    );
    if (run.message) out.line(run.message);
    if (run.figures) {
      out.line('');
      out.line(`${''.padEnd(20)}${'current'.padStart(12)}${'proposed'.padStart(12)}`);
      for (const [key, label] of figureRows)
        out.line(
          `${label.padEnd(20)}${String(run.figures.current[key]).padStart(12)}${String(run.figures.proposed[key]).padStart(12)}`,
        );
      out.line('');
      out.line(`${run.changedCount} tasks change person or dates; ${run.unplaceableCount} cannot be placed.`);
    }
    for (const issue of run.issues) out.line(`! ${issue.message}`);
    if (run.changedCount > 0) {
      const page = await listProposals(deps, actor, run.id, { changedOnly: 'true', limit: 10, offset: 0 });
      for (const row of page.items.filter((r: PlanProposal) => r.isChanged))
        out.line(`- ${row.title}: ${row.headline}`);
      if (run.changedCount > 10)
        out.line(`  … and ${run.changedCount - 10} more (see the planner in the web app).`);
    }
    if (options.apply && run.figures) {
      const result = await applyPlan(deps, actor, run.id, {});
      await announceRun(announce, actor.orgId, run.id);
      for (const change of appliedWorkChanges(actor.orgId, run.scope.projectIds)) events.publish(change);
      out.line(`Applied ${result.applied} changes.`);
    } else if (run.changedCount > 0)
      out.line('Nothing was applied: run again with --apply to apply the whole plan.');
    return run.status === 'failed' ? 1 : 0;
  } finally {
    await queue.close();
    await events.close();
    await db.close();
  }
}
