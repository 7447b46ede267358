/**
 * Product-scale check: a synthetic organisation (default 5,000 tasks, 200 people, 24 skills, weekends
 * off, deadlines, the product's lexicographic objectives) planned under a time budget.
 *
 *   npx tsx bench/product-scale.ts [--tasks N] [--people P] [--time-ms T] [--seed S]
 */
import { plan, validatePlan, type Activity, type Person, type PlanInput } from '../src/engine/index';
import { Random } from '../src/engine/random';
import { numberArg, parseArgs } from './common';

const args = parseArgs(process.argv.slice(2), ['tasks', 'people', 'time-ms', 'seed']);
const tasks = numberArg(args, 'tasks') ?? 5000;
const peopleCount = numberArg(args, 'people') ?? 200;
const timeMs = numberArg(args, 'time-ms') ?? 10000;
const seed = numberArg(args, 'seed') ?? 1;
const rng = new Random(seed);
const skills = Array.from({ length: 24 }, (_, i) => `skill${i}`);
const weekends: number[] = [];
for (let w = 0; w < 200; w++) weekends.push(7 * w + 5, 7 * w + 6);

const people: Person[] = Array.from({ length: peopleCount }, (_, i) => {
  const own: Record<string, number> = {};
  const k = 2 + rng.int(4);
  for (let x = 0; x < k; x++) own[skills[rng.int(skills.length)]!] = 1 + rng.int(3);
  return {
    id: `person${i}`,
    skills: own,
    rate: 40 + rng.int(80),
    calendar: { daysOff: weekends, capacity: rng.next() < 0.2 ? 0.5 : 1 },
    preferences: { [skills[rng.int(skills.length)]!]: 1 + rng.int(3) },
  };
});
const activities: Activity[] = [];
const perProject = 25;
for (let i = 0; i < tasks; i++) {
  const project = Math.floor(i / perProject);
  const first = project * perProject;
  const preds: string[] = [];
  if (i > first && rng.next() < 0.7) preds.push(`task${first + rng.int(i - first)}`);
  activities.push({
    id: `task${i}`,
    duration: 1 + rng.int(5),
    skill: { skill: skills[rng.int(skills.length)]!, level: 1 + rng.int(2) },
    predecessors: preds,
    deadline: 20 + rng.int(200),
    weight: 1 + rng.int(3),
  });
}
const input: PlanInput = {
  people,
  activities,
  objectives: ['tardiness', 'balance', 'preference', 'cost'],
};
let first = -1;
const t0 = performance.now();
const result = plan(input, {
  seed,
  timeLimitMs: timeMs,
  onProgress: () => {
    if (first < 0) first = performance.now() - t0;
  },
});
const ms = performance.now() - t0;
const violations = validatePlan(input, result);
console.log(
  `product-scale tasks=${tasks} people=${peopleCount}: status=${result.status} violations=${violations.length} ` +
    `schedules=${result.schedules} first_generation_ms=${Math.round(first)} total_ms=${Math.round(ms)} ` +
    `tardiness=${result.values[0]} makespan=${result.makespan}`,
);
