/**
 * What the tenant and role sweeps (src/server/http/tenant-sweep.test.ts, role-sweep.test.ts) read from
 * the OpenAPI document: every operation with its path parameters, query and body schema; which fields
 * hold ids and what kind of record each names; request bodies that pass validation. Routes added
 * later are swept without anyone remembering: the operations come from GET /api/openapi.json.
 */
import type { JsonSchema } from './openapi-document';
import type { World } from './world';

export type { JsonSchema };

export const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RawOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface Operation {
  /** `POST /api/goals/{id}/check-ins` */
  key: string;
  method: Method;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

export async function loadOperations(world: World): Promise<Operation[]> {
  const doc = (await world.anonymous.get('/api/openapi.json')).body as {
    paths: Record<string, Partial<Record<(typeof methods)[number], RawOperation>>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    methods.flatMap((m) => {
      const op = ops[m];
      if (!op) return [];
      const method = m.toUpperCase() as Method;
      return [
        {
          key: `${method} ${path}`,
          method,
          path,
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
          query: (op.parameters ?? [])
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
          body: op.requestBody?.content?.['application/json']?.schema,
        },
      ];
    }),
  );
}

/** The kinds of record an id can name; every one has an id a request may carry. */
export const kinds = [
  'pillar',
  'goal',
  'checkIn',
  'project',
  'task',
  'timeEntry',
  'person',
  'timeOff',
  'team',
  'client',
  'skill',
  'value',
  'kudos',
  'oneOnOne',
  'meeting',
  'agendaItem',
  'actionItem',
  'note',
  'milestone',
  'talentReview',
  'planRun',
  'token',
  'user',
  'assessmentRequest',
] as const;
export type Kind = (typeof kinds)[number];
export type IdsByKind = Record<Kind, string[]>;

/** The collection in front of a path parameter names its kind: `/api/tasks/{id}` → task. */
const kindBySegment: Record<string, Kind> = {
  pillars: 'pillar',
  goals: 'goal',
  projects: 'project',
  tasks: 'task',
  'time-entries': 'timeEntry',
  people: 'person',
  'time-off': 'timeOff',
  teams: 'team',
  clients: 'client',
  values: 'value',
  kudos: 'kudos',
  'one-on-ones': 'oneOnOne',
  meetings: 'meeting',
  'agenda-items': 'agendaItem',
  'action-items': 'actionItem',
  notes: 'note',
  milestones: 'milestone',
  'plan-runs': 'planRun',
  tokens: 'token',
  users: 'user',
  requests: 'assessmentRequest',
  'assessment-requests': 'assessmentRequest',
};

/** Body and query fields by name. */
const kindByField: Record<string, Kind> = {
  personId: 'person',
  assigneeId: 'person',
  managerId: 'person',
  ownerId: 'person',
  leadId: 'person',
  toId: 'person',
  fromId: 'person',
  reportId: 'person',
  mentorId: 'person',
  reviewerIds: 'person',
  skillId: 'skill',
  goalId: 'goal',
  goalIds: 'goal',
  parentId: 'goal',
  pillarId: 'pillar',
  projectId: 'project',
  projectIds: 'project',
  taskIds: 'task',
  dependsOn: 'task',
  clientId: 'client',
  teamId: 'team',
  valueId: 'value',
  meetingId: 'meeting',
};

/** The kinds a path parameter may name; an unknown collection could name anything, so every kind. */
export function kindsOfParam(path: string, param: string): readonly Kind[] {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const kind = kindBySegment[segments[at - 1] ?? ''];
  return kind ? [kind] : kinds;
}

/** The kinds a body or query field may name; an id field with a name not listed here: every kind. */
export function kindsOfField(name: string): readonly Kind[] {
  const kind = kindByField[name];
  return kind ? [kind] : kinds;
}

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);
const variantOf = (schema: JsonSchema) => schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;

/** core/schemas/common.ts `id`: a string of 1–64 characters with no pattern, format or choices. */
function hasIdShape(schema: JsonSchema): boolean {
  return (
    typeOf(schema) === 'string' &&
    schema.minLength === 1 &&
    schema.maxLength === 64 &&
    !schema.pattern &&
    !schema.format &&
    !schema.enum
  );
}

