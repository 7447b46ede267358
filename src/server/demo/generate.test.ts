import { describe, expect, it } from 'vitest';
import { findCycle } from '../../core/graph';
import { generateDemo, isLate, type DemoData } from './generate';

const today = '2026-03-02';

/** Every rule the demo promises, checked on one generated organization. */
function expectWellFormed(data: DemoData): void {
  const { people, tasks, projects, goals } = data;

  // reporting lines: one root (the owner), every manager earlier in the list, hence no cycles
  expect(people.filter((p) => p.managerIndex === null)).toHaveLength(1);
  people.forEach((person, i) => {
    if (person.managerIndex !== null) expect(person.managerIndex).toBeLessThan(i);
    expect(person.skills.length).toBeGreaterThanOrEqual(1);
    expect(person.skills.length).toBeLessThanOrEqual(4);
    for (const s of person.skills) expect(s.level).toBeGreaterThanOrEqual(1);
    for (const s of person.skills) expect(s.level).toBeLessThanOrEqual(5);
    expect(new Set(person.skills.map((s) => s.skillIndex)).size).toBe(person.skills.length);
    expect(new Set(person.growthGoals.map((g) => g.skillIndex)).size).toBe(person.growthGoals.length);
  });
  expect(new Set(people.map((p) => p.emailLocal)).size).toBe(people.length);

  const level = (person: number, skill: number) =>
    people[person]!.skills.find((s) => s.skillIndex === skill)?.level ?? 0;
  const edges = new Map<string, string[]>();
  tasks.forEach((task, i) => {
    expect(task.estimateHours).toBeGreaterThanOrEqual(2);
    expect(task.estimateHours).toBeLessThanOrEqual(40);
    expect(task.projectIndex === null).toBe(task.goalIndex !== null);
    // someone holds the required skill at the minimum level, and so does the assignee
    expect(people.some((_, p) => level(p, task.skillIndex) >= task.minLevel)).toBe(true);
    if (task.assigneeIndex !== null)
      expect(level(task.assigneeIndex, task.skillIndex)).toBeGreaterThanOrEqual(task.minLevel);
    if (task.status !== 'todo') expect(task.assigneeIndex).not.toBeNull();
    // dependencies: earlier tasks of the same project; work only starts when they are done
    for (const d of task.dependsOn) {
      expect(d).toBeLessThan(i);
      expect(tasks[d]!.projectIndex).toBe(task.projectIndex);
      expect(task.projectIndex).not.toBeNull();
      if (task.status === 'done' || task.status === 'doing') expect(tasks[d]!.status).toBe('done');
    }
    if (task.plannedStart !== null) expect(task.plannedStart <= task.plannedEnd!).toBe(true);
    if (task.plannedEnd !== null) expect(task.plannedEnd <= task.deadline).toBe(true);
    edges.set(String(i), task.dependsOn.map(String));
  });
  expect(findCycle(edges)).toBeNull();

  projects.forEach((project, i) => {
    expect(project.goalIndexes.length).toBeGreaterThanOrEqual(1);
    expect(project.goalIndexes.length).toBeLessThanOrEqual(2);
    for (const g of project.goalIndexes) expect(goals[g]!.kind).toBe('key_result');
    expect(project.startDate < project.deadline).toBe(true);
    const own = tasks.filter((t) => t.projectIndex === i);
    if (project.status === 'done') expect(own.every((t) => t.status === 'done')).toBe(true);
    if (project.status === 'planned') expect(own.every((t) => t.status === 'todo')).toBe(true);
  });
  expect(tasks.some((t) => isLate(t, today))).toBe(true);

  for (const entry of data.timeEntries) {
    const task = tasks[entry.taskIndex]!;
    expect(['done', 'doing']).toContain(task.status);
    expect(entry.personIndex).toBe(task.assigneeIndex);
    expect(entry.hours).toBeGreaterThan(0);
    expect(entry.hours).toBeLessThanOrEqual(24);
    expect(entry.date <= today).toBe(true);
  }
  for (const checkIn of data.checkIns) {
    expect(checkIn.date <= today).toBe(true);
    expect(checkIn.confidence).toBeGreaterThanOrEqual(0);
    expect(checkIn.confidence).toBeLessThanOrEqual(1);
  }

  // the sign-in accounts
  expect(data.accounts.map((a) => a.role)).toEqual(['owner', 'leader', 'manager', 'member']);
  expect(new Set(data.accounts.map((a) => a.personIndex)).size).toBe(4);
  const manager = data.accounts[2]!.personIndex;
  expect(
    projects.filter((p) => p.managerIndex === manager && p.status === 'active').length,
  ).toBeGreaterThanOrEqual(3);
  const member = data.accounts[3]!.personIndex;
  const open = tasks.filter((t) => t.assigneeIndex === member && t.status !== 'done');
  expect(open.length).toBeGreaterThanOrEqual(1);
  expect(open.some((t) => isLate(t, today))).toBe(true);

  // public holidays: Berlin's for the organization, England's for two members without a sign-in
  expect(data.organization.holidayRegion).toBe('DE-BE');
  const london = people.flatMap((p, i) => (p.holidayRegion === null ? [] : [i]));
  expect(london).toHaveLength(2);
  for (const p of london) {
    expect(people[p]!.holidayRegion).toBe('GB-ENG');
    expect(data.accounts.map((a) => a.personIndex)).not.toContain(p);
  }
}

