import type { Generated } from 'kysely';

/**
 * Table types of the leader's side (migration 0003-people-side). Same portable column types as
 * schema.ts: text ids, ISO text dates, 0/1 integers for booleans.
 */
export interface OrgValuesTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  position: number;
  created_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface KudosTable {
  id: string;
  org_id: string;
  from_id: string;
  to_id: string;
  message: string;
  value_id: string | null;
  helped_others: number;
  created_at: string;
}
export interface OneOnOnesTable {
  id: string;
  org_id: string;
  /** 'manager' (a manager and a direct report) or 'mentor' (a mentor and their mentee). */
  kind: string;
  /** The manager, or the mentor, who holds the 1:1. */
  manager_id: string;
  /** The report, or the mentee. */
  report_id: string;
  cadence_days: number;
  is_active: number;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface OneOnOneMeetingsTable {
  id: string;
  org_id: string;
  pair_id: string;
  date: string;
  /** 'upcoming' | 'held' */
  status: string;
  held_at: string | null;
  created_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface OneOnOneAgendaItemsTable {
  id: string;
  org_id: string;
  pair_id: string;
  meeting_id: string;
  author_id: string | null;
  /** 'person' (someone wrote it) or 'context' (pre-filled by Tandem) */
  source: string;
  text: string;
  is_discussed: number;
  created_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface OneOnOneActionItemsTable {
  id: string;
  org_id: string;
  pair_id: string;
  meeting_id: string | null;
  owner_id: string | null;
  text: string;
  due_date: string | null;
  done_at: string | null;
  created_by: string | null;
  created_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface OneOnOneNotesTable {
  id: string;
  org_id: string;
  pair_id: string;
  meeting_id: string;
  author_id: string;
  body: string;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface GrowthPlansTable {
  person_id: string;
  org_id: string;
  mentor_id: string | null;
  aspiration: string;
  created_at: string;
  updated_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface GrowthMilestonesTable {
  id: string;
  org_id: string;
  person_id: string;
  skill_id: string | null;
  title: string;
  due_date: string | null;
  done_at: string | null;
  created_at: string;
  /** Goes up by one with every write of the row (migration 0006); a PATCH/PUT may name the one it expects. */
  version: Generated<number>;
}
export interface TalentReviewsTable {
  id: string;
  org_id: string;
  person_id: string;
  reviewer_id: string | null;
  performance: number;
  potential: number;
  note: string;
  created_at: string;
}
export interface PulseResponsesTable {
  id: string;
  org_id: string;
  person_id: string | null;
  team_id: string | null;
  /** The Monday (YYYY-MM-DD) of the week answered for. */
  period: string;
  energy: number;
  workload: number;
  comment: string;
  created_at: string;
  updated_at: string;
}
export interface AssessmentsTable {
  id: string;
  org_id: string;
  person_id: string;
  /** 'open' | 'closed' */
  status: string;
  created_at: string;
  closed_at: string | null;
}
export interface AssessmentRequestsTable {
  id: string;
  org_id: string;
  assessment_id: string;
  reviewer_id: string;
  /** 'pending' | 'answered' | 'declined' */
  status: string;
  created_at: string;
  answered_at: string | null;
}
export interface AssessmentRatingsTable {
  org_id: string;
  assessment_id: string;
  rater_id: string;
  is_self: number;
  skill: string;
  rating: number;
}

export interface PeopleSideTables {
  org_values: OrgValuesTable;
  kudos: KudosTable;
  one_on_ones: OneOnOnesTable;
  one_on_one_meetings: OneOnOneMeetingsTable;
  one_on_one_agenda_items: OneOnOneAgendaItemsTable;
  one_on_one_action_items: OneOnOneActionItemsTable;
  one_on_one_shared_notes: OneOnOneNotesTable;
  one_on_one_private_notes: OneOnOneNotesTable;
  growth_plans: GrowthPlansTable;
  growth_milestones: GrowthMilestonesTable;
  talent_reviews: TalentReviewsTable;
  pulse_responses: PulseResponsesTable;
  assessments: AssessmentsTable;
  assessment_requests: AssessmentRequestsTable;
  assessment_ratings: AssessmentRatingsTable;
}
