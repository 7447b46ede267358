/**
 * Creates a generated demo organization (generate.ts) in the database, in one transaction, with one
 * sign-in account per role. Each account gets a fresh random password, returned once and stored only
 * as a hash. Sign-in e-mail addresses are unique across the installation: the organization's domain
 * (`<slug>.example`) gets a number when another organization already uses it.
 */
import type { Role } from '../../core/roles';
import type { Deps } from '../deps';
import { isoNow, today } from '../providers/clock';
import { newId, newSecret } from '../providers/ids';
import { generateDemo, type DemoData } from './generate';
import { demoTables, insertDemoRows, isEmailDomainInUse, type DemoRows, type DemoTable } from './repo';

export interface DemoSignIn {
  role: Role;
  email: string;
  password: string;
  name: string;
}

export interface CreatedDemo {
  orgId: string;
  organizationName: string;
  signIns: DemoSignIn[];
  /** Rows written, per table. */
  counts: Record<DemoTable, number>;
}

export interface CreateDemoOptions {
  people: number;
  tasks: number;
  seed: number;
}

/**
 * 16 letters and digits (about 95 random bits): easy to copy from a terminal, and never starts with a
 * dash that a shell command would take for a flag. Dropping '-' and '_' from uniformly random base64url
 * characters leaves uniformly random alphanumerics.
 */
export function newDemoPassword(): string {
  let password = '';
  while (password.length < 16) password += newSecret(24).replace(/[-_]/g, '');
  return password.slice(0, 16);
}

export async function createDemoOrganization(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  options: CreateDemoOptions,
): Promise<CreatedDemo> {
  const data = generateDemo({ ...options, today: today(deps.clock) });
  const passwords = data.accounts.map(() => newDemoPassword());
  const hashes = await Promise.all(passwords.map((password) => deps.passwords.hash(password)));
  const now = isoNow(deps.clock);

  return deps.db.transaction().execute(async (trx) => {
    let suffix = 1;
    const domainFor = (n: number) => `${data.organization.slug}${n === 1 ? '' : `-${n}`}.example`;
    while (await isEmailDomainInUse(trx, domainFor(suffix))) suffix++;
    const organizationName = suffix === 1 ? data.organization.name : `${data.organization.name} (${suffix})`;
    const { rows, orgId } = toRows(data, { domain: domainFor(suffix), organizationName, hashes, now });
    await insertDemoRows(trx, rows);
    const counts = Object.fromEntries(demoTables.map((table) => [table, rows[table].length])) as Record<
      DemoTable,
      number
    >;
    const signIns = data.accounts.map((account, i) => {
      const person = rows.people[account.personIndex]!;
      return { role: account.role, email: person.email!, password: passwords[i]!, name: person.name };
    });
    return { orgId, organizationName, signIns, counts };
  });
}

