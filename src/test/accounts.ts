/**
 * More signed-in people for a test world (the world has one account per role): the people-side tests
 * need a manager's manager, a mentor, peers and reports. Each gets a person, an account and a token.
 */
import type { Actor } from '../core/actor';
import type { Role } from '../core/roles';
import { insertUser } from '../server/areas/auth/repo';
import { createToken } from '../server/areas/auth/create-token';
import { insertPerson } from '../server/areas/people/repo';
import { newId } from '../server/providers/ids';
import { inject, type Client, type World } from './world';

export function clientFor(world: World, actor: Actor, token: string, email: string): Client {
  const headers = { authorization: `Bearer ${token}` };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    inject(world.app, {
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as string }),
    });
  return {
    actor,
    token,
    email,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  } as Client;
}

let counter = 0;

/** A new person with a sign-in account of `role` in organization `org` of the world. */
export async function addAccount(
  world: World,
  org: 'a' | 'b',
  role: Role,
  name: string,
  fields: { managerId?: string | null; teamId?: string | null } = {},
): Promise<Client & { personId: string }> {
  const orgId = world[org].orgId;
  const now = world.clock.now().toISOString();
  const personId = newId();
  const userId = newId();
  counter += 1;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${counter}.${newId().slice(0, 6)}@${org}.test`;
  await insertPerson(world.db.db, {
    id: personId,
    orgId,
    name,
    email,
    title: role,
    managerId: fields.managerId ?? null,
    teamId: fields.teamId ?? null,
    now,
  });
  await insertUser(world.db.db, {
    id: userId,
    orgId,
    personId,
    email,
    passwordHash: 'plain:unused',
    role,
    createdAt: now,
  });
  const actor: Actor = { userId, orgId, role, personId };
  const { token } = await createToken({ db: world.db.db, clock: world.clock }, actor, { name: 'tests' });
  return { ...clientFor(world, actor, token, email), personId };
}

/** Sets a person's manager directly (the world's people start without reporting lines). */
export async function setManager(world: World, personId: string, managerId: string | null): Promise<void> {
  await world.db.db.updateTable('people').set({ manager_id: managerId }).where('id', '=', personId).execute();
}
