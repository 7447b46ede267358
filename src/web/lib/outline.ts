/**
 * The decomposition outline: a few keystrokes turn a goal into projects and tasks.
 *
 *   Spring campaign @2025-05-30      ← a project (optional deadline)
 *     Brief the team ~2h             ← a task of the project above (two spaces, a tab, or "- ")
 *     - Storyboard ~8h @2025-04-15   ← estimate in hours and a deadline are optional
 *   - Check in with the client       ← a dash before any project: a task directly on the goal
 */
import { limits } from '../../core/limits';
import type { DecomposeBody } from '../api/client';

export interface OutlineTask {
  line: number;
  title: string;
  estimateHours: number | null;
  deadline: string | null;
}
export interface OutlineProject {
  line: number;
  name: string;
  deadline: string | null;
  tasks: OutlineTask[];
}
export interface OutlineProblem {
  line: number;
  message: string;
}
export interface Outline {
  projects: OutlineProject[];
  directTasks: OutlineTask[];
  problems: OutlineProblem[];
  taskCount: number;
  totalHours: number;
}

const ESTIMATE = /(?:^|\s)~\s*(\d+(?:[.,]\d+)?)\s*h?(?=\s|$)/i;
const DEADLINE = /(?:^|\s)@(\d{4}-\d{2}-\d{2})(?=\s|$)/;
const MAX_PROJECTS = 50;
const MAX_TASKS = 200;
const MAX_ESTIMATE = 10_000;

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

interface Parsed {
  title: string;
  estimateHours: number | null;
  deadline: string | null;
  problems: string[];
}

function parseItem(raw: string): Parsed {
  const problems: string[] = [];
  let text = raw;
  let estimateHours: number | null = null;
  let deadline: string | null = null;
  const estimate = ESTIMATE.exec(text);
  if (estimate?.[1]) {
    estimateHours = Number(estimate[1].replace(',', '.'));
    if (estimateHours > MAX_ESTIMATE) problems.push(`the estimate must be at most ${MAX_ESTIMATE} hours`);
    text = text.replace(estimate[0], ' ');
  }
  const due = DEADLINE.exec(text);
  if (due?.[1]) {
    deadline = due[1];
    if (!isRealDate(deadline)) problems.push(`${deadline} is not a real calendar date`);
    text = text.replace(due[0], ' ');
  }
  const title = text.replace(/\s+/g, ' ').trim();
  if (!title) problems.push('the title is empty');
  if (title.length > limits.nameLength)
    problems.push(`the title is longer than ${limits.nameLength} characters`);
  return { title, estimateHours, deadline, problems };
}

export function parseOutline(source: string): Outline {
  const projects: OutlineProject[] = [];
  const directTasks: OutlineTask[] = [];
  const problems: OutlineProblem[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    if (!rawLine.trim()) return;
    const indented = /^(\t| {2,})/.test(rawLine);
    let content = rawLine.trim();
    const bullet = /^[-*•]\s+/.exec(content);
    if (bullet) content = content.slice(bullet[0].length);
    const isTask = indented || Boolean(bullet);
    const item = parseItem(content);
    for (const message of item.problems) problems.push({ line, message });
    if (!isTask) {
      if (item.estimateHours !== null) {
        problems.push({ line, message: 'a project takes no estimate; put hours on its tasks (indent them)' });
      }
      projects.push({ line, name: item.title, deadline: item.deadline, tasks: [] });
      return;
    }
    const task: OutlineTask = {
      line,
      title: item.title,
      estimateHours: item.estimateHours,
      deadline: item.deadline,
    };
    const parent = projects[projects.length - 1];
    if (parent) parent.tasks.push(task);
    else {
      if (task.deadline) {
        problems.push({
          line,
          message: 'a task directly on the goal takes no deadline; put it under a project',
        });
      }
      directTasks.push(task);
    }
  });
  if (projects.length > MAX_PROJECTS) {
    problems.push({
      line: projects[MAX_PROJECTS]?.line ?? 1,
      message: `at most ${MAX_PROJECTS} projects at once`,
    });
  }
  for (const project of projects) {
    if (project.tasks.length > MAX_TASKS) {
      problems.push({ line: project.line, message: `at most ${MAX_TASKS} tasks per project` });
    }
  }
  if (directTasks.length > MAX_TASKS) {
    problems.push({ line: directTasks[0]?.line ?? 1, message: `at most ${MAX_TASKS} tasks on the goal` });
  }
  const allTasks = [...directTasks, ...projects.flatMap((p) => p.tasks)];
  return {
    projects,
    directTasks,
    problems: problems.sort((a, b) => a.line - b.line),
    taskCount: allTasks.length,
    totalHours: allTasks.reduce((sum, t) => sum + (t.estimateHours ?? 0), 0),
  };
}

export function outlineToBody(outline: Outline): DecomposeBody {
  return {
    projects: outline.projects.map((project) => ({
      name: project.name,
      deadline: project.deadline,
      tasks: project.tasks.map((task) => ({
        title: task.title,
        estimateHours: task.estimateHours,
        deadline: task.deadline,
      })),
    })),
    tasks: outline.directTasks.map((task) => ({ title: task.title, estimateHours: task.estimateHours })),
  };
}
