/**
 * Every screen tells the same truth about the plan. On the demo organization, after a whole
 * organization plan is applied: for every person, the workload heatmap's cell for this week, the 1:1
 * context and home show the same planned hours and capacity (and for every later week the heatmap
 * shows what the schedule holds); the timeline flags no dependency the plan respects; and with no
 * history of overruns the deadline forecast ends every project when the plan does, saying nothing
 * against it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../core/actor';
import { hoursBetween } from '../core/schedule';
import type { PlanRun, ProjectForecast, Workload } from '../core/schemas/planning';
import type { ProjectSchedule } from '../core/schemas/schedule';
import { addDays, weekStart } from '../core/workdays';
import { describeBackends } from '../test/backends';
import { clientFor } from '../test/accounts';
import { makeWorld, plainHasher, type Client, type World } from '../test/world';
import { createToken } from './areas/auth/create-token';
import { getHome } from './areas/home/get-home';
import { loadContext } from './areas/one-on-ones/load-context';
import { loadSchedule } from './areas/schedule/load-schedule';
import { createDemoOrganization } from './demo/create-demo';
import { today as todayOf } from './providers/clock';

const round1 = (n: number) => Math.round(n * 10) / 10;

describeBackends(
  'one truth: the plan, the workload, the 1:1, home, the timeline and the forecast agree',
  (backend) => {
    let world: World;
    let owner: Client;
    let orgId: string;
    let today: string;

    beforeAll(async () => {
      world = await makeWorld(backend);
      const demo = await createDemoOrganization(
        { db: world.db.db, clock: world.clock, passwords: plainHasher },
        { people: 30, tasks: 400, seed: 1 },
      );
      orgId = demo.orgId;
      today = todayOf(world.clock);
      const account = await world.db.db
        .selectFrom('users')
        .select(['id', 'person_id'])
        .where('org_id', '=', orgId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      const actor: Actor = { userId: account.id, orgId, role: 'owner', personId: account.person_id };
      const { token } = await createToken({ db: world.db.db, clock: world.clock }, actor, {
        name: 'one truth',
      });
      owner = clientFor(world, actor, token, 'owner@demo');

      // the whole organization, planned and applied
      const started = await owner.post<PlanRun>('/api/plan-runs', { timeLimitMs: 2000 });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      let run = started.body;
      const deadline = Date.now() + 60_000;
      while (run.status === 'queued' || run.status === 'running') {
        if (Date.now() > deadline) throw new Error('the plan run did not finish');
        await new Promise((r) => setTimeout(r, 100));
        run = (await owner.get<PlanRun>(`/api/plan-runs/${run.id}`)).body;
      }
      expect(run.status).toBe('done');
      const applied = await owner.post(`/api/plan-runs/${run.id}/apply`, {});
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    }, 180_000);
    afterAll(async () => world.close());

    it('shows every person the same hours this week on the heatmap, in the 1:1 context and at home', async () => {
      const workload = (await owner.get<Workload>('/api/workload?weeks=6')).body;
      expect(workload.weeks[0]).toBe(weekStart(today));
      const people = workload.people.filter((p) => p.planned.some((h) => h > 0));
      expect(people.length).toBeGreaterThan(10);
      const mismatches: string[] = [];
      for (const row of workload.people) {
        const context = await loadContext(world.db.db, orgId, row.personId, today);
        const home = await getHome(
          { db: world.db.db, clock: world.clock },
          { userId: 'reader', orgId, role: 'member', personId: row.personId },
        );
        const cell = { planned: row.planned[0]!, capacity: row.capacity[0]! };
        const oneOnOne = { planned: context.workload.plannedHours, capacity: context.workload.capacityHours };
        const atHome = { planned: home.member.week.plannedHours, capacity: home.member.week.capacityHours };
        if (
          JSON.stringify(cell) !== JSON.stringify(oneOnOne) ||
          JSON.stringify(cell) !== JSON.stringify(atHome)
        )
          mismatches.push(
            `${row.name}: heatmap ${JSON.stringify(cell)}, 1:1 ${JSON.stringify(oneOnOne)}, home ${JSON.stringify(atHome)}`,
          );
        // home lists the tasks behind its hours
        const listed = round1(home.member.week.tasks.reduce((sum, t) => sum + t.hours, 0));
        if (Math.abs(listed - atHome.planned) > 0.1 * Math.max(1, home.member.week.tasks.length))
          mismatches.push(`${row.name}: home lists ${listed} h of ${atHome.planned} h`);
      }
      expect(mismatches).toEqual([]);
    });

    it('holds every later week of the heatmap to the schedule', async () => {
      const workload = (await owner.get<Workload>('/api/workload?weeks=6')).body;
      const schedule = await loadSchedule(world.db.db, orgId, today);
      const off: string[] = [];
      for (const row of workload.people)
        workload.weeks.forEach((week, w) => {
          const held = round1(hoursBetween(schedule.hours.get(row.personId), week, addDays(week, 6)));
          if (Math.abs(held - row.planned[w]!) > 0.05)
            off.push(`${row.name} ${week}: ${row.planned[w]} vs ${held}`);
        });
      expect(off).toEqual([]);
    });

    it('flags no dependency on the timeline that the applied plan respects', async () => {
      const projects = (await owner.get<{ items: { id: string }[] }>('/api/projects?limit=500')).body.items;
      let links = 0;
      const broken: string[] = [];
      for (const p of projects) {
        const schedule = (await owner.get<ProjectSchedule>(`/api/projects/${p.id}/schedule`)).body;
        const laid = new Set(schedule.tasks.filter((t) => t.source === 'plan').map((t) => t.taskId));
        for (const d of schedule.dependencies) {
          if (!laid.has(d.taskId) || !laid.has(d.dependsOnId)) continue;
          links++;
          if (d.isBroken) broken.push(`${d.dependsOnId} → ${d.taskId}`);
        }
      }
      expect(links).toBeGreaterThan(20);
      expect(broken).toEqual([]);
    });

    it('forecasts the plan’s own end for every project when nothing says the estimates are off', async () => {
      // no history of overruns: every finished task took exactly its estimate
      const done = await world.db.db
        .selectFrom('tasks')
        .select(['id', 'estimate_hours'])
        .where('org_id', '=', orgId)
        .where('status', '=', 'done')
        .execute();
      for (const t of done)
        await world.db.db
          .deleteFrom('time_entries')
          .where('org_id', '=', orgId)
          .where('task_id', '=', t.id)
          .execute();
      const projects = (
        await owner.get<{ items: { id: string; status: string }[] }>('/api/projects?limit=500')
      ).body.items;
      let compared = 0;
      const differ: string[] = [];
      for (const p of projects) {
        const schedule = (await owner.get<ProjectSchedule>(`/api/projects/${p.id}/schedule`)).body;
        const f = (await owner.get<ProjectForecast>(`/api/projects/${p.id}/forecast`)).body;
        // only projects whose every open task the plan placed: the rest wait for dates or people
        if (f.openTasks === 0 || f.unplannedTasks > 0 || schedule.tasks.some((t) => t.source !== 'plan'))
          continue;
        compared++;
        if (f.p50 !== f.planEnd || f.againstPlan.length > 0)
          differ.push(`${p.id}: plan ${f.planEnd}, likely ${f.p50}: ${f.againstPlan.join(' ')}`);
      }
      expect(compared).toBeGreaterThan(3);
      expect(differ).toEqual([]);
    });
  },
);
