/**
 * The demo organization as plain data: a creative agency with people, strategy, clients, projects,
 * tasks and logged time, all dated relative to `today`. Pure and deterministic: the same options give
 * the same organization (a seeded generator, no clock, no I/O). Records refer to each other by their
 * index in their list (`managerIndex` is an index into `people`); create-demo.ts gives them ids.
 *
 * Guarantees (checked by generate.test.ts): exact people and task counts; reporting lines and task
 * dependencies have no cycles (a manager, and a dependency, always comes earlier in its list); every
 * task's skill and minimum level is held by someone and by its assignee; done tasks only depend on
 * done tasks; some open tasks are late; the manager account manages at least three active projects
 * and the member account has open tasks, at least one of them late; the organization takes Berlin's
 * public holidays and two members without a sign-in England's.
 */
import {
  checkInComments,
  clientNames,
  clientPrefixes,
  clientProjectTypes,
  clientSectors,
  companyValues,
  firstNames,
  goalTasks,
  internalProjectTypes,
  lastNames,
  organizationNames,
  passions,
  skillNames,
  skillTitles,
  strategy,
  teamDefinitions,
  timeEntryNotes,
  timeOffReasons,
  vision,
  type ProjectType,
  type SkillName,
  type TeamDefinition,
} from './content';
import { dateOf, dayNumber, nextWorkday, previousWorkday, workdays } from './dates';
import { generatePeopleSide, type DemoPeopleSide } from './generate-people-side';
import { createRng, type Rng } from './random';

export const demoLimits = {
  minPeople: 8,
  maxPeople: 2000,
  minTasks: 20,
  maxTasks: 50_000,
  maxSeed: 4_294_967_295,
} as const;

/** The organization created on first start. */
export const firstStartDemo = { people: 30, tasks: 400, seed: 1 } as const;

export interface DemoOptions {
  people: number;
  tasks: number;
  seed: number;
  /** YYYY-MM-DD; every date in the demo is relative to it. */
  today: string;
}

export type DemoRole = 'owner' | 'leader' | 'manager' | 'member';
export type DemoTaskStatus = 'todo' | 'doing' | 'blocked' | 'done';
export type DemoProjectStatus = 'planned' | 'active' | 'done';
export type DemoHorizon = 'quarter' | 'year' | 'multi-year';

export interface DemoTeam {
  name: string;
  leadIndex: number;
}
export interface DemoPersonSkill {
  skillIndex: number;
  level: number;
}
export interface DemoPerson {
  name: string;
  /** The part of the e-mail address before the @ (the domain is chosen when the demo is stored). */
  emailLocal: string;
  title: string;
  managerIndex: number | null;
  teamIndex: number | null;
  capacityHoursPerWeek: number;
  costRate: number;
  billRate: number;
  skills: DemoPersonSkill[];
  passions: string[];
  values: string[];
  growthGoals: { skillIndex: number; targetLevel: number }[];
  timeOff: { startDate: string; endDate: string; reason: string }[];
  /** Their own public-holiday region when it is not the organization's (a holidayCalendar code). */
  holidayRegion: string | null;
}
export interface DemoClient {
  name: string;
  ownerIndex: number;
}
export interface DemoPillar {
  name: string;
  description: string;
}
export interface DemoGoal {
  kind: 'objective' | 'key_result';
  /** Set on objectives; key results belong to their pillar through their objective. */
  pillarIndex: number | null;
  parentIndex: number | null;
  title: string;
  description: string;
  ownerIndex: number;
  horizon: DemoHorizon;
  isStretch: boolean;
  status: 'active';
  metricStart: number | null;
  metricTarget: number | null;
  metricCurrent: number | null;
  metricUnit: string | null;
  progressSource: 'metric' | 'work';
  dueDate: string | null;
  createdOn: string;
}
export interface DemoCheckIn {
  goalIndex: number;
  value: number | null;
  confidence: number;
  comment: string;
  date: string;
  authorIndex: number;
}
export interface DemoProject {
  name: string;
  description: string;
  clientIndex: number | null;
  managerIndex: number;
  startDate: string;
  deadline: string;
  budgetHours: number;
  budgetMoney: number;
  status: DemoProjectStatus;
  goalIndexes: number[];
  createdOn: string;
}
export interface DemoTask {
  projectIndex: number | null;
  goalIndex: number | null;
  title: string;
  description: string;
  estimateHours: number;
  skillIndex: number;
  minLevel: number;
  deadline: string;
  assigneeIndex: number | null;
  status: DemoTaskStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  position: number;
  /** Finish-to-start: indexes of earlier tasks of the same project. */
  dependsOn: number[];
  createdOn: string;
}
export interface DemoTimeEntry {
  taskIndex: number;
  personIndex: number;
  date: string;
  hours: number;
  note: string;
}
export interface DemoAccount {
  role: DemoRole;
  personIndex: number;
}

export interface DemoData {
  organization: { name: string; slug: string; vision: string; visionHorizon: string; holidayRegion: string };
  skills: string[];
  teams: DemoTeam[];
  people: DemoPerson[];
  clients: DemoClient[];
  pillars: DemoPillar[];
  goals: DemoGoal[];
  checkIns: DemoCheckIn[];
  projects: DemoProject[];
  tasks: DemoTask[];
  timeEntries: DemoTimeEntry[];
  /** One sign-in account per role, in the order owner, leader, manager, member. */
  accounts: DemoAccount[];
  /** Values, kudos, growth plans, 1:1s, talent reviews, pulse and assessments (generate-people-side.ts). */
  peopleSide: DemoPeopleSide;
}

