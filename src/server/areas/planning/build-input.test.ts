import { describe, expect, it } from 'vitest';
import { ANY_SKILL, buildPlanInput, personSkill } from './build-input';
import type { PlanSnapshot, SnapshotPerson, SnapshotTask } from './snapshot';

// Monday 2 March 2026: period 0 is its first working hour; 8 periods a day, weekdays only
const person = (over: Partial<SnapshotPerson> & { id: string }): SnapshotPerson => ({
  name: over.id.toUpperCase(),
  capacityHoursPerWeek: 40,
  costRate: 50,
  billRate: 100,
  skills: [{ skillId: 'ill', level: 4 }],
  growthGoals: [],
  passions: [],
  timeOff: [],
  hash: 'h',
  ...over,
});
const task = (over: Partial<SnapshotTask> & { id: string }): SnapshotTask => ({
  title: `Task ${over.id}`,
  projectId: 'p',
  estimateHours: 16,
  loggedHours: 0,
  skillId: 'ill',
  minLevel: 3,
  deadline: null,
  assigneeId: null,
  status: 'todo',
  plannedStart: null,
  plannedEnd: null,
  pinned: false,
  dependsOn: [],
  hash: 'h',
  ...over,
});
const snapshot = (over: Partial<PlanSnapshot>): PlanSnapshot => ({
  today: '2026-03-02',
  startDate: '2026-03-02',
  scopeProjectIds: ['p'],
  skills: [
    { id: 'ill', name: 'Illustration' },
    { id: 'ux', name: 'UX design' },
  ],
  people: [person({ id: 'ana' })],
  projects: [{ id: 'p', name: 'Campaign', startDate: null, deadline: '2026-03-20', managerId: null }],
  tasks: [],
  commitments: [],
  outsideTasks: [],
  ...over,
});
const build = (over: Partial<PlanSnapshot>, keepAssignees = false) =>
  buildPlanInput(snapshot(over), { keepAssignees });
const activity = (built: ReturnType<typeof build>, id: string) =>
  built.input.activities.find((a) => a.id === id)!;

