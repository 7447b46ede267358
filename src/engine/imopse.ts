/**
 * iMOPSE multi-skill RCPSP files (`.def`, Myszkowski et al. 2015). String in, model out. Task ids
 * are kept as they are (they may have gaps where MS-Project summary tasks were removed), and the
 * task count is taken from the rows, not from the largest id.
 */
import { ParseError } from './psplib';
import type { Activity, Person, PlanInput } from './types';

export interface ImopseResource {
  id: number;
  salary: number;
  skills: Record<string, number>;
}

export interface ImopseTask {
  id: number;
  duration: number;
  skill: string;
  level: number;
  predecessors: number[];
}

export interface ImopseInstance {
  resources: ImopseResource[];
  tasks: ImopseTask[];
  /** The same instance as engine input: activities and people named by their file ids. */
  input: PlanInput;
}

function tokens(line: string): string[] {
  return line
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

function header(lines: string[], label: string): number | null {
  for (const line of lines) {
    const m = new RegExp(`^${label}:\\s*(\\d+)`).exec(line.trim());
    if (m) return Number(m[1]);
  }
  return null;
}

export function parseImopse(text: string): ImopseInstance {
  const lines = text.split(/\r?\n/);
  const resStart = lines.findIndex((l) => l.trim().startsWith('ResourceID'));
  const taskStart = lines.findIndex((l) => l.trim().startsWith('TaskID'));
  if (resStart < 0 || taskStart < 0)
    throw new ParseError('Not an iMOPSE .def file: no ResourceID or TaskID table.');
  const rows = (from: number): string[][] => {
    const out: string[][] = [];
    for (let x = from + 1; x < lines.length; x++) {
      const line = lines[x]!.trim();
      if (line.startsWith('=')) break;
      if (line.length > 0) out.push(tokens(line));
    }
    return out;
  };
  const skillPairs = (t: string[], from: number, where: string): [string, number][] => {
    const out: [string, number][] = [];
    for (let x = from; x + 1 < t.length && t[x]!.endsWith(':'); x += 2) {
      const level = Number(t[x + 1]);
      if (!Number.isFinite(level)) throw new ParseError(`Bad skill level in ${where}.`);
      out.push([t[x]!.slice(0, -1), level]);
    }
    return out;
  };
  const resources: ImopseResource[] = rows(resStart).map((t) => {
    const id = Number(t[0]);
    const salary = Number(t[1]);
    if (!Number.isInteger(id) || !Number.isFinite(salary))
      throw new ParseError(`Bad resource row: "${t.join(' ')}".`);
    return { id, salary, skills: Object.fromEntries(skillPairs(t, 2, `resource ${id}`)) };
  });
  const tasks: ImopseTask[] = rows(taskStart).map((t) => {
    const id = Number(t[0]);
    const duration = Number(t[1]);
    if (!Number.isInteger(id) || !Number.isInteger(duration) || !t[2]?.endsWith(':'))
      throw new ParseError(`Bad task row: "${t.join(' ')}".`);
    const [skill, level] = skillPairs(t, 2, `task ${id}`)[0]!;
    const predecessors = t.slice(4).map(Number);
    if (predecessors.some((p) => !Number.isInteger(p)))
      throw new ParseError(`Bad predecessor list of task ${id}.`);
    return { id, duration, skill, level, predecessors };
  });
  const declaredTasks = header(lines, 'Tasks');
  const declaredResources = header(lines, 'Resources');
  if (declaredTasks !== null && declaredTasks !== tasks.length)
    throw new ParseError(`The header announces ${declaredTasks} tasks but ${tasks.length} are listed.`);
  if (declaredResources !== null && declaredResources !== resources.length)
    throw new ParseError(
      `The header announces ${declaredResources} resources but ${resources.length} are listed.`,
    );
  const ids = new Set<number>();
  for (const t of tasks) {
    if (ids.has(t.id)) throw new ParseError(`Task id ${t.id} appears twice.`);
    ids.add(t.id);
  }
  for (const t of tasks)
    for (const p of t.predecessors)
      if (!ids.has(p)) throw new ParseError(`Task ${t.id} follows task ${p}, which is not listed.`);

  const people: Person[] = resources.map((r) => ({ id: String(r.id), skills: r.skills, rate: r.salary }));
  const activities: Activity[] = tasks.map((t) => ({
    id: String(t.id),
    duration: t.duration,
    skill: { skill: t.skill, level: t.level },
    predecessors: t.predecessors.map(String),
  }));
  return { resources, tasks, input: { activities, people, objectives: ['makespan'] } };
}