describe('generateDemo', () => {
  it('makes exactly the asked number of people and tasks, with the first-start shape', () => {
    const data = generateDemo({ people: 30, tasks: 400, seed: 1, today });
    expect(data.people).toHaveLength(30);
    expect(data.tasks).toHaveLength(400);
    expect(data.pillars).toHaveLength(3);
    expect(data.goals.filter((g) => g.kind === 'objective')).toHaveLength(9);
    expect(data.goals.filter((g) => g.kind === 'key_result')).toHaveLength(20);
    expect(data.goals.some((g) => g.kind === 'key_result' && g.metricTarget === null)).toBe(true);
    // both kinds of key result: metric-driven ones checked in on, work-driven ones with projects behind them
    const keyResults = data.goals.flatMap((g, i) => (g.kind === 'key_result' ? [{ g, i }] : []));
    const checkedIn = new Set(data.checkIns.filter((c) => c.value !== null).map((c) => c.goalIndex));
    const linked = new Set(data.projects.flatMap((p) => p.goalIndexes));
    expect(keyResults.some(({ g, i }) => g.progressSource === 'metric' && checkedIn.has(i))).toBe(true);
    expect(
      keyResults.some(({ g, i }) => g.progressSource === 'work' && g.metricTarget !== null && linked.has(i)),
    ).toBe(true);
    expect(keyResults.every(({ g }) => g.dueDate !== null && g.dueDate > g.createdOn)).toBe(true);
    expect(new Set(data.goals.map((g) => g.horizon))).toEqual(new Set(['quarter', 'year', 'multi-year']));
    expect(data.goals.some((g) => g.isStretch)).toBe(true);
    expect(data.clients).toHaveLength(8);
    expect(data.projects).toHaveLength(15);
    expect(data.projects.filter((p) => p.status === 'done')).toHaveLength(1);
    expect(data.projects.filter((p) => p.status === 'planned')).toHaveLength(2);
    expect(data.projects.filter((p) => p.clientIndex !== null).length).toBeGreaterThan(10);
    expect(data.tasks.filter((t) => t.goalIndex !== null).length).toBeGreaterThanOrEqual(3);
    expect(data.skills.length).toBeGreaterThanOrEqual(12);
    expect(data.teams.length).toBeGreaterThanOrEqual(6);
    expect(data.people.some((p) => p.timeOff.length > 0)).toBe(true);
    expect(data.timeEntries.length).toBeGreaterThan(0);
    expect(data.checkIns.length).toBeGreaterThan(0);
    expectWellFormed(data);
  });

  it('is deterministic for a seed', () => {
    const a = generateDemo({ people: 30, tasks: 400, seed: 42, today });
    const b = generateDemo({ people: 30, tasks: 400, seed: 42, today });
    expect(b).toEqual(a);
  });

  it('makes a different organization for a different seed', () => {
    const a = generateDemo({ people: 30, tasks: 400, seed: 1, today });
    const b = generateDemo({ people: 30, tasks: 400, seed: 2, today });
    expect(b.people.map((p) => p.name)).not.toEqual(a.people.map((p) => p.name));
    expect(b.tasks.map((t) => t.assigneeIndex)).not.toEqual(a.tasks.map((t) => t.assigneeIndex));
  });

  it.each([
    [8, 20, 1],
    [8, 20, 7],
    [9, 35, 3],
    [12, 60, 4],
    [17, 150, 5],
    [30, 400, 6],
    [45, 900, 8],
  ])('keeps every rule with %i people and %i tasks (seed %i)', (people, tasks, seed) => {
    const data = generateDemo({ people, tasks, seed, today });
    expect(data.people).toHaveLength(people);
    expect(data.tasks).toHaveLength(tasks);
    expectWellFormed(data);
  });

  it('dates everything relative to today', () => {
    const data = generateDemo({ people: 30, tasks: 400, seed: 1, today: '2030-07-15' });
    const lateTasks = data.tasks.filter((t) => isLate(t, '2030-07-15'));
    expect(lateTasks.length).toBeGreaterThan(0);
    expect(data.projects.some((p) => p.startDate > '2030-07-15')).toBe(true);
    expect(data.timeEntries.every((e) => e.date <= '2030-07-15' && e.date >= '2030-01-01')).toBe(true);
  });

  it('scales to 200 people and 5000 tasks in well under two seconds', () => {
    const started = performance.now();
    const data = generateDemo({ people: 200, tasks: 5000, seed: 9, today });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(data.people).toHaveLength(200);
    expect(data.tasks).toHaveLength(5000);
    // a large team gets managers between its lead and its members
    expect(
      data.people.filter((p) => p.title.endsWith('Manager') || p.title.endsWith('Director')).length,
    ).toBeGreaterThan(10);
    expectWellFormed(data);
  });

  it('rejects sizes it cannot make well', () => {
    expect(() => generateDemo({ people: 7, tasks: 400, seed: 1, today })).toThrow(/people must be/);
    expect(() => generateDemo({ people: 30, tasks: 10, seed: 1, today })).toThrow(/tasks must be/);
    expect(() => generateDemo({ people: 30.5, tasks: 400, seed: 1, today })).toThrow(/people must be/);
    expect(() => generateDemo({ people: 30, tasks: 400, seed: -1, today })).toThrow(/seed must be/);
    expect(() => generateDemo({ people: 30, tasks: 400, seed: 1, today: '2026-02-30' })).toThrow(/today/);
  });
});

