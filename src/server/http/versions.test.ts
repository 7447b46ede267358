/**
 * Record versions end to end: an edit made from an older version of a record writes nothing and
 * answers 409 edit_conflict with the version the record has now, checked in the same UPDATE as the
 * write, so of many concurrent edits made from one version exactly one is kept. Every write moves the
 * version on by one; an edit without a version is written as before (the last write wins).
 *
 * The sweep at the end reads the OpenAPI document, so an editable record added later is held to the
 * same rules without anyone remembering: a PATCH or PUT whose answer carries `version` must accept it
 * in its body, and every body that accepts it must answer a stale one with 409 and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../core/schemas/work';
import type { Role } from '../../core/roles';
import { describeBackends } from '../../test/backends';
import { changedTables, fingerprinter } from '../../test/fingerprint';
import type { JsonSchema } from '../../test/openapi-document';
import { isIdField, kindsOfParam, sampleOf, type Kind } from '../../test/openapi-sweep';
import { seedOrganization, type SeededOrganization } from '../../test/sweep-fixture';
import { makeWorld, type Client, type Response, type World } from '../../test/world';
import { inProcessRunner } from '../areas/planning/runner';

interface ErrorBody {
  error: { code: string; message: string; details?: { currentVersion?: unknown } };
}

/** The PATCH and PUT routes that edit something other than a versioned record, and why. */
const unversioned: Record<string, string> = {
  'PUT /api/auth/password': 'each account changes its own password; there is nothing to overwrite',
  'PATCH /api/users/{id}': "an account's role and person link, set by an owner in one step",
  'PUT /api/pulse/me': "the caller's own answer for the running week; nobody else writes it",
  'PUT /api/assessments/me/self': "the caller's own self-assessment; nobody else writes it",
};

/** Larger than any version a record reaches, and still a valid `version`. */
const STALE = 2_147_483_647;

