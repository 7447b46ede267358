/**
 * A made-up snapshot for the planning tests that need no database: `people` people with one skill at
 * levels 1–3, and `tasks` tasks of 4 to 20 hours due over the next weeks, in chains of four.
 */
import type { PlanSnapshot } from './snapshot';

export function syntheticSnapshot(tasks: number, people = 4): PlanSnapshot {
  return {
    today: '2026-03-02',
    startDate: '2026-03-02',
    scopeProjectIds: null,
    skills: [{ id: 's', name: 'Skill' }],
    people: Array.from({ length: people }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      capacityHoursPerWeek: 40,
      costRate: 50 + i,
      billRate: 100,
      skills: [{ skillId: 's', level: 1 + (i % 3) }],
      growthGoals: [],
      passions: [],
      timeOff: [],
      hash: 'h',
    })),
    projects: [],
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `t${i}`,
      title: `Task ${i}`,
      projectId: null,
      estimateHours: 4 + (i % 5) * 4,
      loggedHours: 0,
      skillId: 's',
      minLevel: 1,
      deadline: `2026-03-${String(3 + (i % 20)).padStart(2, '0')}`,
      assigneeId: null,
      status: 'todo',
      plannedStart: null,
      plannedEnd: null,
      pinned: false,
      dependsOn: i % 4 === 0 || i === 0 ? [] : [`t${i - 1}`],
      hash: 'h',
    })),
    commitments: [],
    outsideTasks: [],
  };
}