describe('generateDemo: the people side', () => {
  it.each([
    [8, 20, 1],
    [12, 60, 4],
    [30, 400, 1],
    [200, 5000, 9],
  ])(
    'fills 1:1s, kudos, growth plans, pulse and assessments consistently (%i people)',
    (people, tasks, seed) => {
      const data = generateDemo({ people, tasks, seed, today });
      const side = data.peopleSide;
      const [, , manager, member] = data.accounts.map((a) => a.personIndex);
      // the demo's manager account holds 1:1s with the member account, its report
      if (people >= 12) expect(data.people[member!]!.managerIndex).toBe(manager);
      // every reporting line has a 1:1; no pair twice; mentors are never the manager
      const pairs = side.oneOnOnes.map((p) => `${p.managerIndex}>${p.reportIndex}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      data.people.forEach((person, i) => {
        if (person.managerIndex !== null) expect(pairs).toContain(`${person.managerIndex}>${i}`);
      });
      for (const pair of side.oneOnOnes) {
        expect(pair.managerIndex).not.toBe(pair.reportIndex);
        expect(pair.meetings.filter((m) => m.status === 'upcoming')).toHaveLength(1);
        for (const m of pair.meetings) {
          if (m.status === 'held') expect(m.date < today).toBe(true);
          // personal notes are written by a participant only
          for (const n of m.privateNotes)
            expect([pair.managerIndex, pair.reportIndex]).toContain(n.authorIndex);
        }
        for (const a of pair.actionItems)
          expect([pair.managerIndex, pair.reportIndex]).toContain(a.ownerIndex);
      }
      for (const k of side.kudos) {
        expect(k.fromIndex).not.toBe(k.toIndex);
        expect(k.date <= today).toBe(true);
      }
      for (const plan of side.growthPlans) {
        expect(plan.mentorIndex).not.toBe(plan.personIndex);
        expect(plan.mentorIndex).not.toBe(data.people[plan.personIndex]!.managerIndex);
      }
      expect(new Set(side.pulse.map((p) => `${p.personIndex}@${p.period}`)).size).toBe(side.pulse.length);
      for (const a of side.assessments) {
        for (const r of a.requests) expect(r.reviewerIndex).not.toBe(a.personIndex);
        if (a.status === 'closed') expect(a.closedOn! <= today).toBe(true);
      }
      expect(side.kudos.length).toBeGreaterThan(0);
      expect(side.pulse.length).toBeGreaterThan(0);
      expect(side.talentReviews.length).toBeGreaterThan(0);
    },
  );

  it('gives the demo accounts a 1:1 with history, recognition, a 360 request and a closed round to show', () => {
    const data = generateDemo({ people: 30, tasks: 400, seed: 1, today });
    const side = data.peopleSide;
    const [, , manager, member] = data.accounts.map((a) => a.personIndex);
    const pair = side.oneOnOnes.find((p) => p.managerIndex === manager && p.reportIndex === member)!;
    expect(pair.meetings.filter((m) => m.status === 'held').length).toBeGreaterThanOrEqual(2);
    expect(pair.meetings.some((m) => m.privateNotes.some((n) => n.authorIndex === manager))).toBe(true);
    expect(side.kudos.filter((k) => k.toIndex === member).length).toBeGreaterThanOrEqual(3);
    expect(side.kudos.some((k) => k.toIndex === member && k.valueIndex !== null)).toBe(true);
    const open = side.assessments.find((a) => a.personIndex === manager && a.status === 'open')!;
    expect(open.requests.some((r) => r.reviewerIndex === member && r.status === 'pending')).toBe(true);
    const closed = side.assessments.find((a) => a.personIndex === member && a.status === 'closed')!;
    expect(closed.requests.filter((r) => r.status === 'answered').length).toBeGreaterThanOrEqual(3);
    // twelve closed weeks of pulse
    expect(new Set(side.pulse.map((p) => p.period)).size).toBe(13);
  });
});
