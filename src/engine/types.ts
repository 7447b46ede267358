/**
 * Public types of the planning engine. Everything here is plain data (JSON-serialisable), so the
 * server can build a PlanInput from the database and ship a PlanResult to the web app unchanged.
 *
 * Time is a count of periods (days for the product, abstract units for the benchmarks), starting at 0.
 * An activity occupies the half-open interval [start, finish).
 */

/** A finish-to-start link: the activity may start `lag` periods after `activity` finishes. */
export interface PredecessorLink {
  activity: string;
  /** Extra periods between the predecessor's finish and this start (default 0; may be negative). */
  lag?: number;
}

/** The individual skill an activity needs: one person with `skill` at a level >= `level`. */
export interface SkillRequirement {
  skill: string;
  /** Minimum level (default 0: any person who has the skill at all). */
  level?: number;
}

export interface Activity {
  id: string;
  /**
   * Work in periods of a full-capacity person (or plain periods when no person is needed). With a
   * person's calendar (capacity per period, days off) the activity stretches over as many calendar
   * periods as it takes to deliver this much work.
   */
  duration: number;
  predecessors?: (string | PredecessorLink)[];
  /** Renewable resource demands (classic RCPSP): resource id -> units used in every period. */
  demands?: Record<string, number>;
  /** Multi-skill: one qualified person does the whole activity, one activity at a time. */
  skill?: SkillRequirement;
  /** The activity may not start before this period (default 0). */
  release?: number;
  /** Soft due date (period by which it should finish); lateness costs `weight` per period. */
  deadline?: number;
  /** Weight of tardiness (default 1). */
  weight?: number;
  /** Hard pins: a fixed person and/or a fixed start period. */
  pin?: { person?: string; start?: number };
  /**
   * Where the plan in force today has this activity: its person and its start period (default: none,
   * a new activity). The 'stability' objective counts departures from it, and the search starts from
   * this plan as well as from its own, so a plan that keeps it is returned unless another one is
   * better by an objective that comes before 'stability'.
   */
  current?: { person?: string; start?: number };
}

/** A renewable resource pool with a constant capacity per period. */
export interface Resource {
  id: string;
  capacity: number;
}

/**
 * When a person can work. Capacity is work per period (1 = a full period of work, 0.5 = half-time,
 * 0 = not working). `periods[t]` overrides the capacity of period t; `daysOff` sets capacity 0.
 */
export interface Calendar {
  /** Capacity of every period not otherwise listed (default 1). */
  capacity?: number;
  /** Explicit capacity of periods 0, 1, 2, … (for example hours per day / 8). */
  periods?: number[];
  /** Periods with no work at all (holidays, leave). */
  daysOff?: number[];
}

export interface Person {
  id: string;
  /** Skill -> level the person has (a skill absent from the map is not held). */
  skills: Record<string, number>;
  calendar?: Calendar;
  /** Cost per period of work (salary or hourly rate x hours); default 0. */
  rate?: number;
  /**
   * Growth goals and passions: skill -> weight (higher = the person would rather do this work).
   * Only used by the 'preference' objective.
   */
  preferences?: Record<string, number>;
}

/**
 * Objectives, minimised lexicographically in the order given. 'makespan' = finish of the last
 * activity; 'tardiness' = sum of weight x periods late; 'balance' = sum over people of the squared
 * work they get (scaled by their capacity), lower = more even; 'preference' = the sum of preference
 * weight x work is maximised; 'cost' = sum of rate x work; 'stability' = how far the plan moves from
 * the plan in force (`Activity.current`): for each activity, `PlanInput.personChangeCost` when it
 * goes to someone other than its current person, plus the periods it starts after its current start.
 * Starting earlier is not counted: work that moves up because its person is freed disturbs no promise
 * made on it, and only work pushed later or handed over does.
 */
export type Objective = 'makespan' | 'tardiness' | 'balance' | 'preference' | 'cost' | 'stability';

export interface PlanInput {
  activities: Activity[];
  resources?: Resource[];
  people?: Person[];
  /** Lexicographic objectives (default ['makespan']). */
  objectives?: Objective[];
  /**
   * What handing an activity to someone other than its current person costs in the 'stability'
   * objective, in periods of starting it later (a whole number; default 40: in the product's hourly
   * periods, a working week).
   */
  personChangeCost?: number;
}

