/**
 * Table types for Kysely. Portable column types only, so one set of migrations serves SQLite and
 * PostgreSQL: ids are text, timestamps are ISO-8601 text, dates are YYYY-MM-DD text, booleans are
 * integers 0/1, lists of short strings are JSON text.
 */
import type { Generated } from 'kysely';
import type { PeopleSideTables } from './schema-people-side';

export interface OrganizationsTable {
  id: string;
  name: string;
  vision: string;
  vision_horizon: string;
  created_at: string;
  /** Country or region whose public holidays are days off, e.g. DE-BE (migration 0010). */
  holiday_region: string | null;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface UsersTable {
  id: string;
  org_id: string;
  person_id: string | null;
  email: string;
  password_hash: string;
  role: string;
  created_at: string;
  /** 1 while the password was chosen by someone else (see migration 0003). */
  must_change_password: Generated<number>;
}
export interface SessionsTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  org_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface TeamsTable {
  id: string;
  org_id: string;
  name: string;
  lead_id: string | null;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface PeopleTable {
  id: string;
  org_id: string;
  name: string;
  email: string | null;
  title: string;
  manager_id: string | null;
  team_id: string | null;
  capacity_hours_per_week: number;
  cost_rate: number;
  bill_rate: number;
  passions: string; // JSON array
  person_values: string; // JSON array
  /** The person's own holiday region when it is not the organization's (migration 0010). */
  holiday_region: string | null;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface SkillsTable {
  id: string;
  org_id: string;
  name: string;
}
export interface PersonSkillsTable {
  org_id: string;
  person_id: string;
  skill_id: string;
  level: number;
}
export interface GrowthGoalsTable {
  org_id: string;
  person_id: string;
  skill_id: string;
  target_level: number;
}
export interface TimeOffTable {
  id: string;
  org_id: string;
  person_id: string;
  start_date: string;
  end_date: string;
  reason: string;
}
export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  owner_id: string | null;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface PillarsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  position: number;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface GoalsTable {
  id: string;
  org_id: string;
  pillar_id: string | null;
  parent_id: string | null;
  kind: string;
  title: string;
  description: string;
  owner_id: string | null;
  horizon: string;
  is_stretch: number;
  status: string;
  metric_start: number | null;
  metric_target: number | null;
  metric_current: number | null;
  metric_unit: string | null;
  /** 'metric' | 'work': which figure its progress counts (migration 0007, core/progress.ts). */
  progress_source: string;
  /** YYYY-MM-DD or null (migration 0007). */
  due_date: string | null;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface CheckInsTable {
  id: string;
  org_id: string;
  goal_id: string;
  value: number | null;
  confidence: number;
  comment: string;
  date: string;
  author_id: string | null;
  created_at: string;
}
export interface ProjectsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  client_id: string | null;
  manager_id: string | null;
  start_date: string | null;
  deadline: string | null;
  budget_hours: number | null;
  budget_money: number | null;
  status: string;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface ProjectGoalsTable {
  org_id: string;
  project_id: string;
  goal_id: string;
}
export interface TasksTable {
  id: string;
  org_id: string;
  project_id: string | null;
  goal_id: string | null;
  title: string;
  description: string;
  estimate_hours: number | null;
  skill_id: string | null;
  min_level: number | null;
  deadline: string | null;
  assignee_id: string | null;
  status: string;
  planned_start: string | null;
  planned_end: string | null;
  /** 1: the planner keeps its person and dates (migration 0002). */
  pinned: Generated<number>;
  position: number;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface TaskDependenciesTable {
  org_id: string;
  task_id: string;
  depends_on_id: string;
}
export interface TimeEntriesTable {
  id: string;
  org_id: string;
  task_id: string;
  person_id: string;
  date: string;
  hours: number;
  note: string;
  created_at: string;
}
export interface PlanRunsTable {
  id: string;
  org_id: string;
  created_by: string | null;
  created_by_name: string | null;
  scope_project_ids: string | null; // JSON array; null = the whole organization
  keep_assignees: number;
  time_limit_ms: number;
  seed: number;
  status: string;
  engine_status: string | null;
  today: string;
  start_date: string;
  fingerprint: string;
  schedules: number;
  elapsed_ms: number;
  best_lateness_hours: number | null;
  figures: string | null; // JSON
  issues: string; // JSON
  message: string | null;
  task_count: number;
  changed_count: number;
  unplaceable_count: number;
  cancel_requested: number;
  created_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  applied_at: string | null;
  applied_count: number;
  /** The queue that claimed the run (host, pid, tag); null while queued. */
  runner: string | null;
}
export interface PlanProposalsTable {
  run_id: string;
  org_id: string;
  task_id: string;
  position: number;
  title: string;
  project_id: string | null;
  hours: number;
  deadline: string | null;
  task_hash: string;
  current_person_id: string | null;
  current_start: string | null;
  current_end: string | null;
  proposed_person_id: string | null;
  proposed_start: string | null;
  proposed_end: string | null;
  current_late_hours: number;
  proposed_late_hours: number;
  is_changed: number;
  is_pinned: number;
  is_in_progress: number;
  is_growth: number;
  headline: string;
  reasons: string; // JSON array
  unplaceable: string | null;
  applied_at: string | null;
  /** The engine's hours per date (JSON [[date, hours], …]) for a placed, unpinned task (migration 0004). */
  proposed_daily: string | null;
  proposed_finish_hour: number | null;
  /** The hour of its first day at which the engine starts it (migration 0008). */
  proposed_start_hour: number | null;
  /** What the change buys (core/plan-trade.ts ChangeReason; migration 0009); null when unchanged. */
  change_reason: string | null;
}
/** How an applied plan laid a task's hours on days, and what it was laid for (migration 0004). */
export interface TaskLayoutsTable {
  task_id: string;
  org_id: string;
  person_id: string;
  planned_start: string;
  planned_end: string;
  hours: number;
  finish_hour: number;
  /** null in layouts applied before migration 0008. */
  start_hour: number | null;
  daily: string; // JSON [[date, hours], …]
  run_id: string;
  applied_at: string;
}
export interface MetaTable {
  key: string;
  value: string;
}

/** The first-start demo's sign-ins on PostgreSQL (migration 0011; SQLite keeps them in a file). */
export interface DemoSignInsTable {
  org_id: string;
  position: number;
  role: string;
  email: string;
  password: string;
}

/** rate-limiter-flexible's counters (PostgreSQL; see migration 0013). */
export interface SignInLimitsTable {
  key: string;
  points: number;
  /** Epoch milliseconds; PostgreSQL returns bigint as text. */
  expire: string | number | null;
}

export interface Database extends PeopleSideTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  teams: TeamsTable;
  people: PeopleTable;
  skills: SkillsTable;
  person_skills: PersonSkillsTable;
  growth_goals: GrowthGoalsTable;
  time_off: TimeOffTable;
  clients: ClientsTable;
  pillars: PillarsTable;
  goals: GoalsTable;
  check_ins: CheckInsTable;
  projects: ProjectsTable;
  project_goals: ProjectGoalsTable;
  tasks: TasksTable;
  task_dependencies: TaskDependenciesTable;
  time_entries: TimeEntriesTable;
  plan_runs: PlanRunsTable;
  plan_proposals: PlanProposalsTable;
  task_layouts: TaskLayoutsTable;
  meta: MetaTable;
  demo_sign_ins: DemoSignInsTable;
  sign_in_limits: SignInLimitsTable;
}