/** Whether a field holds an id, or a list of ids: by its name, or by the shape of the id schema. */
export function isIdField(name: string, schema: JsonSchema): boolean {
  const s = variantOf(schema);
  if (name in kindByField) return true;
  if (typeOf(s) === 'array') return /Ids$/.test(name) || (s.items !== undefined && hasIdShape(s.items));
  return /Id$/.test(name) || hasIdShape(s);
}

export type FieldPath = (string | number)[];
export interface IdField {
  /** Where it sits in the body: `['projects', 0, 'tasks', 0, 'assigneeId']`. */
  path: FieldPath;
  name: string;
  isList: boolean;
}

/** Every id field of a request schema, nested objects and arrays included. */
export function idFieldsOf(schema: JsonSchema | undefined, at: FieldPath = []): IdField[] {
  if (!schema) return [];
  const s = variantOf(schema);
  const fields: IdField[] = [];
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const p = variantOf(prop);
    if (isIdField(name, p)) fields.push({ path: [...at, name], name, isList: typeOf(p) === 'array' });
    else if (typeOf(p) === 'object') fields.push(...idFieldsOf(p, [...at, name]));
    else if (typeOf(p) === 'array' && p.items && typeOf(variantOf(p.items)) === 'object')
      fields.push(...idFieldsOf(p.items, [...at, name, 0]));
  }
  return fields;
}

/** The name of a field in an error's `details.issues`: `body.projects.0.tasks.0.assigneeId`. */
export const issueField = (where: 'body' | 'querystring', path: FieldPath) => [where, ...path].join('.');

let counter = 0;
/** A fresh word each time, so names that must be unique (skills, values, emails) never collide. */
export const fresh = (label = 'probe') => `${label}-${(++counter).toString(36)}-${Date.now().toString(36)}`;

/** Picks an id of a kind for a field the caller fills (the sweeps pass their own organization's ids). */
export type IdFor = (kind: Kind, name: string) => string;

/**
 * A value that passes the schema: required fields (and, with `withIds`, every id field too — some rules
 * need a project or a goal the schema leaves optional), ids from `idFor`, strings unique.
 */
export function sampleOf(schema: JsonSchema | undefined, idFor: IdFor, name = '', withIds = false): unknown {
  if (!schema) return {};
  const s = variantOf(schema);
  if (s.enum) return s.enum[0];
  if (isIdField(name, s) && name !== '') {
    const id = idFor(kindsOfField(name)[0]!, name);
    return typeOf(s) === 'array' ? [id] : id;
  }
  switch (typeOf(s) ?? 'none') {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {}))
        if ((s.required ?? []).includes(key) || (withIds && isIdField(key, prop)))
          out[key] = sampleOf(prop, idFor, key, withIds);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items, idFor, name, withIds));
    case 'integer':
    case 'number': {
      const low = typeof s.minimum === 'number' ? s.minimum + (s.exclusiveMinimum ? 1 : 0) : 1;
      return Math.min(Math.max(low, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string':
      if (s.pattern?.includes('\\d{4}')) return '2026-03-10';
      if (s.format === 'email' || /email/i.test(name)) return `${fresh('probe')}@probe.test`;
      return fresh(name || 'probe')
        .slice(0, s.maxLength ?? 200)
        .padEnd(s.minLength ?? 0, 'x');
    default:
      return {};
  }
}

/**
 * A valid body with `value` at `path`: the required fields (with `withIds`, every id field too), plus
 * the objects and arrays that lead to the field, each filled the same way.
 */
export function bodyWith(
  schema: JsonSchema,
  path: FieldPath,
  value: unknown,
  idFor: IdFor,
  withIds = false,
): unknown {
  const s = variantOf(schema);
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') return [bodyWith(s.items ?? {}, rest, value, idFor, withIds)];
  const out = sampleOf(s, idFor, '', withIds) as Record<string, unknown>;
  out[head!] = bodyWith(s.properties?.[head!] ?? {}, rest, value, idFor, withIds);
  return out;
}