export interface ProgressReport {
  schedules: number;
  elapsedMs: number;
  /** Objective values of the best plan so far, in the order of `objectives`. */
  best: number[];
}

export interface PlanOptions {
  /** Seed of the engine's own PRNG; the same seed and input give the same plan (default 1). */
  seed?: number;
  /**
   * Budget in generated schedules: one pass of the schedule generation scheme is one schedule, and
   * each pass of forward-backward improvement counts too (default 5000).
   */
  maxSchedules?: number;
  /** Budget in milliseconds of wall time; when it runs out the best plan so far is returned with status 'timedout' (default: none). */
  timeLimitMs?: number;
  /** Called about once per generation with the best objective values so far. */
  onProgress?: (report: ProgressReport) => void;
  /** Aborting returns the best plan so far with status 'cancelled'. */
  signal?: AbortSignal;
  /** Genetic algorithm population size (default: chosen from the budget and the instance size). */
  populationSize?: number;
  /** Clock in milliseconds (default performance.now); tests replace it instead of waiting. */
  now?: () => number;
}

export type PlanStatus = 'optimal' | 'feasible' | 'timedout' | 'cancelled' | 'infeasible' | 'invalid';

export type IssueKind =
  | 'precedence-cycle'
  | 'unknown-activity'
  | 'unknown-resource'
  | 'unknown-person'
  | 'duplicate-id'
  | 'bad-number'
  | 'no-qualified-person'
  | 'demand-exceeds-capacity'
  | 'pinned-person-unqualified'
  | 'pin-before-release'
  | 'pin-before-predecessors'
  | 'pins-overlap'
  | 'pin-on-day-off'
  | 'no-working-time'
  | 'pin-violated';

/** Why a plan could not be made (status 'infeasible' or 'invalid'), naming what is at fault. */
export interface PlanIssue {
  kind: IssueKind;
  /** Offending activity ids, e.g. the cycle A, B, A or the activity nobody can do. */
  activities: string[];
  /** Other ids involved (people, resources, skills). */
  related?: string[];
  message: string;
}

/** One reason behind an activity's person and start, for the product to turn into plain words. */
export type Reason =
  | { kind: 'pinned-start'; start: number }
  | { kind: 'pinned-person'; person: string }
  | { kind: 'project-start' }
  | { kind: 'release'; release: number }
  | { kind: 'waited-for-predecessor'; predecessor: string; finish: number; lag: number }
  | { kind: 'person-busy'; person: string; with: string; until: number }
  | { kind: 'person-off'; person: string; until: number }
  | { kind: 'resource-full'; resource: string; busyWith: string[] }
  | { kind: 'earliest-qualified-person'; person: string; candidates: number }
  | { kind: 'other-person-later'; person: string; couldFinish: number; reason: 'busy' | 'off' }
  | { kind: 'tie-broken-by'; criterion: 'balance' | 'preference' | 'cost' | 'versatility' }
  | { kind: 'sequenced-for-objective' }
  /** The activity keeps the person the plan in force gives it (`Activity.current`). */
  | { kind: 'kept-current-person'; person: string }
  /**
   * The activity leaves its current person: when they could have finished it in this plan without
   * moving anything else (null: never), or that they lack the skill or level.
   */
  | {
      kind: 'left-current-person';
      person: string;
      couldFinish: number | null;
      reason: 'busy' | 'off' | 'unqualified';
    };

export interface ActivityPlan {
  activity: string;
  start: number;
  finish: number;
  /** The person doing it (activities with a skill requirement), otherwise absent. */
  person?: string;
  /** Periods late against the deadline (0 when on time or without deadline). */
  tardiness: number;
  why: Reason[];
}

export interface PlanResult {
  status: PlanStatus;
  /** Present unless status is 'infeasible' / 'invalid' (or cancelled before the first schedule). */
  activities: ActivityPlan[];
  /** Objective values of the returned plan, in the order of `objectives`. */
  objectives: Objective[];
  values: number[];
  makespan: number;
  /** Best lower bound on the first objective known to the engine (critical path, energy, …). */
  lowerBound: number;
  schedules: number;
  elapsedMs: number;
  issues: PlanIssue[];
}
