/** All SQL of accounts: users, sessions, API tokens, organizations at sign-up. */
import { preparedQuery } from '../../../db/prepared';
import type { DB } from '../../deps';

/** The accounts of an email across organizations (emails are unique per organization only). */
export async function findUsersByEmail(db: DB, email: string, limit: number) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.org_id')
    .selectAll('users')
    .select('organizations.name as org_name')
    .where('users.email', '=', email)
    .orderBy('users.created_at')
    .orderBy('users.id')
    .limit(limit)
    .execute();
}

export async function findUserByEmailInOrg(db: DB, orgId: string, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The account linked to a person, if any (one account per person: see createUser). */
export async function findUserByPerson(db: DB, orgId: string, personId: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function findUser(db: DB, orgId: string, userId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function getUserProfile(db: DB, orgId: string, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.org_id')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.role',
      'users.person_id as personId',
      'users.must_change_password',
      'people.name as personName',
      'organizations.id as orgId',
      'organizations.name as orgName',
    ])
    .where('users.org_id', '=', orgId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function insertSession(
  db: DB,
  row: { id: string; userId: string; orgId: string; csrfToken: string; createdAt: string; expiresAt: string },
) {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      user_id: row.userId,
      org_id: row.orgId,
      csrf_token: row.csrfToken,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      revoked_at: null,
    })
    .execute();
}

// Every request looks its credential up: compiled once (db/prepared.ts).
const liveSession = preparedQuery((db: DB, _shape: null, v: { id: string; now: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'users.id as userId',
      'users.org_id as orgId',
      'users.role',
      'users.person_id as personId',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', v.id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', v.now)
    .limit(1),
);

export async function findLiveSession(db: DB, id: string, now: string) {
  return (await liveSession(db, null, { id, now }))[0];
}

export async function revokeSession(db: DB, id: string, now: string) {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function revokeUserSessions(db: DB, orgId: string, userId: string, now: string) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertToken(
  db: DB,
  row: {
    id: string;
    userId: string;
    orgId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    createdAt: string;
  },
) {
  await db
    .insertInto('api_tokens')
    .values({
      id: row.id,
      user_id: row.userId,
      org_id: row.orgId,
      name: row.name,
      prefix: row.prefix,
      token_hash: row.tokenHash,
      created_at: row.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

const liveToken = preparedQuery((db: DB, _shape: null, v: { tokenHash: string }) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.last_used_at',
      'users.id as userId',
      'users.org_id as orgId',
      'users.role',
      'users.person_id as personId',
      'users.must_change_password',
    ])
    .where('api_tokens.token_hash', '=', v.tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .limit(1),
);

export async function findLiveToken(db: DB, tokenHash: string) {
  return (await liveToken(db, null, { tokenHash }))[0];
}

export async function touchToken(db: DB, id: string, now: string) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** A page of the user's live tokens, newest first, and how many there are in all. */
export async function listTokens(
  db: DB,
  orgId: string,
  userId: string,
  range: { limit: number; offset: number },
) {
  const query = db
    .selectFrom('api_tokens')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function revokeToken(
  db: DB,
  orgId: string,
  userId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countOrganizations(db: DB): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOrganization(db: DB, row: { id: string; name: string; createdAt: string }) {
  await db
    .insertInto('organizations')
    .values({ id: row.id, name: row.name, vision: '', vision_horizon: '', created_at: row.createdAt })
    .execute();
}

export async function insertUser(
  db: DB,
  row: {
    id: string;
    orgId: string;
    personId: string | null;
    email: string;
    passwordHash: string;
    role: string;
    createdAt: string;
    /** The password was chosen by someone else: the account must set its own before anything else. */
    mustChangePassword?: boolean;
  },
) {
  await db
    .insertInto('users')
    .values({
      id: row.id,
      org_id: row.orgId,
      person_id: row.personId,
      email: row.email,
      password_hash: row.passwordHash,
      role: row.role,
      created_at: row.createdAt,
      must_change_password: row.mustChangePassword ? 1 : 0,
    })
    .execute();
}

function selectUsers(db: DB, orgId: string) {
  return db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select(['users.id', 'users.email', 'users.role', 'users.person_id', 'users.created_at', 'people.name'])
    .where('users.org_id', '=', orgId);
}

/** A page of the organization's accounts by email, and how many there are in all. */
export async function listUsers(db: DB, orgId: string, range: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    selectUsers(db, orgId)
      .orderBy('users.email')
      .orderBy('users.id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One account with its person's name, as the account list shows it. */
export async function findUserListing(db: DB, orgId: string, id: string) {
  return selectUsers(db, orgId).where('users.id', '=', id).executeTakeFirst();
}

export async function updateUser(
  db: DB,
  orgId: string,
  id: string,
  patch: { role?: string; password_hash?: string },
) {
  await db.updateTable('users').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function countOwners(db: DB, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Revokes every live API token of a user (a new password ends what the old one could do). */
export async function revokeUserTokens(db: DB, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setPassword(db: DB, userId: string, passwordHash: string, mustChange: boolean) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
    .where('id', '=', userId)
    .execute();
}

/** Revokes every session of a user except one (the one that just changed the password). */
export async function revokeOtherSessions(db: DB, userId: string, keepSessionId: string | null, now: string) {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
