/**
 * Pure rules of the leader's side, shared by the server and the web app: the article's two skill
 * lists, 1:1 cadences, the 9-box, the pulse scales, and the thresholds that keep people anonymous.
 */

/** The article's leadership skills, then its management skills (rated 1–5 in the self-assessment and 360). */
export const leadershipSkills = [
  'decision_making',
  'communication',
  'relationship_building',
  'strategic_thinking',
] as const;
export const managementSkills = [
  'planning_budgeting',
  'task_allocation',
  'creativity',
  'problem_solving',
] as const;
export const assessmentSkills = [...leadershipSkills, ...managementSkills] as const;
export type AssessmentSkill = (typeof assessmentSkills)[number];

export const assessmentSkillLabel: Record<AssessmentSkill, string> = {
  decision_making: 'Decision-making',
  communication: 'Communication',
  relationship_building: 'Relationship building',
  strategic_thinking: 'Strategic thinking',
  planning_budgeting: 'Planning and budgeting',
  task_allocation: 'Task allocation',
  creativity: 'Creativity',
  problem_solving: 'Problem-solving',
};

export const assessmentSkillGroup = (skill: AssessmentSkill): 'leadership' | 'management' =>
  (leadershipSkills as readonly string[]).includes(skill) ? 'leadership' : 'management';

/**
 * Peer answers are shown only as a mean over at least this many peers, and only once the person has
 * closed the round (no more answers come in), so no later answer can be told apart by subtraction.
 */
export const minPeerAnswers = 3;

/** Pulse results are shown only for groups of at least this many people. */
export const minPulseGroup = 5;

export interface Balance {
  /** Mean of the four leadership ratings (1–5), null when none is rated. */
  leadership: number | null;
  management: number | null;
  /** leadership − management: > 0 leans to leadership, < 0 to management. */
  lean: number | null;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** A person's leadership/management balance from ratings per skill (missing skills are left out). */
export function balanceOf(ratings: Partial<Record<AssessmentSkill, number | null>>): Balance {
  const of = (skills: readonly AssessmentSkill[]) =>
    mean(skills.flatMap((s) => (typeof ratings[s] === 'number' ? [ratings[s]] : [])));
  const leadership = of(leadershipSkills);
  const management = of(managementSkills);
  return {
    leadership: round1(leadership),
    management: round1(management),
    lean: leadership === null || management === null ? null : round1(leadership - management),
  };
}

/** How often a pair meets. */
export const cadences = ['weekly', 'fortnightly', 'monthly'] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceDays: Record<Cadence, number> = { weekly: 7, fortnightly: 14, monthly: 28 };
export const cadenceLabel: Record<Cadence, string> = {
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every four weeks',
};
export function cadenceOf(days: number): Cadence {
  if (days <= 7) return 'weekly';
  if (days <= 14) return 'fortnightly';
  return 'monthly';
}

/** 9-box: performance and potential, 1 (low) to 3 (high). */
export const nineBoxLabels: Record<string, string> = {
  '1-1': 'Talent risk',
  '2-1': 'Effective',
  '3-1': 'Trusted professional',
  '1-2': 'Inconsistent',
  '2-2': 'Core player',
  '3-2': 'High performer',
  '1-3': 'Rough diamond',
  '2-3': 'Growth talent',
  '3-3': 'Future leader',
};
/** `performance` and `potential` are 1–3. */
export const nineBoxLabel = (performance: number, potential: number): string =>
  nineBoxLabels[`${performance}-${potential}`] ?? '';

export const energyLabels = ['Drained', 'Low', 'Okay', 'Good', 'Energised'] as const;
export const workloadLabels = [
  'Far too little',
  'Too little',
  'About right',
  'Too much',
  'Far too much',
] as const;

const DAY_MS = 86_400_000;
export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
/** The Monday of the week of `date` (YYYY-MM-DD): the pulse period. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDaysIso(date, -((day + 6) % 7));
}
export function daysBetweenIso(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A new self-assessment round starts at least this long after the last one closed: two rounds that
 * differ by one reviewer could otherwise be subtracted to recover that reviewer's answers.
 */
export const minDaysBetweenRounds = 90;
