import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HolidayRegionList } from '../../../core/schemas/holidays';
import type { Person } from '../../../core/schemas/people';
import type { Home } from '../../../core/schemas/home';
import type { PlanProposal, PlanRun, ProjectForecast, Workload } from '../../../core/schemas/planning';
import type { ProjectSchedule } from '../../../core/schemas/schedule';
import type { Organization } from '../../../core/schemas/spine';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type Client, type World } from '../../../test/world';
import { loadContext } from '../one-on-ones/load-context';
import { loadSchedule } from '../schedule/load-schedule';

const tag = () => Math.random().toString(36).slice(2, 8);
const START = '2026-03-02T09:00:00.000Z';

describeBackends('public holidays are days off', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  const owner = () => world.a.as.owner;
  const setRegion = async (client: Client, holidayRegion: string | null) => {
    const res = await client.patch<Organization>('/api/organization', { holidayRegion });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('lists the regions date-holidays knows, by name, to anyone signed in', async () => {
    for (const client of [world.a.as.member, world.b.as.owner]) {
      const res = await client.get<HolidayRegionList>('/api/holiday-regions');
      expect(res.status).toBe(200);
      expect(res.body.regions).toContainEqual({ code: 'DE-BE', name: 'Germany — Berlin' });
      expect(res.body.regions).toContainEqual({ code: 'GB-ENG', name: 'United Kingdom — England' });
      const names = res.body.regions.map((r) => r.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    }
  });

  it("sets the organization's region (owners and leaders), answering its name and next holidays", async () => {
    const org = await setRegion(world.a.as.leader, 'DE-BE');
    expect(org.holidayRegion).toBe('DE-BE');
    expect(org.holidays.region).toEqual({ code: 'DE-BE', name: 'Germany — Berlin' });
    // today is Mon 2 Mar 2026
    expect(org.holidays.upcoming).toEqual([
      { date: '2026-03-08', name: "International Women's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-01', name: 'Labour Day' },
      { date: '2026-05-14', name: 'Ascension Day' },
    ]);
    expect((await owner().get<Organization>('/api/organization')).body.holidayRegion).toBe('DE-BE');
    expect((await owner().get<{ organization: Organization }>('/api/strategy')).body.organization).toEqual(
      (await owner().get<Organization>('/api/organization')).body,
    );
    // the other organization keeps its own (none)
    expect((await world.b.as.owner.get<Organization>('/api/organization')).body.holidays).toEqual({
      region: null,
      upcoming: [],
    });
    for (const client of [world.a.as.manager, world.a.as.member])
      expect((await client.patch('/api/organization', { holidayRegion: 'GB-ENG' })).status).toBe(403);
    const cleared = await setRegion(owner(), null);
    expect(cleared).toMatchObject({ holidayRegion: null, holidays: { region: null, upcoming: [] } });
  });

  it('answers 400 naming body.holidayRegion for a region the library does not know, and 409 for a stale edit', async () => {
    for (const holidayRegion of ['XX', 'DE-XX', 'de-be', 'constructor', 42]) {
      const res = await owner().patch('/api/organization', { holidayRegion });
      expect(res.status, String(holidayRegion)).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: 'validation_failed', details: { issues: [{ field: 'body.holidayRegion' }] } },
      });
    }
    const unknown = await owner().patch('/api/organization', { holidayRegion: 'XX-YY' });
    expect(unknown.body).toMatchObject({
      error: {
        details: {
          issues: [
            {
              field: 'body.holidayRegion',
              reason: 'no such holiday region: XX-YY (GET /api/holiday-regions lists them)',
            },
          ],
        },
      },
    });
    const read = (await owner().get<Organization>('/api/organization')).body;
    await setRegion(owner(), 'DE-BE');
    const stale = await owner().patch('/api/organization', {
      holidayRegion: 'GB-ENG',
      version: read.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'edit_conflict' } });
    expect((await owner().get<Organization>('/api/organization')).body.holidayRegion).toBe('DE-BE');
  });

  it("gives a person the organization's holidays unless they have their own; they do not change it themself", async () => {
    await setRegion(owner(), 'DE-BE');
    const created = await owner().post<Person>('/api/people', {
      name: `Ola ${tag()}`,
      managerId: world.a.as.manager.actor.personId,
    });
    expect(created.status).toBe(201);
    expect(created.body.holidayRegion).toBeNull();
    expect(created.body.holidays.region).toEqual({ code: 'DE-BE', name: 'Germany — Berlin' });

    // their manager gives them England's
    const moved = await world.a.as.manager.patch<Person>(`/api/people/${created.body.id}`, {
      holidayRegion: 'GB-ENG',
      version: created.body.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.holidayRegion).toBe('GB-ENG');
    expect(moved.body.holidays.region).toEqual({ code: 'GB-ENG', name: 'United Kingdom — England' });
    expect(moved.body.holidays.upcoming[0]).toEqual({ date: '2026-04-03', name: 'Good Friday' });
    const listed = await owner().get<{ items: Person[] }>('/api/people?limit=500');
    expect(listed.body.items.find((p) => p.id === created.body.id)?.holidays.region?.code).toBe('GB-ENG');

    const bad = await owner().post('/api/people', { name: `Bad ${tag()}`, holidayRegion: 'ZZ' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: { issues: [{ field: 'body.holidayRegion' }] } } });
    const badPatch = await owner().patch(`/api/people/${created.body.id}`, { holidayRegion: 'GB-XX' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body).toMatchObject({
      error: { details: { issues: [{ field: 'body.holidayRegion' }] } },
    });

    // a member may not move their own days off; sending it unchanged is fine
    const member = world.a.as.member;
    const own = await member.patch(`/api/people/${member.actor.personId}`, { holidayRegion: 'GB-ENG' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ error: { details: { field: 'body.holidayRegion' } } });
    const same = await member.patch<Person>(`/api/people/${member.actor.personId}`, { holidayRegion: null });
    expect(same.status).toBe(200);
    expect(same.body.holidays.region?.code).toBe('DE-BE');

    // back to the organization's
    const back = await owner().patch<Person>(`/api/people/${created.body.id}`, { holidayRegion: null });
    expect(back.body).toMatchObject({ holidayRegion: null, holidays: { region: { code: 'DE-BE' } } });
  });

  it('keeps a hand-over off Christmas Eve and Christmas Day for Berlin, not for someone in Japan, on every view', async () => {
    await setRegion(owner(), 'DE-BE');
    const skill = async () =>
      (await owner().post<{ id: string }>('/api/skills', { name: `Hand-over ${tag()}` })).body.id;
    const [berlinSkill, tokyoSkill] = [await skill(), await skill()];
    const person = async (name: string, skillId: string, holidayRegion?: string) => {
      const res = await owner().post<Person>('/api/people', {
        name: `${name} ${tag()}`,
        capacityHoursPerWeek: 40,
        skills: [{ skillId, level: 3 }],
        ...(holidayRegion ? { holidayRegion } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const dana = await person('Dana', berlinSkill); // the organization's: Berlin
    const jun = await person('Jun', tokyoSkill, 'JP'); // 24 and 25 Dec are working days in Japan
    const project = (
      await owner().post<Project>('/api/projects', {
        name: `Client hand-over ${tag()}`,
        managerId: owner().actor.personId,
        status: 'active',
        deadline: '2027-01-29',
      })
    ).body;
    const task = async (title: string, skillId: string) => {
      const res = await owner().post<Task>('/api/tasks', {
        projectId: project.id,
        title,
        skillId,
        minLevel: 1,
        estimateHours: 24,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const handOver = await task('Hand-over to the client', berlinSkill);
    const report = await task('Launch report', tokyoSkill);

    world.clock.set('2026-12-23T09:00:00.000Z'); // Wednesday
    try {
      // the planner: three days of work from Wednesday
      const started = await owner().post<PlanRun>('/api/plan-runs', {
        projectIds: [project.id],
        timeLimitMs: 1000,
      });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      let run = started.body;
      for (const deadline = Date.now() + 30_000; run.status === 'queued' || run.status === 'running';) {
        if (Date.now() > deadline) throw new Error('the plan run did not finish');
        await new Promise((r) => setTimeout(r, 50));
        run = (await owner().get<PlanRun>(`/api/plan-runs/${run.id}`)).body;
      }
      expect(run.status).toBe('done');
      const rows = (await owner().get<{ items: PlanProposal[] }>(`/api/plan-runs/${run.id}/proposals`)).body
        .items;
      const proposed = (id: string) => rows.find((r) => r.taskId === id)!.proposed;
      // Berlin: Wed 23, then Thu 24 and Fri 25 off, the weekend, Mon 28 and Tue 29
      expect(proposed(handOver.id)).toMatchObject({
        personId: dana.id,
        start: '2026-12-23',
        end: '2026-12-29',
      });
      expect(proposed(report.id)).toMatchObject({ personId: jun.id, start: '2026-12-23', end: '2026-12-25' });
      expect((await owner().post(`/api/plan-runs/${run.id}/apply`, {})).status).toBe(200);

      // the schedule (the timeline) lays no hour on a holiday
      const schedule = await owner().get<ProjectSchedule>(`/api/projects/${project.id}/schedule`);
      const timeline = new Map(schedule.body.tasks.map((t) => [t.taskId, t]));
      expect(timeline.get(handOver.id)).toMatchObject({
        start: { date: '2026-12-23' },
        finish: { date: '2026-12-29' },
      });
      expect(timeline.get(report.id)).toMatchObject({
        start: { date: '2026-12-23' },
        finish: { date: '2026-12-25' },
      });
      const loaded = await loadSchedule(world.db.db, world.a.orgId, '2026-12-23');
      const days = (id: string) =>
        loaded.tasks
          .get(id)!
          .daily.filter(([, h]) => h > 0)
          .map(([d]) => d);
      expect(days(handOver.id)).toEqual(['2026-12-23', '2026-12-28', '2026-12-29']);
      expect(days(report.id)).toEqual(['2026-12-23', '2026-12-24', '2026-12-25']);

      // the workload heatmap: capacity from today on, holidays out (31 Dec and 1 Jan are off in both)
      const workload = (await owner().get<Workload>('/api/workload?from=2026-12-21&weeks=2')).body;
      const row = (id: string) => workload.people.find((p) => p.personId === id)!;
      expect(row(dana.id)).toMatchObject({ capacity: [8, 24], planned: [8, 16], timeOffDays: [2, 2] });
      expect(row(jun.id)).toMatchObject({ capacity: [24, 24], planned: [24, 0], timeOffDays: [0, 2] });

      // the 1:1 context shows the same week
      const context = async (id: string) =>
        (await loadContext(world.db.db, world.a.orgId, id, '2026-12-23')).workload;
      expect(await context(dana.id)).toMatchObject({ plannedHours: 8, capacityHours: 8, timeOffDays: 2 });
      expect(await context(jun.id)).toMatchObject({ plannedHours: 24, capacityHours: 24, timeOffDays: 0 });

      // home: the member (the organization's holidays) has Wednesday left this week
      const home = (await world.a.as.member.get<Home>('/api/home')).body;
      expect(home.member.week.capacityHours).toBe(8);

      // the forecast (no history of overruns) finishes when the plan does: after the holidays
      const forecast = (await owner().get<ProjectForecast>(`/api/projects/${project.id}/forecast`)).body;
      expect(forecast).toMatchObject({ planEnd: '2026-12-29', p50: '2026-12-29' });
    } finally {
      world.clock.set(START);
    }
  });
});