export function checkDemoOptions(options: DemoOptions): void {
  const { people, tasks, seed, today } = options;
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(people, demoLimits.minPeople, demoLimits.maxPeople))
    throw new RangeError(
      `people must be a whole number from ${demoLimits.minPeople} to ${demoLimits.maxPeople} (got ${people})`,
    );
  if (!whole(tasks, demoLimits.minTasks, demoLimits.maxTasks))
    throw new RangeError(
      `tasks must be a whole number from ${demoLimits.minTasks} to ${demoLimits.maxTasks} (got ${tasks})`,
    );
  if (!whole(seed, 0, demoLimits.maxSeed))
    throw new RangeError(`seed must be a whole number from 0 to ${demoLimits.maxSeed} (got ${seed})`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || dateOf(dayNumber(today)) !== today)
    throw new RangeError(`today must be a date in the form YYYY-MM-DD (got ${today})`);
}

export function isLate(task: Pick<DemoTask, 'deadline' | 'status'>, today: string): boolean {
  return task.status !== 'done' && task.deadline < today;
}

const skillIndex = (name: SkillName): number => skillNames.indexOf(name);
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const round2 = (value: number) => Math.round(value * 100) / 100;

export function slugify(name: string): string {
  return asciiLower(name.replace(/&/g, ' and '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function asciiLower(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Splits `total` into parts by weight (largest remainder), each at least its minimum. */
function allocate(total: number, weights: readonly number[], minimums: readonly number[]): number[] {
  const parts = [...minimums];
  const rest = total - minimums.reduce((a, b) => a + b, 0);
  if (rest < 0) throw new Error('allocate: minimums exceed the total');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (rest * w) / weightSum);
  let given = 0;
  shares.forEach((share, i) => {
    const whole = Math.floor(share);
    parts[i]! += whole;
    given += whole;
  });
  const byRemainder = shares
    .map((share, i) => ({ i, r: share - Math.floor(share) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < rest - given; k++) parts[byRemainder[k % byRemainder.length]!.i]! += 1;
  return parts;
}

type PersonKind = 'owner' | 'lead' | 'manager' | 'member';

interface Staff {
  people: DemoPerson[];
  teams: DemoTeam[];
  kinds: PersonKind[];
  /** The team definition of each team in `teams`. */
  teamDefs: TeamDefinition[];
  /** Estimate drift of each person: actual ≈ estimate × bias. */
  bias: number[];
}

export function generateDemo(options: DemoOptions): DemoData {
  checkDemoOptions(options);
  const rng = createRng(options.seed);
  const t0 = dayNumber(options.today);
  const year = Number(options.today.slice(0, 4));

  const orgName = rng.pick(organizationNames);
  const staff = generateStaff(rng, options.people, t0);
  const { people, teams, kinds, teamDefs } = staff;
  const teamIndexByName = new Map(teamDefs.map((def, i) => [def.name, i]));
  const leadOf = (teamName: string | null): number | null => {
    const t = teamName === null ? undefined : teamIndexByName.get(teamName);
    return t === undefined ? null : teams[t]!.leadIndex;
  };

  const clients = generateClients(rng, people.length, staff, leadOf);
  const { pillars, goals, goalIndexByKey } = generateStrategy(rng, staff, leadOf, t0);
  const checkIns = generateCheckIns(rng, goals, t0);

  // Who holds which skill at which level: tasks only ask for what someone has.
  const maxLevel = skillNames.map(() => 0);
  const holders: number[][][] = skillNames.map(() => [[], [], [], [], [], []]);
  people.forEach((person, p) => {
    for (const s of person.skills) {
      maxLevel[s.skillIndex] = Math.max(maxLevel[s.skillIndex]!, s.level);
      for (let level = 1; level <= s.level; level++) holders[s.skillIndex]![level]!.push(p);
    }
  });
  const heldSkills = maxLevel.flatMap((level, s) => (level > 0 ? [s] : []));
  const resolveSkill = (name: SkillName): number => {
    const s = skillIndex(name);
    return maxLevel[s]! > 0 ? s : rng.pick(heldSkills);
  };

  const accountPerson = chooseManagerAccount(staff, teamIndexByName);
  const leaderPerson = chooseLeaderAccount(staff, teamIndexByName);
  const { projects, projectTypes } = generateProjects(rng, {
    tasks: options.tasks,
    clients,
    staff,
    teamIndexByName,
    managerAccount: accountPerson,
    goalIndexByKey,
    t0,
  });

  const work = generateTasks(rng, {
    tasks: options.tasks,
    projects,
    projectTypes,
    goalIndexByKey,
    people,
    kinds,
    holders,
    maxLevel,
    resolveSkill,
    t0,
  });
  const tasks = work.tasks;

  const memberPerson = chooseMemberAccount(staff, tasks, options.today, accountPerson);
  ensureLateTaskFor(memberPerson, tasks, projects, people, holders, t0, options.today);
  giveReportsTo(staff, accountPerson, memberPerson);

  setBudgets(rng, projects, tasks, people);
  const timeEntries = generateTimeEntries(rng, tasks, staff.bias, t0);
  const accountIndexes = [0, leaderPerson, accountPerson, memberPerson];
  placeInLondon(people, kinds, accountIndexes);
  // a stream of its own, so the people side never shifts the rest of the organization
  const peopleSide = generatePeopleSide(createRng((options.seed ^ 0x9e3779b9) >>> 0), {
    t0,
    people,
    kinds,
    teamNames: teamDefs.map((d) => d.name),
    projects,
    clients,
    tasks,
    accounts: accountIndexes,
  });

  return {
    organization: {
      name: orgName,
      slug: slugify(orgName),
      vision,
      visionHorizon: String(year + 4),
      holidayRegion: demoHolidayRegions.organization,
    },
    skills: [...skillNames],
    teams,
    people,
    clients,
    pillars,
    goals,
    checkIns,
    projects,
    tasks,
    timeEntries,
    accounts: [
      { role: 'owner', personIndex: 0 },
      { role: 'leader', personIndex: leaderPerson },
      { role: 'manager', personIndex: accountPerson },
      { role: 'member', personIndex: memberPerson },
    ],
    peopleSide,
  };
}

// ---------------------------------------------------------------------------------------------- people

/**
 * The agency sits in Berlin (its public holidays are everyone's days off) and has two people in
 * London, with England's, so the planner and the workload show someone whose holidays differ.
 */
export const demoHolidayRegions = { organization: 'DE-BE', london: 'GB-ENG' } as const;

/** The last two members without a sign-in work from London: chosen by position, drawing no randomness. */
function placeInLondon(
  people: DemoPerson[],
  kinds: readonly PersonKind[],
  accounts: readonly number[],
): void {
  const london = people
    .map((_, p) => p)
    .filter((p) => kinds[p] === 'member' && !accounts.includes(p))
    .slice(-2);
  for (const p of london) people[p]!.holidayRegion = demoHolidayRegions.london;
}

function uniqueNames(rng: Rng, count: number): { name: string; emailLocal: string }[] {
  const seen = new Set<string>();
  const names: { name: string; emailLocal: string }[] = [];
  const capacity = firstNames.length * lastNames.length;
  while (names.length < count) {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    let name = `${first} ${last}`;
    if (seen.has(name)) {
      if (seen.size < capacity * 0.8) continue;
      // a very large organization: tell namesakes apart by a middle initial
      name = `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`;
      if (seen.has(name)) continue;
    }
    seen.add(name);
    const local = asciiLower(name)
      .replace(/[^a-z0-9 ]+/g, '')
      .trim()
      .replace(/\s+/g, '.');
    names.push({ name, emailLocal: local });
  }
  return names;
}

function generateStaff(rng: Rng, count: number, t0: number): Staff {
  const teamCount = clamp(Math.floor((count - 1) / 3), 3, teamDefinitions.length);
  const teamDefs = teamDefinitions.slice(0, teamCount);
  const sizes = allocate(
    count - 1,
    teamDefs.map((d) => d.weight),
    teamDefs.map((d) => (d.name === 'Delivery' ? 2 : 1)),
  );
  const names = uniqueNames(rng, count);

  // index 0 is the owner, 1..teamCount the team leads, then everyone else in a mixed order
  const teamOf: (number | null)[] = [null, ...teamDefs.map((_, t) => t)];
  const rest: number[] = [];
  sizes.forEach((size, t) => {
    for (let k = 1; k < size; k++) rest.push(t);
  });
  teamOf.push(...rng.shuffled(rest));

  const kinds: PersonKind[] = teamOf.map((_, p) => (p === 0 ? 'owner' : p <= teamCount ? 'lead' : 'member'));
  const managerOf: (number | null)[] = teamOf.map((_, p) => (p === 0 ? null : 0));
  teamDefs.forEach((_, t) => {
    const lead = t + 1;
    const members = teamOf.flatMap((team, p) => (team === t && p !== lead ? [p] : []));
    // a team of more than eight gets managers in between: the earliest members, so managers come first
    const managerCount = members.length > 8 ? Math.ceil(members.length / 8) : 0;
    members.forEach((p, k) => {
      if (k < managerCount) {
        kinds[p] = 'manager';
        managerOf[p] = lead;
      } else managerOf[p] = managerCount > 0 ? members[k % managerCount]! : lead;
    });
  });

  const people: DemoPerson[] = [];
  const bias: number[] = [];
  for (let p = 0; p < count; p++) {
    const kind = kinds[p]!;
    const team = teamOf[p] ?? null;
    const def = team === null ? null : teamDefs[team]!;
    const skills = personSkills(rng, kind, def);
    const primary = skills[0]!;
    const title =
      kind === 'owner'
        ? 'Founder & Managing Director'
        : kind === 'lead'
          ? def!.leadTitle
          : kind === 'manager'
            ? def!.managerTitle
            : `${primary.level >= 4 ? 'Senior ' : ''}${skillTitles[skillNames[primary.skillIndex]!]}`;
    const capacity =
      kind === 'owner'
        ? 40
        : rng.weighted([
            [40, 75],
            [32, 15],
            [24, 10],
          ] as const);
    const costRate =
      kind === 'owner'
        ? 120
        : kind === 'lead'
          ? rng.int(80, 95)
          : kind === 'manager'
            ? rng.int(65, 80)
            : 30 + 8 * primary.level + rng.int(-4, 4);
    const billRate = kind === 'owner' ? 240 : roundTo(costRate * rng.real(1.9, 2.5), 5);
    people.push({
      name: names[p]!.name,
      emailLocal: names[p]!.emailLocal,
      title,
      managerIndex: managerOf[p] ?? null,
      teamIndex: team,
      capacityHoursPerWeek: capacity,
      costRate,
      billRate,
      skills,
      passions: rng.sample(passions, rng.int(1, 3)),
      values: rng.sample(companyValues, kind === 'owner' ? 3 : rng.int(1, 3)),
      growthGoals: growthGoals(rng, skills, def),
      timeOff: [],
      holidayRegion: null,
    });
    bias.push(clamp(1.08 + 0.12 * rng.normal(), 0.85, 1.45));
  }
  addTimeOff(rng, people, t0);
  const teams = teamDefs.map((def, t) => ({ name: def.name, leadIndex: t + 1 }));
  return { people, teams, kinds, teamDefs, bias };
}

function personSkills(rng: Rng, kind: PersonKind, def: TeamDefinition | null): DemoPersonSkill[] {
  if (kind === 'owner' || def === null) {
    return [
      { skillIndex: skillIndex('Brand strategy'), level: 5 },
      { skillIndex: skillIndex('Account management'), level: 4 },
      { skillIndex: skillIndex('Data analysis'), level: 3 },
    ];
  }
  const primaryName = kind === 'lead' ? def.primary[0]! : rng.pick(def.primary);
  const primaryLevel =
    kind === 'lead'
      ? rng.weighted([
          [5, 75],
          [4, 25],
        ] as const)
      : kind === 'manager'
        ? rng.weighted([
            [5, 40],
            [4, 60],
          ] as const)
        : rng.weighted([
            [2, 25],
            [3, 35],
            [4, 30],
            [5, 10],
          ] as const);
  const skills: DemoPersonSkill[] = [{ skillIndex: skillIndex(primaryName), level: primaryLevel }];
  const extraCount =
    kind === 'member'
      ? rng.weighted([
          [0, 25],
          [1, 40],
          [2, 25],
          [3, 10],
        ] as const)
      : rng.int(1, 2);
  const pool = [...def.primary, ...def.secondary];
  for (let k = 0; k < extraCount; k++) {
    const name = rng.chance(0.1) ? rng.pick(skillNames) : rng.pick(pool);
    const s = skillIndex(name);
    if (skills.some((x) => x.skillIndex === s)) continue;
    const level =
      kind === 'member'
        ? rng.weighted([
            [1, 35],
            [2, 40],
            [3, 20],
            [4, 5],
          ] as const)
        : rng.int(3, 4);
    skills.push({ skillIndex: s, level });
  }
  return skills;
}

function growthGoals(
  rng: Rng,
  skills: readonly DemoPersonSkill[],
  def: TeamDefinition | null,
): DemoPerson['growthGoals'] {
  if (!rng.chance(0.75)) return [];
  const goals: DemoPerson['growthGoals'] = [];
  const wanted = rng.int(1, 2);
  for (let attempt = 0; attempt < 6 && goals.length < wanted; attempt++) {
    let goal: { skillIndex: number; targetLevel: number } | null = null;
    if (rng.chance(0.55)) {
      const held = rng.pick(skills);
      if (held.level < 5) goal = { skillIndex: held.skillIndex, targetLevel: held.level + 1 };
    } else {
      const name = def ? rng.pick([...def.primary, ...def.secondary]) : rng.pick(skillNames);
      const s = skillIndex(name);
      if (!skills.some((x) => x.skillIndex === s)) goal = { skillIndex: s, targetLevel: rng.int(2, 3) };
    }
    if (goal && !goals.some((g) => g.skillIndex === goal.skillIndex)) goals.push(goal);
  }
  return goals;
}

function addTimeOff(rng: Rng, people: DemoPerson[], t0: number): void {
  const add = (person: DemoPerson, start: number, end: number, reason: string) => {
    const s = nextWorkday(start);
    person.timeOff.push({ startDate: dateOf(s), endDate: dateOf(Math.max(s, previousWorkday(end))), reason });
  };
  let count = 0;
  people.forEach((person, p) => {
    if (p === 0) return;
    if (rng.chance(0.02)) {
      const start = t0 - rng.int(10, 60);
      add(person, start, start + rng.int(60, 120), 'Parental leave');
      count++;
    } else if (rng.chance(0.2)) {
      const start = t0 + rng.int(-21, 42);
      add(person, start, start + rng.int(0, 11), rng.weighted(timeOffReasons));
      count++;
    }
  });
  // a few periods around today even in a tiny or unlucky organization
  for (let p = 1; count < 3 && p < people.length; p += 2) {
    const person = people[p]!;
    if (person.timeOff.length > 0) continue;
    const start = t0 + rng.int(-3, 20);
    add(person, start, start + rng.int(2, 8), 'Vacation');
    count++;
  }
}

function chooseManagerAccount(staff: Staff, teamIndexByName: Map<string, number>): number {
  const delivery = teamIndexByName.get('Delivery')!;
  const inDelivery = (kind: PersonKind) =>
    staff.people.findIndex((person, p) => person.teamIndex === delivery && staff.kinds[p] === kind);
  for (const kind of ['member', 'manager', 'lead'] as const) {
    const p = inDelivery(kind);
    if (p >= 0) return p;
  }
  return staff.teams[delivery]!.leadIndex;
}

function chooseLeaderAccount(staff: Staff, teamIndexByName: Map<string, number>): number {
  for (const name of ['Creative', 'Design', 'Development']) {
    const t = teamIndexByName.get(name);
    if (t !== undefined) return staff.teams[t]!.leadIndex;
  }
  return staff.teams[0]!.leadIndex;
}

/**
 * The member account: a maker with the most open work (earliest on a tie), listed after the manager
 * account when there is one, so that they can report to it (a manager always comes first in the list).
 */
function chooseMemberAccount(staff: Staff, tasks: readonly DemoTask[], today: string, after: number): number {
  const open = staff.people.map(() => 0);
  const late = staff.people.map(() => 0);
  for (const task of tasks) {
    if (task.assigneeIndex === null || task.status === 'done') continue;
    open[task.assigneeIndex]! += 1;
    if (isLate(task, today)) late[task.assigneeIndex]! += 1;
  }
  let best = -1;
  const isMaker = (p: number) => {
    const team = staff.people[p]!.teamIndex;
    return staff.kinds[p] === 'member' && team !== null && staff.teamDefs[team]!.isProduction;
  };
  const anyAfter = staff.people.some((_, p) => p > after && isMaker(p));
  staff.people.forEach((person, p) => {
    if (!isMaker(p) || (anyAfter && p <= after)) return;
    const score = open[p]! + (late[p]! > 0 ? 1000 : 0);
    if (best < 0 || score > open[best]! + (late[best]! > 0 ? 1000 : 0)) best = p;
  });
  if (best >= 0) return best;
  return staff.kinds.findIndex((kind) => kind === 'member');
}

/**
 * The manager account manages the member account (the 1:1 of the demo accounts) and, in a larger
 * organization, two more people of its own team or of the member's — all listed after it.
 */
function giveReportsTo(staff: Staff, manager: number, member: number): void {
  const { people, kinds } = staff;
  if (member > manager) people[member]!.managerIndex = manager;
  const teams = [people[manager]!.teamIndex, people[member]!.teamIndex];
  const more = people
    .map((_, p) => p)
    .filter(
      (p) => p > manager && p !== member && kinds[p] === 'member' && teams.includes(people[p]!.teamIndex),
    )
    .slice(0, 2);
  for (const p of more) people[p]!.managerIndex = manager;
  // the member account has a growth goal to talk about
  const person = people[member]!;
  if (person.growthGoals.length === 0) {
    const skill = person.skills.find((s) => s.level < 5) ?? person.skills[0]!;
    person.growthGoals.push({ skillIndex: skill.skillIndex, targetLevel: Math.min(5, skill.level + 1) });
  }
}

// ---------------------------------------------------------------------------------------------- clients and strategy

function generateClients(
  rng: Rng,
  peopleCount: number,
  staff: Staff,
  leadOf: (team: string | null) => number | null,
): DemoClient[] {
  const count = clamp(Math.round(peopleCount / 4), 8, 60);
  const extra = clientPrefixes.flatMap((prefix) => clientSectors.map((sector) => `${prefix} ${sector}`));
  const names = [...rng.shuffled(clientNames), ...rng.shuffled(extra)].slice(0, count);
  const accounts = leadOf('Accounts');
  const owners =
    accounts === null
      ? staff.teams.map((t) => t.leadIndex)
      : staff.people.flatMap((person, p) =>
          person.teamIndex === staff.people[accounts]!.teamIndex ? [p] : [],
        );
  // the owner keeps the two newest relationships (new business is the owner's work)
  return names.map((name, i) => ({
    name,
    ownerIndex: i >= count - 2 ? 0 : owners[i % owners.length]!,
  }));
}

function generateStrategy(
  rng: Rng,
  staff: Staff,
  leadOf: (team: string | null) => number | null,
  t0: number,
): { pillars: DemoPillar[]; goals: DemoGoal[]; goalIndexByKey: Map<string, number> } {
  const pillars: DemoPillar[] = [];
  const goals: DemoGoal[] = [];
  const goalIndexByKey = new Map<string, number>();
  const createdOn = (horizon: DemoHorizon) =>
    dateOf(
      t0 -
        (horizon === 'quarter' ? rng.int(40, 60) : horizon === 'year' ? rng.int(90, 150) : rng.int(200, 300)),
    );
  strategy.forEach((pillar, pillarIndex) => {
    pillars.push({ name: pillar.name, description: pillar.description });
    for (const objective of pillar.objectives) {
      const owner = leadOf(objective.team) ?? 0;
      const objectiveIndex = goals.length;
      goals.push({
        kind: 'objective',
        pillarIndex,
        parentIndex: null,
        title: objective.title,
        description: objective.description,
        ownerIndex: owner,
        horizon: objective.horizon,
        isStretch: objective.isStretch,
        status: 'active',
        metricStart: null,
        metricTarget: null,
        metricCurrent: null,
        metricUnit: null,
        progressSource: 'work',
        dueDate: null,
        createdOn: createdOn(objective.horizon),
      });
      // key results are owned by the objective's owner or a senior person of the same team
      const team = staff.people[owner]!.teamIndex;
      const seniors = staff.people.flatMap((person, p) =>
        team !== null && person.teamIndex === team && p !== owner && person.skills[0]!.level >= 4 ? [p] : [],
      );
      for (const kr of objective.keyResults) {
        goalIndexByKey.set(kr.key, goals.length);
        // the owner is drawn before the date, in the order the demo has always drawn them
        const ownerIndex = seniors.length > 0 && rng.chance(0.6) ? rng.pick(seniors) : owner;
        const krCreatedOn = createdOn(kr.horizon);
        goals.push({
          kind: 'key_result',
          pillarIndex: null,
          parentIndex: objectiveIndex,
          title: kr.title,
          description: kr.description,
          ownerIndex,
          horizon: kr.horizon,
          isStretch: kr.isStretch ?? false,
          status: 'active',
          metricStart: kr.metric?.start ?? null,
          metricTarget: kr.metric?.target ?? null,
          metricCurrent: kr.metric?.current ?? null,
          metricUnit: kr.metric?.unit ?? null,
          progressSource: kr.progressFrom ?? (kr.metric ? 'metric' : 'work'),
          dueDate: dueDateOf(krCreatedOn, kr.horizon),
          createdOn: krCreatedOn,
        });
      }
    }
  });
  return { pillars, goals, goalIndexByKey };
}

/** A key result is due one horizon after it was set (a multi-year one, three years), on a workday. */
function dueDateOf(createdOn: string, horizon: DemoHorizon): string {
  const span = horizon === 'quarter' ? 91 : horizon === 'year' ? 365 : 3 * 365;
  return dateOf(previousWorkday(dayNumber(createdOn) + span));
}

function generateCheckIns(rng: Rng, goals: readonly DemoGoal[], t0: number): DemoCheckIn[] {
  const checkIns: DemoCheckIn[] = [];
  const decimalsByTitle = new Map<string, number>();
  for (const pillar of strategy)
    for (const objective of pillar.objectives)
      for (const kr of objective.keyResults) decimalsByTitle.set(kr.title, kr.metric?.decimals ?? 0);

  goals.forEach((goal, goalIndex) => {
    if (goal.kind !== 'key_result') return;
    const hasMetric = goal.metricStart !== null && goal.metricTarget !== null && goal.metricCurrent !== null;
    const weeks = hasMetric ? rng.int(6, 10) : rng.int(3, 6);
    const weekdayOffset = rng.int(0, 4); // each owner checks in on "their" day of the week
    const step = 10 ** -(decimalsByTitle.get(goal.title) ?? 0);
    let confidence = rng.real(0.55, 0.85) - (goal.isStretch ? 0.2 : 0);
    let previous = goal.metricStart;
    for (let k = weeks - 1; k >= 0; k--) {
      const date = previousWorkday(t0 - 7 * k - weekdayOffset);
      let value: number | null = null;
      if (hasMetric) {
        const share = (weeks - k) / weeks;
        const trend = goal.metricStart! + (goal.metricCurrent! - goal.metricStart!) * share;
        const noise = k === 0 ? 0 : (goal.metricTarget! - goal.metricStart!) * 0.03 * rng.normal();
        const low = Math.min(goal.metricStart!, goal.metricTarget!);
        const high = Math.max(goal.metricStart!, goal.metricTarget!);
        // + 0 turns a rounded -0 into 0
        value = k === 0 ? goal.metricCurrent! : round2(roundTo(clamp(trend + noise, low, high), step)) + 0;
      }
      confidence = clamp(confidence + 0.06 * rng.normal(), 0.1, 0.95);
      const moved = value !== null && previous !== null && value !== previous;
      const comments = !hasMetric ? checkInComments.work : moved ? checkInComments.up : checkInComments.flat;
      checkIns.push({
        goalIndex,
        value,
        confidence: round2(confidence),
        comment: rng.chance(0.8) ? rng.pick(comments) : '',
        date: dateOf(Math.min(date, t0)),
        authorIndex: goal.ownerIndex,
      });
      previous = value;
    }
  });
  return checkIns;
}

// ---------------------------------------------------------------------------------------------- projects

interface ProjectContext {
  tasks: number;
  clients: readonly DemoClient[];
  staff: Staff;
  teamIndexByName: Map<string, number>;
  managerAccount: number;
  goalIndexByKey: Map<string, number>;
  t0: number;
}

function generateProjects(
  rng: Rng,
  ctx: ProjectContext,
): { projects: DemoProject[]; projectTypes: ProjectType[] } {
  const { t0, clients, staff } = ctx;
  const count = Math.max(6, Math.round(ctx.tasks / 27));
  const internalCount = Math.max(2, Math.round(count * 0.2));
  const clientCount = count - internalCount;
  const doneCount = Math.max(1, Math.round(count * 0.07));
  const plannedCount = count >= 10 ? Math.max(2, Math.round(count * 0.13)) : 1;

  // client projects: every client gets one before any gets a second; the last two clients are new
  const clientOrder = rng.shuffled(clients.map((_, i) => i));
  const statusOf: DemoProjectStatus[] = [];
  const clientSlots = rng.shuffled(Array.from({ length: clientCount }, (_, i) => i));
  const doneSlots = new Set(clientSlots.slice(0, doneCount));
  const plannedSlots = new Set(clientSlots.slice(doneCount, doneCount + plannedCount));

  const specs: { type: ProjectType; clientIndex: number | null; name: string }[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (name: string) => {
    let candidate = name;
    for (let n = 2; usedNames.has(candidate); n++) candidate = `${name} (${n})`;
    usedNames.add(candidate);
    return candidate;
  };
  for (let i = 0; i < clientCount; i++) {
    const clientIndex = clientOrder[i % clientOrder.length]!;
    const type = rng.pick(clientProjectTypes);
    specs.push({ type, clientIndex, name: uniqueName(`${clients[clientIndex]!.name} — ${type.name}`) });
    statusOf.push(doneSlots.has(i) ? 'done' : plannedSlots.has(i) ? 'planned' : 'active');
  }
  for (let i = 0; i < internalCount; i++) {
    const type = internalProjectTypes[i % internalProjectTypes.length]!;
    specs.push({ type, clientIndex: null, name: uniqueName(type.name) });
    statusOf.push('active');
  }

  // project managers: the Delivery team; the manager account runs the first three active projects
  const delivery = ctx.teamIndexByName.get('Delivery')!;
  const pool = rng.shuffled(staff.people.flatMap((person, p) => (person.teamIndex === delivery ? [p] : [])));
  let givenToAccount = 0;
  let next = 0;
  const newClients = new Set([clients.length - 1, clients.length - 2]);

  const projects = specs.map((spec, i): DemoProject => {
    const status = statusOf[i]!;
    let managerIndex: number;
    if (status === 'active' && givenToAccount < 3) {
      managerIndex = ctx.managerAccount;
      givenToAccount++;
    } else managerIndex = pool[next++ % pool.length]!;

    let start: number;
    let deadline: number;
    if (status === 'done') {
      deadline = t0 - rng.int(5, 40);
      start = deadline - rng.int(35, 90);
    } else if (status === 'planned') {
      start = t0 + rng.int(7, 35);
      deadline = start + rng.int(35, 90);
    } else {
      start = t0 - rng.int(14, 70);
      deadline = Math.max(t0 + rng.int(14, 80), start + 40);
    }
    start = nextWorkday(start);
    deadline = previousWorkday(deadline);

    const keys = [...spec.type.keyResults];
    const goalIndexes = [ctx.goalIndexByKey.get(spec.clientIndex === null ? keys[0]! : rng.pick(keys))!];
    const second =
      spec.clientIndex !== null && newClients.has(spec.clientIndex) ? 'new-clients-won' : rng.pick(keys);
    const secondIndex = ctx.goalIndexByKey.get(second)!;
    if (
      (spec.clientIndex === null || rng.chance(0.5) || second === 'new-clients-won') &&
      !goalIndexes.includes(secondIndex)
    )
      goalIndexes.push(secondIndex);

    return {
      name: spec.name,
      description:
        spec.clientIndex === null
          ? spec.type.description
          : `${spec.type.description} For ${clients[spec.clientIndex]!.name}.`,
      clientIndex: spec.clientIndex,
      managerIndex,
      startDate: dateOf(start),
      deadline: dateOf(deadline),
      budgetHours: 0,
      budgetMoney: 0,
      status,
      goalIndexes,
      createdOn: dateOf(Math.min(start - rng.int(3, 14), t0 - rng.int(0, 5))),
    };
  });
  return { projects, projectTypes: specs.map((s) => s.type) };
}

// ---------------------------------------------------------------------------------------------- tasks

interface TaskContext {
  tasks: number;
  projects: DemoProject[];
  projectTypes: ProjectType[];
  goalIndexByKey: Map<string, number>;
  people: DemoPerson[];
  kinds: PersonKind[];
  holders: number[][][];
  maxLevel: number[];
  resolveSkill: (name: SkillName) => number;
  t0: number;
}

const estimates = [
  [2, 6],
  [3, 6],
  [4, 12],
  [6, 12],
  [8, 16],
  [10, 8],
  [12, 10],
  [16, 10],
  [20, 7],
  [24, 5],
  [32, 4],
  [40, 3],
] as const;

function parseStep(step: string): { skill: SkillName; title: string } {
  const [skill, title] = step.split('|') as [SkillName, string];
  return { skill, title };
}

function generateTasks(rng: Rng, ctx: TaskContext): { tasks: DemoTask[] } {
  const { t0, projects } = ctx;
  const directCount = Math.max(3, Math.round(ctx.tasks * 0.025));
  const perProject = allocate(
    ctx.tasks - directCount,
    ctx.projectTypes.map((type) => type.size * rng.real(0.7, 1.3)),
    projects.map(() => 1),
  );
  const tasks: DemoTask[] = [];
  // open hours per person, to spread new work over the least loaded of a few qualified people
  const load = ctx.people.map(() => 0);
  const pickAssignee = (skill: number, minLevel: number, hours: number, isOpen: boolean): number => {
    const qualified = ctx.holders[skill]![minLevel]!;
    const candidates = qualified.filter((p) => ctx.kinds[p] !== 'owner');
    const pool = candidates.length > 0 ? candidates : qualified;
    let best = rng.pick(pool);
    if (isOpen) {
      for (let k = 0; k < 2; k++) {
        const other = rng.pick(pool);
        const score = (p: number) => load[p]! / ctx.people[p]!.capacityHoursPerWeek;
        if (score(other) < score(best)) best = other;
      }
      load[best]! += hours;
    }
    return best;
  };
  const minLevelFor = (skill: number) =>
    Math.min(
      rng.weighted([
        [1, 15],
        [2, 35],
        [3, 35],
        [4, 15],
      ] as const),
      ctx.maxLevel[skill]!,
    );

  projects.forEach((project, projectIndex) => {
    const type = ctx.projectTypes[projectIndex]!;
    const count = perProject[projectIndex]!;
    const start = dayNumber(project.startDate);
    const end = dayNumber(project.deadline);
    // spread the tasks over the phases by the phases' number of steps; drop phases that get none
    const stepCounts = type.phases.map((phase) => phase.length);
    const phaseCounts = allocate(
      count,
      stepCounts,
      stepCounts.map(() => 0),
    );
    const phases = type.phases.flatMap((steps, i) =>
      phaseCounts[i]! > 0 ? [{ steps, count: phaseCounts[i]! }] : [],
    );
    const span = end - start + 1;
    let position = 0;
    let previousPhase: number[] = [];
    let earlierPhase: number[] = [];
    phases.forEach((phase, p) => {
      const windowStart = start + Math.floor((p * span) / phases.length);
      const windowEnd = start + Math.floor(((p + 1) * span) / phases.length) - 1;
      const thisPhase: number[] = [];
      for (let k = 0; k < phase.count; k++) {
        const step = parseStep(phase.steps[k % phase.steps.length]!);
        const round = Math.floor(k / phase.steps.length);
        const skill = ctx.resolveSkill(step.skill);
        const estimate = rng.weighted(estimates);
        const length = Math.min(Math.max(1, Math.ceil((estimate / 6) * 1.4)), windowEnd - windowStart + 1);
        let plannedStart = nextWorkday(windowStart + rng.int(0, windowEnd - windowStart + 1 - length));
        if (plannedStart > windowEnd) plannedStart = previousWorkday(windowEnd);
        const plannedEnd = Math.max(
          plannedStart,
          previousWorkday(Math.min(plannedStart + length - 1, windowEnd)),
        );
        let deadline = nextWorkday(plannedEnd + rng.int(0, 4));
        if (deadline > end) deadline = Math.max(plannedEnd, end);

        const dependsOn: number[] = [];
        if (previousPhase.length > 0 && rng.chance(0.85)) dependsOn.push(rng.pick(previousPhase));
        if (previousPhase.length > 1 && rng.chance(0.3)) dependsOn.push(rng.pick(previousPhase));
        if (earlierPhase.length > 0 && rng.chance(0.1)) dependsOn.push(rng.pick(earlierPhase));

        const index = tasks.length;
        thisPhase.push(index);
        tasks.push({
          projectIndex,
          goalIndex: null,
          title: round === 0 ? step.title : `${step.title} (part ${round + 1})`,
          description: '',
          estimateHours: estimate,
          skillIndex: skill,
          minLevel: minLevelFor(skill),
          deadline: dateOf(deadline),
          assigneeIndex: null,
          status: 'todo',
          plannedStart: dateOf(plannedStart),
          plannedEnd: dateOf(plannedEnd),
          position: position++,
          dependsOn: [...new Set(dependsOn)].sort((a, b) => a - b),
          createdOn: project.createdOn,
        });
      }
      earlierPhase = [...earlierPhase, ...previousPhase];
      previousPhase = thisPhase;
    });
  });

  // a handful of tasks straight on key results (no project)
  for (let k = 0; k < directCount; k++) {
    const group = goalTasks[k % goalTasks.length]!;
    const round = Math.floor(k / goalTasks.length);
    const step = parseStep(group.steps[round % group.steps.length]!);
    const cycle = Math.floor(round / group.steps.length);
    const skill = ctx.resolveSkill(step.skill);
    const estimate = rng.weighted(estimates);
    const plannedStart = nextWorkday(t0 + rng.int(-35, 45));
    const plannedEnd = Math.max(plannedStart, previousWorkday(plannedStart + Math.ceil(estimate / 4)));
    tasks.push({
      projectIndex: null,
      goalIndex: ctx.goalIndexByKey.get(group.keyResult)!,
      title: cycle === 0 ? step.title : `${step.title} (part ${cycle + 1})`,
      description: '',
      estimateHours: estimate,
      skillIndex: skill,
      minLevel: minLevelFor(skill),
      deadline: dateOf(nextWorkday(plannedEnd + rng.int(1, 5))),
      assigneeIndex: null,
      status: 'todo',
      plannedStart: dateOf(plannedStart),
      plannedEnd: dateOf(plannedEnd),
      position: round,
      dependsOn: [],
      createdOn: dateOf(t0 - rng.int(30, 50)),
    });
  }

  // statuses follow the calendar, in list order so a task's dependencies are settled first
  for (const task of tasks) {
    const projectStatus = task.projectIndex === null ? 'active' : projects[task.projectIndex]!.status;
    const start = dayNumber(task.plannedStart!);
    const end = dayNumber(task.plannedEnd!);
    const depsDone = task.dependsOn.every((d) => tasks[d]!.status === 'done');
    let status: DemoTaskStatus;
    if (projectStatus === 'done') status = 'done';
    else if (projectStatus === 'planned') status = 'todo';
    else if (!depsDone)
      status =
        start <= t0
          ? rng.weighted([
              ['blocked', 50],
              ['todo', 50],
            ] as const)
          : rng.chance(0.05)
            ? 'blocked'
            : 'todo';
    else if (end < t0)
      status = rng.weighted([
        ['done', 90],
        ['doing', 7],
        ['blocked', 3],
      ] as const);
    else if (start <= t0)
      status = rng.weighted([
        ['doing', 55],
        ['done', 15],
        ['todo', 25],
        ['blocked', 5],
      ] as const);
    else status = rng.chance(0.03) ? 'doing' : 'todo';
    task.status = status;

    const unassignedChance = projectStatus === 'planned' ? 0.5 : start > t0 + 10 ? 0.35 : 0;
    if (status === 'todo' && rng.chance(unassignedChance)) {
      // left for the planner: no one and no dates yet
      task.plannedStart = null;
      task.plannedEnd = null;
    } else
      task.assigneeIndex = pickAssignee(
        task.skillIndex,
        task.minLevel,
        task.estimateHours,
        status !== 'done',
      );
  }
  return { tasks };
}

/** Makes sure the member account has open work and at least one late task. */
function ensureLateTaskFor(
  member: number,
  tasks: DemoTask[],
  projects: readonly DemoProject[],
  people: readonly DemoPerson[],
  holders: number[][][],
  t0: number,
  today: string,
): void {
  const mine = tasks.filter((t) => t.assigneeIndex === member && t.status !== 'done');
  if (mine.some((t) => isLate(t, today))) return;
  const depsDone = (t: DemoTask) => t.dependsOn.every((d) => tasks[d]!.status === 'done');
  const inActiveWork = (t: DemoTask) =>
    t.projectIndex === null || projects[t.projectIndex]!.status === 'active';
  const qualifies = (t: DemoTask) => holders[t.skillIndex]![t.minLevel]!.includes(member);
  const byStart = (a: DemoTask, b: DemoTask) =>
    (a.plannedStart ?? '9999').localeCompare(b.plannedStart ?? '9999');

  let task =
    mine.filter((t) => depsDone(t) && inActiveWork(t)).sort(byStart)[0] ??
    tasks
      .filter((t) => t.status !== 'done' && inActiveWork(t) && depsDone(t) && qualifies(t))
      .sort(byStart)[0];
  if (!task) {
    // a task on a goal has no dependencies and no dependents: give it a skill the member holds
    task = tasks.find((t) => t.projectIndex === null)!;
    const skill = people[member]!.skills[0]!;
    task.skillIndex = skill.skillIndex;
    task.minLevel = Math.min(task.minLevel, skill.level);
  }
  const deadline = previousWorkday(t0 - 3);
  task.assigneeIndex = member;
  task.status = 'doing';
  task.deadline = dateOf(deadline);
  task.plannedEnd = dateOf(deadline);
  const start =
    task.plannedStart === null ? deadline - 7 : Math.min(dayNumber(task.plannedStart), deadline - 4);
  task.plannedStart = dateOf(nextWorkday(start));
}

function setBudgets(
  rng: Rng,
  projects: DemoProject[],
  tasks: readonly DemoTask[],
  people: readonly DemoPerson[],
): void {
  const staff = people.slice(1);
  const billRate = staff.reduce((sum, p) => sum + p.billRate, 0) / staff.length;
  const costRate = staff.reduce((sum, p) => sum + p.costRate, 0) / staff.length;
  const hours = projects.map(() => 0);
  for (const task of tasks) if (task.projectIndex !== null) hours[task.projectIndex]! += task.estimateHours;
  projects.forEach((project, i) => {
    // some budgets are tight, so burn can run ahead of progress
    project.budgetHours = Math.max(10, roundTo(hours[i]! * rng.real(0.95, 1.3), 10));
    const rate = project.clientIndex === null ? costRate : billRate;
    project.budgetMoney = Math.max(500, roundTo(project.budgetHours * rate, 500));
  });
}

// ---------------------------------------------------------------------------------------------- time

function generateTimeEntries(
  rng: Rng,
  tasks: readonly DemoTask[],
  bias: readonly number[],
  t0: number,
): DemoTimeEntry[] {
  const entries: DemoTimeEntry[] = [];
  tasks.forEach((task, taskIndex) => {
    if ((task.status !== 'done' && task.status !== 'doing') || task.assigneeIndex === null) return;
    const person = task.assigneeIndex;
    const actual = task.estimateHours * bias[person]! * Math.exp(0.2 * rng.normal());
    const logged = task.status === 'done' ? actual : actual * rng.real(0.2, 0.8);
    const start = dayNumber(task.plannedStart!);
    const end = Math.min(dayNumber(task.plannedEnd!), t0);
    let days = workdays(Math.min(start, end), end);
    if (days.length === 0) days = [previousWorkday(end)];
    const pieces = clamp(Math.ceil(logged / 6), 1, days.length);
    let remaining = Math.max(0.5, roundTo(logged, 0.5));
    for (let k = 0; k < pieces; k++) {
      // one entry is at most a long day; time beyond that on a short task simply goes unlogged
      const share = k === pieces - 1 ? remaining : Math.max(0.5, roundTo(remaining / (pieces - k), 0.5));
      const hours = Math.min(share, 12);
      remaining -= share;
      const day = days[Math.floor((k * days.length) / pieces)]!;
      entries.push({
        taskIndex,
        personIndex: person,
        date: dateOf(day),
        hours,
        note: rng.chance(0.3) ? rng.pick(timeEntryNotes) : '',
      });
      if (remaining <= 0) break;
    }
  });
  return entries;
}
