import { describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect';
import { createDemoOrganization } from '../src/server/demo/create-demo';
import { buildPlanInput } from '../src/server/areas/planning/build-input';
import { loadSnapshot } from '../src/server/areas/planning/load-snapshot';
import { runPipeline } from '../src/server/areas/planning/pipeline';
import { fixedClock } from '../src/server/providers/clock';
import { latenessBound } from './plan-bound';

// The bound against the planner's own plans of small demo organizations, in the figures' hours.
describe('latenessBound', () => {
  it('is at most the lateness of every plan, and at least the precedence bound', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    const plain = { hash: async (p: string) => `plain:${p}`, verify: async () => false };
    for (const seed of [1, 2, 3]) {
      const db = await connect({ memory: true });
      try {
        const demo = await createDemoOrganization(
          { db: db.db, clock, passwords: plain },
          { people: 12, tasks: 300, seed },
        );
        const loaded = await loadSnapshot(db.db, demo.orgId, null, '2026-03-02');
        // and with some assigned tasks pinned: their lateness counts as planned now, in both
        const pinned = {
          ...loaded,
          tasks: loaded.tasks.map((t, x) =>
            t.assigneeId !== null && x % 5 === 0 ? { ...t, pinned: true } : t,
          ),
        };
        for (const [snapshot, keepAssignees] of [
          [loaded, false],
          [loaded, true],
          [pinned, false],
        ] as const) {
          const outcome = await runPipeline(snapshot, { keepAssignees, timeLimitMs: 1000, seed });
          const bound = latenessBound(snapshot, buildPlanInput(snapshot, { keepAssignees }));
          const late = outcome.figures!.proposed.latenessHours;
          expect(bound.hours, `seed ${seed} keep ${keepAssignees}`).toBeLessThanOrEqual(late);
          expect(bound.hours).toBeGreaterThanOrEqual(bound.perTaskHours);
          if (snapshot === pinned) expect(bound.fixedHours).toBeGreaterThan(0);
        }
      } finally {
        await db.close();
      }
    }
  });
});
