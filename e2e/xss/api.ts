/**
 * The API as one signed-in role, through the browser context's own cookies (so the role's pages open
 * signed in), and the list of user-typed text fields the OpenAPI document declares. Every write names
 * its operation as the document does (`PATCH /api/tasks/{id}`), so the sweep can prove it reached
 * every text field of every operation.
 */
import type { APIRequestContext } from 'playwright-core';
import type { OpenAPIV3 } from 'openapi-types';
import { isPayload } from './payloads';

export type Role = 'owner' | 'leader' | 'manager' | 'member';
export const roles: readonly Role[] = ['owner', 'leader', 'manager', 'member'];

export interface Api {
  role: Role;
  personId: string;
  get<T>(url: string): Promise<T>;
  write<T>(operation: string, params: Record<string, string>, body: unknown): Promise<T>;
}

/** Where a payload went: `PATCH /api/tasks/{id} title`, `POST /api/goals/{id}/decompose projects[].name`. */
export type Written = Set<string>;

function payloadFields(value: unknown, at: string, out: string[]): void {
  if (typeof value === 'string') {
    if (isPayload(value)) out.push(at);
  } else if (Array.isArray(value)) {
    for (const item of value) payloadFields(item, `${at}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) payloadFields(child, at ? `${at}.${key}` : key, out);
  }
}

export async function signInApi(
  request: APIRequestContext,
  baseUrl: string,
  role: Role,
  who: { email: string; password: string },
  written: Written,
): Promise<Api> {
  const login = await request.post(`${baseUrl}/api/auth/login`, { data: who });
  if (!login.ok()) throw new Error(`${role} could not sign in: ${login.status()} ${await login.text()}`);
  const me = (await login.json()) as { csrfToken: string; personId: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    role,
    personId: me.personId,
    async get<T>(url: string) {
      const res = await request.get(`${baseUrl}${url}`);
      if (!res.ok()) throw new Error(`${role}: GET ${url} answered ${res.status()}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    async write<T>(operation: string, params: Record<string, string>, body: unknown) {
      const [method, template] = operation.split(' ') as [string, string];
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!(name in params)) throw new Error(`${operation}: no value for {${name}}`);
        return encodeURIComponent(params[name]!);
      });
      const res = await request.fetch(`${baseUrl}${url}`, { method, headers, data: body });
      if (!res.ok())
        throw new Error(`${role}: ${method} ${url} answered ${res.status()}: ${await res.text()}`);
      const fields: string[] = [];
      payloadFields(body, '', fields);
      for (const field of fields) written.add(`${operation} ${field}`);
      return (res.status() === 204 ? null : await res.json()) as T;
    },
  };
}

/** Operations whose text is never shown to anyone, or that cannot run once an organization exists. */
export const notShownText: Readonly<Record<string, string>> = {
  'POST /api/auth/login': 'credentials',
  'PUT /api/auth/password': 'credentials',
  'POST /api/users': 'an e-mail address and a password',
  'POST /api/setup':
    'first run only; its names are the organization’s and the owner’s, written through PATCH /api/organization and PATCH /api/people/{id}',
};

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined;

/** Free text: a string with no format, pattern or list of choices that is not a reference to a record. */
function textPaths(schema: Schema, at: string, name: string, out: string[]): void {
  if (!schema || '$ref' in schema) return;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    textPaths(branch, at, name, out);
  if (schema.type === 'object')
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      textPaths(child, at ? `${at}.${key}` : key, key, out);
  else if (schema.type === 'array') textPaths(schema.items, `${at}[]`, name, out);
  else if (
    schema.type === 'string' &&
    !schema.enum &&
    !schema.pattern &&
    !schema.format &&
    !/Ids?$|^dependsOn$|^id$/.test(name)
  )
    out.push(at);
}

/** Every user-typed text field of every operation's JSON body: `PATCH /api/tasks/{id} title`, … */
export function textFields(document: OpenAPIV3.Document): string[] {
  const fields: string[] = [];
  for (const [path, item] of Object.entries(document.paths))
    for (const method of ['post', 'put', 'patch'] as const) {
      const operation = `${method.toUpperCase()} ${path}`;
      const body = item?.[method]?.requestBody;
      if (!body || '$ref' in body || operation in notShownText) continue;
      const paths: string[] = [];
      textPaths(body.content['application/json']?.schema, '', '', paths);
      fields.push(...paths.map((p) => `${operation} ${p}`));
    }
  return fields;
}