describe('building the engine input from a snapshot', () => {
  it('turns weekly capacity into work per hour and time off into days off', () => {
    const built = build({
      people: [
        person({
          id: 'ana',
          capacityHoursPerWeek: 24,
          timeOff: [{ startDate: '2026-03-04', endDate: '2026-03-04' }],
        }),
        person({ id: 'ben', capacityHoursPerWeek: 50 }),
      ],
    });
    const [ana, ben] = built.input.people!;
    // 24 h a week is 0.6 of full time; Wednesday (the third working day) is hours 16–23
    expect(ana!.calendar).toEqual({ capacity: 0.6, daysOff: [16, 17, 18, 19, 20, 21, 22, 23] });
    // more than 40 h a week still does one hour of work per hour
    expect(ben!.calendar).toBeUndefined();
    expect(ana!.rate).toBe(50);
    expect(ana!.skills).toMatchObject({ ill: 4, [ANY_SKILL]: 5 });
  });

  it('leaves out people without working hours', () => {
    const built = build({ people: [person({ id: 'ana' }), person({ id: 'zed', capacityHoursPerWeek: 0 })] });
    expect(built.input.people!.map((p) => p.id)).toEqual(['ana']);
  });

  it('plans the remaining hours, rounded up, and a day for a task without an estimate', () => {
    const built = build({
      tasks: [task({ id: 'a', estimateHours: 10, loggedHours: 3.5 }), task({ id: 'b', estimateHours: null })],
    });
    expect(activity(built, 'a').duration).toBe(7);
    expect(activity(built, 'b').duration).toBe(8);
    expect(built.notes.get('b')).toEqual(['It has no estimate yet: planned as one day (8 h).']);
  });

  it('falls back to the project deadline, due at the end of the last working day on or before it', () => {
    const built = build({
      tasks: [task({ id: 'own', deadline: '2026-03-07' }), task({ id: 'project' })],
    });
    // Saturday 7 → Friday 6, the fifth working day: due by period 40
    expect(built.deadlines.get('own')).toEqual({ date: '2026-03-07', period: 40 });
    // Friday 20 March is the 15th working day
    expect(built.deadlines.get('project')).toEqual({ date: '2026-03-20', period: 120 });
  });

  it('holds work back until its project starts or an outside predecessor is planned to end', () => {
    const built = build({
      projects: [{ id: 'p', name: 'Campaign', startDate: '2026-03-09', deadline: null, managerId: null }],
      tasks: [task({ id: 'a' }), task({ id: 'b', dependsOn: ['outside'] })],
      outsideTasks: [{ id: 'outside', title: 'Brief', plannedEnd: '2026-03-12' }],
    });
    expect(activity(built, 'a').release).toBe(40);
    expect(built.releaseWhy.get('a')).toBe('The project starts on Mon 9 Mar.');
    // Thursday 12 March is the ninth working day: it may start at its end, period 72
    expect(activity(built, 'b').release).toBe(72);
    expect(built.releaseWhy.get('b')).toMatch(
      /waits for “Brief” outside this plan, planned to finish on Thu 12 Mar/,
    );
  });

  it('keeps a pinned task with its person and start, and a task in progress with its person', () => {
    const built = build({
      people: [person({ id: 'ana' }), person({ id: 'ben' })],
      tasks: [
        task({ id: 'pinned', assigneeId: 'ben', pinned: true, plannedStart: '2026-03-05' }),
        task({ id: 'doing', assigneeId: 'ana', status: 'doing' }),
        task({ id: 'free', assigneeId: 'ana' }),
      ],
    });
    expect(activity(built, 'pinned').pin).toEqual({ person: 'ben', start: 24 });
    expect(activity(built, 'doing').pin).toEqual({ person: 'ana' });
    expect(activity(built, 'free').pin).toBeUndefined();
    expect(built.kept.get('pinned')).toBe('pinned');
    expect(built.kept.get('doing')).toBe('in-progress');
    const kept = build({ tasks: [task({ id: 'free', assigneeId: 'ana' })] }, true);
    expect(activity(kept, 'free').pin).toEqual({ person: 'ana' });
  });

  it('relaxes pins that cannot hold: a day off, an overlap, a start before the predecessors', () => {
    const built = build({
      people: [person({ id: 'ana', timeOff: [{ startDate: '2026-03-03', endDate: '2026-03-03' }] })],
      tasks: [
        task({ id: 'off', assigneeId: 'ana', pinned: true, plannedStart: '2026-03-03' }),
        task({ id: 'first', assigneeId: 'ana', pinned: true, plannedStart: '2026-03-09' }),
        task({ id: 'second', assigneeId: 'ana', pinned: true, plannedStart: '2026-03-10' }),
        task({ id: 'pred', estimateHours: 40 }),
        task({ id: 'early', pinned: true, plannedStart: '2026-03-02', dependsOn: ['pred'] }),
      ],
    });
    expect(activity(built, 'off').pin).toEqual({ person: 'ana' });
    expect(built.notes.get('off')![0]).toMatch(/pinned start \(Tue 3 Mar\) is a day ANA is not working/);
    expect(activity(built, 'first').pin).toEqual({ person: 'ana', start: 40 });
    expect(activity(built, 'second').pin).toEqual({ person: 'ana' });
    expect(built.notes.get('second')![0]).toMatch(/overlaps “Task first”, also pinned to ANA/);
    expect(activity(built, 'early').pin).toBeUndefined();
    expect(built.notes.get('early')![0]).toMatch(/before “Task pred” can finish/);
  });

  it('takes other projects’ planned work off the hours it is planned on', () => {
    const built = build({
      commitments: [
        {
          taskId: 'x',
          title: 'Elsewhere',
          personId: 'ana',
          plannedStart: '2026-03-03',
          plannedEnd: '2026-03-03',
          hours: 4,
          skillId: null,
        },
      ],
    });
    const periods = built.input.people![0]!.calendar!.periods!;
    expect(periods.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(periods.slice(8, 16)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('says why a task cannot be planned, and takes out what waits for it', () => {
    const built = build({
      people: [
        person({ id: 'ana' }),
        person({ id: 'zed', capacityHoursPerWeek: 0, skills: [{ skillId: 'ux', level: 5 }] }),
      ],
      tasks: [
        task({ id: 'master', minLevel: 5 }),
        task({ id: 'after', dependsOn: ['master'] }),
        task({ id: 'nobody', skillId: 'seo' }),
        task({ id: 'idle', skillId: 'ux' }),
        task({ id: 'gone', assigneeId: 'zed', status: 'doing' }),
      ],
    });
    expect(built.unplaceable.get('master')).toBe(
      'Nobody has Illustration at level 5 or above (the best is ANA at 4/5).',
    );
    expect(built.unplaceable.get('after')).toBe('It waits for “Task master”, which cannot be planned.');
    expect(built.unplaceable.get('nobody')).toBe('Nobody in the organization has a skill that was deleted.');
    expect(built.unplaceable.get('idle')).toBe(
      'Only ZED has UX design at level 3 or above, and has no working hours in their profile.',
    );
    expect(built.unplaceable.get('gone')).toBe(
      'It is in progress with ZED, who has no working hours in their profile (0 h a week).',
    );
    expect(built.input.activities).toEqual([]);
  });

  it('keeps a task with an assignee who lacks its skill through a skill only they hold', () => {
    const built = build({ tasks: [task({ id: 'a', assigneeId: 'ana', status: 'doing', skillId: 'ux' })] });
    expect(activity(built, 'a').skill).toEqual({ skill: personSkill('ana'), level: 0 });
    expect(built.input.people![0]!.skills[personSkill('ana')]).toBe(5);
    expect(built.keptUnqualified.has('a')).toBe(true);
  });

  it('moves deadlines no plan can meet to the earliest finish, keeping the difference', () => {
    const built = build({
      tasks: [
        task({ id: 'late', deadline: '2026-02-27', estimateHours: 8 }),
        task({ id: 'fine', deadline: '2026-03-06' }),
      ],
    });
    // due Friday 27 February: period -8 + 8 = 0; it cannot finish before period 8
    expect(built.deadlines.get('late')!.period).toBe(0);
    expect(activity(built, 'late').deadline).toBe(8);
    expect(activity(built, 'fine').deadline).toBe(40);
    expect(built.lateBy).toBe(8);
  });

  it('gives growth goals and passions as preferences', () => {
    const built = build({
      people: [
        person({ id: 'ana', growthGoals: [{ skillId: 'ill', targetLevel: 5 }], passions: ['Illustration'] }),
      ],
    });
    expect(built.input.people![0]!.preferences!['ill']).toBeGreaterThan(0.8);
  });
});