function toRows(
  data: DemoData,
  options: { domain: string; organizationName: string; hashes: string[]; now: string },
): { rows: DemoRows; orgId: string } {
  const { now } = options;
  const org_id = newId();
  const ids = (list: readonly unknown[]) => list.map(() => newId());
  const skillIds = ids(data.skills);
  const teamIds = ids(data.teams);
  const personIds = ids(data.people);
  const clientIds = ids(data.clients);
  const pillarIds = ids(data.pillars);
  const goalIds = ids(data.goals);
  const projectIds = ids(data.projects);
  const taskIds = ids(data.tasks);
  const at = (list: readonly string[], index: number | null) => (index === null ? null : list[index]!);
  // a date's record is stamped that morning, never later than now
  const stamp = (date: string, time = '09:00:00.000') => {
    const iso = `${date}T${time}Z`;
    return iso < now ? iso : now;
  };
  const emailOf = (local: string) => `${local}@${options.domain}`;

  const rows: DemoRows = {
    organizations: [
      {
        id: org_id,
        name: options.organizationName,
        vision: data.organization.vision,
        vision_horizon: data.organization.visionHorizon,
        created_at: now,
      },
    ],
    skills: data.skills.map((name, i) => ({ id: skillIds[i]!, org_id, name })),
    teams: data.teams.map((team, i) => ({
      id: teamIds[i]!,
      org_id,
      name: team.name,
      lead_id: personIds[team.leadIndex]!,
    })),
    people: data.people.map((person, i) => ({
      id: personIds[i]!,
      org_id,
      name: person.name,
      email: emailOf(person.emailLocal),
      title: person.title,
      manager_id: at(personIds, person.managerIndex),
      team_id: at(teamIds, person.teamIndex),
      capacity_hours_per_week: person.capacityHoursPerWeek,
      cost_rate: person.costRate,
      bill_rate: person.billRate,
      passions: JSON.stringify(person.passions),
      person_values: JSON.stringify(person.values),
      created_at: now,
      updated_at: now,
    })),
    users: data.accounts.map((account, i) => ({
      id: newId(),
      org_id,
      person_id: personIds[account.personIndex]!,
      email: emailOf(data.people[account.personIndex]!.emailLocal),
      password_hash: options.hashes[i]!,
      role: account.role,
      created_at: now,
    })),
    person_skills: data.people.flatMap((person, i) =>
      person.skills.map((s) => ({
        org_id,
        person_id: personIds[i]!,
        skill_id: skillIds[s.skillIndex]!,
        level: s.level,
      })),
    ),
    growth_goals: data.people.flatMap((person, i) =>
      person.growthGoals.map((g) => ({
        org_id,
        person_id: personIds[i]!,
        skill_id: skillIds[g.skillIndex]!,
        target_level: g.targetLevel,
      })),
    ),
    time_off: data.people.flatMap((person, i) =>
      person.timeOff.map((t) => ({
        id: newId(),
        org_id,
        person_id: personIds[i]!,
        start_date: t.startDate,
        end_date: t.endDate,
        reason: t.reason,
      })),
    ),
    clients: data.clients.map((client, i) => ({
      id: clientIds[i]!,
      org_id,
      name: client.name,
      owner_id: personIds[client.ownerIndex]!,
    })),
    pillars: data.pillars.map((pillar, i) => ({
      id: pillarIds[i]!,
      org_id,
      name: pillar.name,
      description: pillar.description,
      position: i,
    })),
    goals: data.goals.map((goal, i) => ({
      id: goalIds[i]!,
      org_id,
      pillar_id: at(pillarIds, goal.pillarIndex),
      parent_id: at(goalIds, goal.parentIndex),
      kind: goal.kind,
      title: goal.title,
      description: goal.description,
      owner_id: personIds[goal.ownerIndex]!,
      horizon: goal.horizon,
      is_stretch: goal.isStretch ? 1 : 0,
      status: goal.status,
      metric_start: goal.metricStart,
      metric_target: goal.metricTarget,
      metric_current: goal.metricCurrent,
      metric_unit: goal.metricUnit,
      created_at: stamp(goal.createdOn),
      updated_at: now,
    })),
    check_ins: data.checkIns.map((checkIn) => ({
      id: newId(),
      org_id,
      goal_id: goalIds[checkIn.goalIndex]!,
      value: checkIn.value,
      confidence: checkIn.confidence,
      comment: checkIn.comment,
      date: checkIn.date,
      author_id: personIds[checkIn.authorIndex]!,
      created_at: stamp(checkIn.date, '10:00:00.000'),
    })),
    projects: data.projects.map((project, i) => ({
      id: projectIds[i]!,
      org_id,
      name: project.name,
      description: project.description,
      client_id: at(clientIds, project.clientIndex),
      manager_id: personIds[project.managerIndex]!,
      start_date: project.startDate,
      deadline: project.deadline,
      budget_hours: project.budgetHours,
      budget_money: project.budgetMoney,
      status: project.status,
      created_at: stamp(project.createdOn),
      updated_at: now,
    })),
    project_goals: data.projects.flatMap((project, i) =>
      project.goalIndexes.map((g) => ({ org_id, project_id: projectIds[i]!, goal_id: goalIds[g]! })),
    ),
    tasks: data.tasks.map((task, i) => ({
      id: taskIds[i]!,
      org_id,
      project_id: at(projectIds, task.projectIndex),
      goal_id: at(goalIds, task.goalIndex),
      title: task.title,
      description: task.description,
      estimate_hours: task.estimateHours,
      skill_id: skillIds[task.skillIndex]!,
      min_level: task.minLevel,
      deadline: task.deadline,
      assignee_id: at(personIds, task.assigneeIndex),
      status: task.status,
      planned_start: task.plannedStart,
      planned_end: task.plannedEnd,
      position: task.position,
      created_at: stamp(task.createdOn),
      updated_at: now,
    })),
    task_dependencies: data.tasks.flatMap((task, i) =>
      task.dependsOn.map((d) => ({ org_id, task_id: taskIds[i]!, depends_on_id: taskIds[d]! })),
    ),
    time_entries: data.timeEntries.map((entry) => ({
      id: newId(),
      org_id,
      task_id: taskIds[entry.taskIndex]!,
      person_id: personIds[entry.personIndex]!,
      date: entry.date,
      hours: entry.hours,
      note: entry.note,
      created_at: stamp(entry.date, '17:30:00.000'),
    })),
  };
  return { rows, orgId: org_id };
}
