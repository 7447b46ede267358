/**
 * A fresh test world per suite: the app over a fresh database with two organizations (A and B), each
 * with one signed-in account per role (owner, leader, manager, member), reachable through API tokens.
 * Factories make new data per test; nothing is shared between suites.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Actor } from '../core/actor';
import { roles, type Role } from '../core/roles';
import type { Db } from '../db/connect';
import { insertOrganization, insertUser } from '../server/areas/auth/repo';
import { createToken } from '../server/areas/auth/create-token';
import { insertPerson } from '../server/areas/people/repo';
import { buildApp, type BuildAppOptions } from '../server/app';
import { fixedClock } from '../server/providers/clock';
import { newId } from '../server/providers/ids';
import type { PasswordHasher } from '../server/providers/passwords';
import type { Backend } from './backends';

/** Tests do not need argon2's cost; the login tests use the real hasher where it matters. */
export const plainHasher: PasswordHasher = {
  hash: async (password) => `plain:${password}`,
  verify: async (hashed, password) => hashed === `plain:${password}`,
};

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface Client {
  actor: Actor;
  token: string;
  email: string;
  get<T = any>(url: string): Promise<Response<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  patch<T = any>(url: string, body?: unknown): Promise<Response<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  put<T = any>(url: string, body?: unknown): Promise<Response<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  delete<T = any>(url: string): Promise<Response<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface OrgFixture {
  orgId: string;
  as: Record<Role, Client>;
}

export interface World {
  db: Db;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  a: OrgFixture;
  b: OrgFixture;
  /** Requests without any credentials. */
  anonymous: Omit<Client, 'actor' | 'token' | 'email'>;
  close(): Promise<void>;
}

export async function inject(app: FastifyInstance, options: InjectOptions): Promise<Response> {
  const res = await app.inject(options);
  let body: unknown = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    // not JSON (HTML, text): keep the raw body
  }
  return { status: res.statusCode, body, headers: res.headers };
}

function client(app: FastifyInstance, headers: Record<string, string>) {
  const send = (method: InjectOptions['method'], url: string, body?: unknown) =>
    inject(app, {
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body?: unknown) => send('POST', url, body ?? {}),
    patch: (url: string, body?: unknown) => send('PATCH', url, body ?? {}),
    put: (url: string, body?: unknown) => send('PUT', url, body ?? {}),
    delete: (url: string) => send('DELETE', url),
  } as Omit<Client, 'actor' | 'token' | 'email'>;
}

async function makeOrg(
  db: Db,
  app: FastifyInstance,
  clock: ReturnType<typeof fixedClock>,
  label: string,
): Promise<OrgFixture> {
  const orgId = newId();
  const now = clock.now().toISOString();
  await insertOrganization(db.db, { id: orgId, name: `Org ${label}`, createdAt: now });
  const as = {} as Record<Role, Client>;
  for (const role of roles) {
    const personId = newId();
    const userId = newId();
    const email = `${role}@${label.toLowerCase()}.test`;
    await insertPerson(db.db, { id: personId, orgId, name: `${role} ${label}`, email, title: role, now });
    await insertUser(db.db, {
      id: userId,
      orgId,
      personId,
      email,
      passwordHash: `plain:${role}-password-${label}`,
      role,
      createdAt: now,
    });
    const actor: Actor = { userId, orgId, role, personId };
    const { token } = await createToken({ db: db.db, clock }, actor, { name: 'tests' });
    as[role] = { actor, token, email, ...client(app, { authorization: `Bearer ${token}` }) };
  }
  return { orgId, as };
}

export async function makeWorld(
  backend: Backend,
  options: {
    passwords?: PasswordHasher;
    planRunner?: BuildAppOptions['planRunner'];
    /** The event bus over the world's database (default: the app's own); closed with the world. */
    events?: (db: Db) => NonNullable<BuildAppOptions['events']>;
    liveStream?: BuildAppOptions['liveStream'];
  } = {},
): Promise<World> {
  const db = await backend.connect();
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  const events = options.events?.(db);
  const app = await buildApp({
    db,
    clock,
    passwords: options.passwords ?? plainHasher,
    ...(options.planRunner ? { planRunner: options.planRunner } : {}),
    ...(events ? { events } : {}),
    ...(options.liveStream ? { liveStream: options.liveStream } : {}),
  });
  const a = await makeOrg(db, app, clock, 'A');
  const b = await makeOrg(db, app, clock, 'B');
  return {
    db,
    app,
    clock,
    a,
    b,
    anonymous: client(app, {}),
    async close() {
      await app.close();
      await events?.close();
      await db.close();
    },
  };
}