describeBackends('record versions', (backend) => {
  let world: World;
  beforeAll(async () => {
    // applying a plan is one of the writes checked; its search runs on the calling thread here
    world = await makeWorld(backend, { planRunner: inProcessRunner });
  });
  afterAll(async () => world.close());

  const owner = () => world.a.as.owner;
  let counter = 0;
  const fresh = (label: string) => `${label} ${++counter}`;

  async function newTask(fields: Record<string, unknown> = {}): Promise<Task> {
    const project = await owner().post<{ id: string }>('/api/projects', { name: fresh('Project') });
    expect(project.status).toBe(201);
    const res = await owner().post<Task>('/api/tasks', {
      title: fresh('Task'),
      projectId: project.body.id,
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  const readTask = async (id: string) => (await owner().get<Task>(`/api/tasks/${id}`)).body;

  it('keeps exactly one of 50 concurrent edits made from the same version and refuses the other 49', async () => {
    const task = await newTask();
    expect(task.version).toBe(1);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        owner().patch<Task & ErrorBody>(`/api/tasks/${task.id}`, {
          title: `Edit ${i}`,
          version: task.version,
        }),
      ),
    );
    const kept = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(kept).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const answer of refused) {
      expect(answer.body.error.code).toBe('edit_conflict');
      expect(answer.body.error.message).toBe('Someone else changed this task since you loaded it');
      expect(answer.body.error.details).toEqual({ currentVersion: 2 });
    }
    const stored = await readTask(task.id);
    expect(stored.title).toBe(kept[0]!.body.title);
    expect(stored.version).toBe(2);
  });

  it('writes nothing for an edit made from an older version, its dependencies included', async () => {
    const before = await newTask({ description: 'as loaded' });
    const other = await newTask();
    const edited = await owner().patch<Task>(`/api/tasks/${before.id}`, {
      description: 'first edit',
      version: before.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(before.version + 1);

    const stale = await owner().patch<ErrorBody>(`/api/tasks/${before.id}`, {
      title: 'stale title',
      description: 'stale edit',
      dependsOn: [other.id],
      version: before.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'edit_conflict', details: { currentVersion: 2 } });
    const stored = await readTask(before.id);
    expect(stored).toMatchObject({
      title: before.title,
      description: 'first edit',
      dependsOn: [],
      version: 2,
    });
  });

  it('answers an edit that changes nothing by its version too, and writes nothing either way', async () => {
    const task = await newTask();
    const current = await owner().patch<Task>(`/api/tasks/${task.id}`, { version: task.version });
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(task.version);
    const stale = await owner().patch<ErrorBody>(`/api/tasks/${task.id}`, { version: task.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ currentVersion: task.version });
  });

  it('moves the version on by one with every write: edits, a status change by the assignee, a plan applied', async () => {
    const member = world.a.as.member;
    const skill = await owner().post<{ id: string }>('/api/skills', { name: fresh('Skill') });
    const person = await owner().post<{ id: string }>('/api/people', {
      name: fresh('Planner pick'),
      skills: [{ skillId: skill.body.id, level: 3 }],
    });
    expect(person.status).toBe(201);
    const task = await newTask({
      assigneeId: member.actor.personId,
      skillId: skill.body.id,
      estimateHours: 8,
    });
    const versions = [task.version];
    const patch = async (client: Client, body: Record<string, unknown>) => {
      const res = await client.patch<Task>(`/api/tasks/${task.id}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      versions.push(res.body.version);
    };
    await patch(owner(), { title: fresh('Renamed') });
    await patch(member, { status: 'doing' });
    await patch(owner(), { dependsOn: [(await newTask()).id] });
    await patch(owner(), { assigneeId: null, status: 'todo' });

    const run = await owner().post<{ id: string }>('/api/plan-runs', {
      projectIds: [task.projectId],
      timeLimitMs: 500,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    for (let i = 0; i < 600; i += 1) {
      const state = await owner().get<{ status: string }>(`/api/plan-runs/${run.body.id}`);
      if (state.body.status !== 'queued' && state.body.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const applied = await owner().post<{ applied: number }>(`/api/plan-runs/${run.body.id}/apply`, {});
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(1);
    const planned = await readTask(task.id);
    expect(planned.assigneeId).not.toBeNull();
    versions.push(planned.version);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('writes an edit without a version whatever changed in between: the last write wins, as before', async () => {
    const task = await newTask();
    const first = await owner().patch<Task>(`/api/tasks/${task.id}`, { title: 'Script one' });
    const second = await owner().patch<Task>(`/api/tasks/${task.id}`, { title: 'Script two' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await readTask(task.id)).toMatchObject({ title: 'Script two', version: 3 });

    const many = await Promise.all(
      Array.from({ length: 10 }, (_, i) => owner().patch(`/api/tasks/${task.id}`, { title: `Script ${i}` })),
    );
    expect(many.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect((await readTask(task.id)).version).toBe(13);
  });
});

interface DocOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

const variantOf = (schema: JsonSchema | undefined) => schema?.anyOf?.[0] ?? schema?.oneOf?.[0] ?? schema;

describe('record versions across the OpenAPI document', () => {
  describeBackends('every editable record', (backend) => {
    let world: World;
    let fx: SeededOrganization;
    let operations: {
      key: string;
      path: string;
      body: JsonSchema | undefined;
      answers: JsonSchema | undefined;
    }[];
    beforeAll(async () => {
      world = await makeWorld(backend, { planRunner: inProcessRunner });
      fx = await seedOrganization(world, 'a', 'VERSIONS');
      const doc = (await world.anonymous.get('/api/openapi.json')).body as {
        paths: Record<string, Record<string, DocOperation>>;
      };
      operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        (['patch', 'put'] as const).flatMap((method) => {
          const op = ops[method];
          if (!op) return [];
          return [
            {
              key: `${method.toUpperCase()} ${path}`,
              path,
              body: variantOf(op.requestBody?.content?.['application/json']?.schema),
              answers: variantOf(op.responses?.['200']?.content?.['application/json']?.schema),
            },
          ];
        }),
      );
    }, 120_000);
    afterAll(async () => world.close());

    it('lets every PATCH and PUT of a record that answers its version take that version back', () => {
      const missing = operations
        .filter((op) => op.answers?.properties?.['version'] !== undefined)
        .filter((op) => {
          const version = op.body?.properties?.['version'];
          return !(
            version?.type === 'integer' &&
            version.minimum === 1 &&
            !op.body?.required?.includes('version')
          );
        })
        .map((op) => op.key);
      expect(missing).toEqual([]);
    });

    it('versions every PATCH and PUT, except the listed ones that edit no shared record', () => {
      const unlisted = operations
        .filter((op) => op.body?.properties?.['version'] === undefined && !(op.key in unversioned))
        .map((op) => op.key);
      expect(unlisted).toEqual([]);
      const listedButVersioned = operations
        .filter((op) => op.key in unversioned && op.body?.properties?.['version'] !== undefined)
        .map((op) => op.key);
      expect(listedButVersioned).toEqual([]);
    });

    it('refuses a stale version on every route that takes one with 409 edit_conflict, storing nothing, and writes the next version from the current one', async () => {
      const versioned = operations.filter((op) => op.body?.properties?.['version'] !== undefined);
      expect(versioned.length).toBeGreaterThanOrEqual(16);
      const fingerprint = await fingerprinter(world.db, { orgId: world.a.orgId });
      const problems: string[] = [];
      // the owner may edit every shared record; a 1:1 and what is in it only its participants, the
      // fixture's manager and member (to anyone else it does not exist: 404), an agenda item's text
      // only its author (403 to the other participant)
      const order: Role[] = ['owner', 'manager', 'member'];
      for (const op of versioned) {
        const params = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        let url = op.path;
        for (const param of params)
          url = url.replace(`{${param}}`, fx.ids[kindsOfParam(op.path, param)[0]!][0]!);
        const idFor = (kind: Kind) => fx.ids[kind][0]!;
        // the required fields, and a change to the first field that is not an id, so the stale edit
        // reaches the versioned UPDATE itself rather than the check of an edit that changes nothing
        const sample = sampleOf(op.body, idFor) as Record<string, unknown>;
        const change = Object.entries(op.body?.properties ?? {}).find(
          ([name, prop]) => name !== 'version' && !isIdField(name, prop),
        );
        if (change) sample[change[0]] = sampleOf(change[1], idFor, change[0]);
        const method = op.key.startsWith('PUT') ? 'put' : 'patch';
        const answers: string[] = [];
        let conflict: { role: Role; currentVersion: number } | null = null;
        for (const role of order) {
          const before = await fingerprint();
          const res: Response<ErrorBody> = await world.a.as[role][method](url, { ...sample, version: STALE });
          const stored = changedTables(before, await fingerprint());
          if (stored.length > 0) problems.push(`${op.key} as ${role} stored ${stored.join(', ')}`);
          answers.push(`${role}: ${res.status}`);
          if (res.status === 403 || res.status === 404) continue;
          const current = res.body.error?.details?.currentVersion;
          if (res.status !== 409 || res.body.error.code !== 'edit_conflict' || typeof current !== 'number')
            problems.push(`${op.key} as ${role} answered ${res.status} ${JSON.stringify(res.body)}`);
          else conflict = { role, currentVersion: current };
          break;
        }
        if (!conflict) {
          problems.push(`${op.key}: no role got to the version check (${answers.join(', ')})`);
          continue;
        }
        const accepted = await world.a.as[conflict.role][method]<{ version?: number }>(url, {
          ...sample,
          version: conflict.currentVersion,
        });
        if (accepted.status !== 200)
          problems.push(
            `${op.key} refused the current version: ${accepted.status} ${JSON.stringify(accepted.body)}`,
          );
        else if (accepted.body.version !== undefined && accepted.body.version !== conflict.currentVersion + 1)
          problems.push(`${op.key} wrote version ${accepted.body.version} after ${conflict.currentVersion}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
