/**
 * Tables of the leader's side: organization values and kudos, 1:1s, growth plans, talent
 * review, pulse, skills self-assessment and 360.
 *
 * Privacy shapes the tables: personal 1:1 notes live in their own table (never joined to anything a
 * third person reads); pulse responses keep their team as it was when they were given and survive the
 * deletion of their person or team, so an aggregate already shown never changes afterwards (a change
 * would let anyone subtract two aggregates and recover one answer).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('org_values_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('kudos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('from_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('value_id', 'text', (c) => c.references('org_values.id').onDelete('set null'))
    .addColumn('helped_others', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kudos_org_created').on('kudos').columns(['org_id', 'created_at']).execute();
  await db.schema.createIndex('kudos_to').on('kudos').columns(['org_id', 'to_id', 'created_at']).execute();

  await db.schema
    .createTable('one_on_ones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('one_on_ones_pair', ['org_id', 'manager_id', 'report_id'])
    .execute();
  await db.schema
    .createIndex('one_on_ones_report')
    .on('one_on_ones')
    .columns(['org_id', 'report_id'])
    .execute();

  await db.schema
    .createTable('one_on_one_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('one_on_ones.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('one_on_one_meetings_pair')
    .on('one_on_one_meetings')
    .columns(['pair_id', 'date'])
    .execute();

  await db.schema
    .createTable('one_on_one_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('one_on_ones.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('one_on_one_meetings.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('is_discussed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('one_on_one_agenda_meeting')
    .on('one_on_one_agenda_items')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('one_on_one_action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('one_on_ones.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.references('one_on_one_meetings.id').onDelete('set null'))
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('one_on_one_action_pair')
    .on('one_on_one_action_items')
    .column('pair_id')
    .execute();

  // Shared notes: the two participants read them. Personal notes: only their author, ever.
  for (const table of ['one_on_one_shared_notes', 'one_on_one_private_notes'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('pair_id', 'text', (c) => c.notNull().references('one_on_ones.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) =>
        c.notNull().references('one_on_one_meetings.id').onDelete('cascade'),
      )
      .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_meeting`).on(table).columns(['meeting_id', 'author_id']).execute();
  }

  await db.schema
    .createTable('growth_plans')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('mentor_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('aspiration', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('growth_plans_mentor')
    .on('growth_plans')
    .columns(['org_id', 'mentor_id'])
    .execute();

  await db.schema
    .createTable('growth_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('skill_id', 'text', (c) => c.references('skills.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('growth_milestones_person')
    .on('growth_milestones')
    .columns(['org_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('talent_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('performance', 'integer', (c) => c.notNull())
    .addColumn('potential', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('talent_reviews_person')
    .on('talent_reviews')
    .columns(['org_id', 'person_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('pulse_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // set null, not cascade: a closed week's aggregate must not change when someone leaves
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    // the team when answering; no foreign key, so deleting or re-forming teams never regroups old weeks
    .addColumn('team_id', 'text')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('energy', 'integer', (c) => c.notNull())
    .addColumn('workload', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pulse_responses_person_period', ['person_id', 'period'])
    .execute();
  await db.schema
    .createIndex('pulse_responses_org_period')
    .on('pulse_responses')
    .columns(['org_id', 'period'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('assessments_person')
    .on('assessments')
    .columns(['org_id', 'person_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('assessment_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('assessment_requests_reviewer', ['assessment_id', 'reviewer_id'])
    .execute();
  await db.schema
    .createIndex('assessment_requests_reviewer_idx')
    .on('assessment_requests')
    .columns(['org_id', 'reviewer_id'])
    .execute();

  // Self ratings have rater_id = the person; peer ratings are only ever read as aggregates.
  await db.schema
    .createTable('assessment_ratings')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('rater_id', 'text', (c) => c.notNull())
    .addColumn('is_self', 'integer', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_ratings_pk', ['assessment_id', 'rater_id', 'skill'])
    .execute();

  // An account whose password someone else chose (an owner creating it, or a reset from the server's
  // command line) must set its own before it can read anything: nobody can sign in as someone else
  // and read their 1:1s.
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
