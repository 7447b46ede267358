/**
 * Malformed requests for every operation of the OpenAPI document (the fuzz suite,
 * src/server/http/fuzz.test.ts): each field of each body and each query parameter gets values of the
 * wrong type, out of bounds, 1 MB long, with NUL or broken unicode, ±1e308 and 1e400; each path
 * parameter gets malformed ids; each body is replaced by arrays, scalars, 10,000-deep JSON, prototype
 * keys, other content types. A case says what a correct server answers: a 400 naming the field, any
 * error, or anything (a well-formed request with odd but valid content, which may succeed).
 * Everything is derived from the schemas, so a route added later is fuzzed without anyone remembering.
 */

import { limits } from '../core/limits';
import { typeOf, type JsonSchema, type Method, type Operation } from './openapi-document';

/** What a correct server answers. */
export type Expectation =
  | { kind: 'field'; field: string } // 400 validation_failed naming this field (or one inside it)
  | { kind: 'fail' } // some error in the one shape
  | { kind: 'any' }; // may succeed: well-formed, with odd but valid content

export interface FuzzCase {
  label: string;
  method: Uppercase<Method>;
  url: string;
  /** Raw body text; the content type is JSON unless `contentType` says otherwise. */
  payload?: string;
  contentType?: string;
  expect: Expectation;
}

/** What the generator needs from the fixture. */
export interface FuzzContext {
  /** A real id for a path parameter (`{id}` after `goals` is a goal id), or a well-formed unknown one. */
  pathId(segmentBefore: string, param: string): string;
  /** A real value for a body field that names something (`ownerId`, `skillIds`), or undefined. */
  referenceFor(field: string): unknown;
  /** An id of the other organization: it must be answered exactly as an unknown one. */
  foreignId: string;
}

const ONE_MB = 1_000_000;
const BODY_LIMIT = 1_048_576;
const DEEP = 10_000;
/** Right-to-left override and mark, a family emoji (a joined sequence), a combining accent. */
const ODD_UNICODE = '\u202Eevil\u200F 👩‍👩‍👧 e\u0301 \uFEFF';
const DATE_PATTERN = '\\d{4}';
const UNKNOWN_QUERY = 'fuzz=%00&__proto__=x&constructor=y';

const raw = (value: unknown) => JSON.stringify(value);
const isDate = (s: JsonSchema) => s.pattern?.includes(DATE_PATTERN) ?? false;
// an email that is trimmed and lower-cased before it is checked shows no format in the document
const isEmail = (s: JsonSchema, name: string) => s.format === 'email' || /email/i.test(name);
const isFreeText = (s: JsonSchema, name: string) =>
  typeOf(s) === 'string' && !isDate(s) && !isEmail(s, name) && !/Id$|Ids$|^id$|password/i.test(name);

/** A value the schema accepts (ids from the fixture where the field names one). */
export function sampleOf(schema: JsonSchema | undefined, name: string, ctx: FuzzContext): unknown {
  if (!schema) return {};
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sampleOf(variant, name, ctx);
  const reference = ctx.referenceFor(name);
  if (reference !== undefined) return reference;
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {}))
        if ((schema.required ?? []).includes(key) || /Ids?$/.test(key)) out[key] = sampleOf(prop, key, ctx);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.min(Math.max(3, schema.minimum ?? 3), schema.maximum ?? 3);
    case 'boolean':
      return false;
    case 'string':
      if (isDate(schema)) return '2026-03-04';
      if (isEmail(schema, name)) return 'fuzz-sample@a.test';
      if (/password/i.test(name)) return 'a-fuzz-password';
      return 'fuzz text'.slice(0, Math.max(1, schema.maxLength ?? 9));
    default:
      return {};
  }
}

interface Field {
  /** Path in the body, array positions included (`projects.0.name`). */
  path: (string | number)[];
  name: string;
  schema: JsonSchema;
}

/** Every property of a body schema at any depth (arrays of objects through their first element). */
function fieldsOf(schema: JsonSchema, prefix: (string | number)[] = [], depth = 0): Field[] {
  if (depth > 4) return [];
  const out: Field[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    out.push({ path, name, schema: prop });
    const type = typeOf(prop);
    if (type === 'object') out.push(...fieldsOf(prop, path, depth + 1));
    if (type === 'array' && prop.items && typeOf(prop.items) === 'object')
      out.push(...fieldsOf(prop.items, [...path, 0], depth + 1));
  }
  return out;
}

/** A copy of `base` with `value` at `path`, creating the containers on the way from the schema. */
function withValue(
  base: unknown,
  root: JsonSchema,
  path: readonly (string | number)[],
  value: unknown,
  ctx: FuzzContext,
): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  let schema: JsonSchema | undefined = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    schema = typeof key === 'number' ? schema?.items : schema?.properties?.[key];
    const nextKey = path[i + 1]!;
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') {
      at[key] = typeof nextKey === 'number' ? [] : {};
    }
    const next = at[key] as Record<string | number, unknown>;
    if (typeof nextKey === 'number' && next[nextKey] === undefined)
      next[nextKey] = sampleOf(schema?.items, String(path[i]), ctx);
    at = next;
  }
  at[path[path.length - 1]!] = value;
  return copy;
}

/** Wrong values for a field by its schema; each must be refused with the field named. */
function badValuesOf(field: Field): unknown[] {
  const s = field.schema;
  const nullable = s.nullable === true || (s.anyOf ?? []).some((v) => v.type === 'null');
  const type = typeOf(s);
  const notNull = nullable ? [] : [null];
  switch (type) {
    case 'enum':
      return ['not-an-option', 7, ...notNull];
    case 'integer':
    case 'number': {
      // NaN and Infinity cannot be JSON numbers: they arrive as strings (or null)
      const values: unknown[] = ['12', [], 'NaN', 'Infinity', 1e308, -1e308, ...notNull];
      if (s.maximum !== undefined) values.push(s.maximum + 1);
      if (s.minimum !== undefined) values.push(s.minimum - 1);
      if (type === 'integer') values.push(1.5);
      return values;
    }
    case 'boolean':
      return ['true', 1, ...notNull];
    case 'array': {
      const values: unknown[] = [{}, 'x', ...notNull, [{ nested: [1] }]];
      if (s.maxItems !== undefined && s.maxItems < 1_000)
        values.push(Array.from({ length: s.maxItems + 1 }, () => 'x'));
      if ((s.minItems ?? 0) >= 1) values.push([]);
      return values;
    }
    case 'object':
      return [[], 'x', 12, ...notNull];
    case 'string': {
      const values: unknown[] = [12345, [], 'a\u0000b', 'x\uD800', ...notNull];
      if (isDate(s))
        values.push('2026-02-30', '2026/03/04', '2026-03-04T00:00:00Z', '0000-01-01', '9999-12-31');
      else if (isEmail(s, field.name)) values.push('not-an-email', `${'x'.repeat(300)}@a.test`);
      if (s.maxLength !== undefined) values.push('x'.repeat(s.maxLength + 1));
      if ((s.minLength ?? 0) >= 1) values.push('');
      return values;
    }
    default:
      return [];
  }
}

/** Valid values at the edges of a field's bounds: they may be stored, and every page must still read them. */
function edgeValueOf(s: JsonSchema, name: string, side: 'low' | 'high'): unknown {
  const type = typeOf(s);
  if (type === 'integer' || type === 'number') {
    if (side === 'high') return s.maximum;
    const low = s.minimum;
    // the smallest positive number, where it is allowed: divisions by it overflow
    if (type === 'number' && low !== undefined && low <= 0 && (s.maximum ?? 1) > 0) return 5e-324;
    return low;
  }
  if (type === 'string' && isDate(s)) return side === 'high' ? limits.lastDate : limits.firstDate;
  if (isFreeText(s, name))
    return side === 'high' ? ODD_UNICODE.padEnd(Math.min(s.maxLength ?? 200, 200), '·') : ODD_UNICODE;
  return undefined;
}

/** A body with raw JSON text at a field: text JSON.stringify cannot produce (1e400, 10,000-deep arrays). */
const PLACEHOLDER = '__fuzz_raw__';
function withRaw(
  base: unknown,
  root: JsonSchema,
  path: readonly (string | number)[],
  text: string,
  ctx: FuzzContext,
): string {
  return raw(withValue(base, root, path, PLACEHOLDER, ctx)).replace(`"${PLACEHOLDER}"`, text);
}

/** The path with the fixture's ids in it (`{id}` after `goals` is a goal id). */
export function realUrl(path: string, ctx: FuzzContext, override?: { param: string; value: string }): string {
  return path.replace(/\{([^}]+)\}/g, (_m, param: string) => {
    if (override && override.param === param) return override.value;
    const before =
      path
        .slice(0, path.indexOf(`{${param}}`))
        .split('/')
        .filter(Boolean)
        .pop() ?? '';
    return ctx.pathId(before, param);
  });
}

export function casesFor(path: string, method: Method, op: Operation, ctx: FuzzContext): FuzzCase[] {
  const METHOD = method.toUpperCase() as Uppercase<Method>;
  const key = `${METHOD} ${path}`;
  const cases: FuzzCase[] = [];
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const realPath = (override?: { param: string; value: string }) => realUrl(path, ctx, override);
  const url = realPath();
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const base = bodySchema ? sampleOf(bodySchema, '', ctx) : undefined;
  const baseJson = base === undefined ? undefined : raw(base);
  const add = (label: string, c: Omit<FuzzCase, 'label' | 'method'>) =>
    cases.push({ label: `${key} ${label}`, method: METHOD, ...c });

  // ---- path parameters: malformed and foreign ids
  for (const param of params) {
    const bad: [string, Expectation][] = [
      ['x'.repeat(101), { kind: 'fail' }], // beyond maxParamLength: 414
      ['%FF', { kind: 'fail' }], // not valid percent-encoding: 400
      ['%00', { kind: 'field', field: `params.${param}` }],
      ['%ED%A0%80', { kind: 'fail' }], // a lone surrogate, UTF-8 encoded
      ['%F0%9F%98%80', { kind: 'fail' }], // an emoji: well-formed, unknown
      [encodeURIComponent("' OR '1'='1"), { kind: 'fail' }],
      ['..%2F..%2Fapi%2Fhealth', { kind: 'fail' }],
      ['00000000-0000-4000-8000-000000000000', { kind: 'fail' }],
      [ctx.foreignId, { kind: 'fail' }],
    ];
    for (const [value, expect] of bad)
      add(`params.${param}=${value.slice(0, 20)}`, {
        url: realPath({ param, value }),
        ...(baseJson === undefined ? {} : { payload: baseJson }),
        expect,
      });
  }

  // ---- query parameters
  const withQuery = (query: string) => `${url}?${query}`;
  for (const p of (op.parameters ?? []).filter((q) => q.in === 'query')) {
    const s = p.schema ?? {};
    const type = typeOf(s);
    // NUL, and the parameter twice (an array where one value is expected), are wrong for every type
    const values: string[] = ['%00', `${p.name}-again&${p.name}=twice`];
    if (type === 'integer' || type === 'number')
      values.push('abc', '-1', '1.5', '1e308', 'NaN', 'Infinity', '99999999999999999999');
    else if (type === 'enum') values.push('not-an-option', encodeURIComponent(ODD_UNICODE));
    else if (isDate(s)) values.push('2026-02-30', '9999-99-99', '9999-12-31');
    else if (s.maxLength !== undefined) values.push('x'.repeat(s.maxLength + 1));
    for (const value of values)
      add(`querystring.${p.name}=${value.slice(0, 20)}`, {
        url: withQuery(`${p.name}=${value}`),
        ...(baseJson === undefined ? {} : { payload: baseJson }),
        expect: { kind: 'field', field: `querystring.${p.name}` },
      });
  }

  if (!bodySchema || baseJson === undefined) {
    // no body is read: whatever is sent is ignored or refused by the parser, never a 5xx
    add('unknown query parameters and a JSON body it does not read', {
      url: withQuery(UNKNOWN_QUERY),
      payload: raw({ fuzz: ['x', 1e308] }),
      expect: { kind: 'any' },
    });
    add('malformed JSON', { url, payload: '{"fuzz": ', expect: { kind: 'any' } });
    add('text/plain', { url, payload: 'fuzz', contentType: 'text/plain', expect: { kind: 'any' } });
    add('application/xml', {
      url,
      payload: '<fuzz/>',
      contentType: 'application/xml',
      expect: { kind: 'any' },
    });
    return cases;
  }

  // ---- each field of the body
  const fields = fieldsOf(bodySchema);
  for (const f of fields) {
    const field = `body.${f.path.join('.')}`;
    for (const value of badValuesOf(f))
      add(`${field}=${raw(value)?.slice(0, 24)}`, {
        url,
        payload: raw(withValue(base, bodySchema, f.path, value, ctx)),
        expect: { kind: 'field', field },
      });
    const type = typeOf(f.schema);
    if (type === 'integer' || type === 'number')
      for (const text of ['1e400', '-1e400'])
        add(`${field}=${text} (raw)`, {
          url,
          payload: withRaw(base, bodySchema, f.path, text, ctx),
          expect: { kind: 'field', field },
        });
  }
  // the attack, generalized: the first number of the body at −1e308, the others at 1e308
  const numbers = fields.filter((f) => ['integer', 'number'].includes(typeOf(f.schema)));
  if (numbers.length >= 2)
    add('the first number at −1e308, the others at 1e308', {
      url,
      payload: raw(
        numbers.reduce(
          (body, f, i) => withValue(body, bodySchema, f.path, i === 0 ? -1e308 : 1e308, ctx),
          base,
        ),
      ),
      expect: { kind: 'field', field: `body.${numbers[0]!.path.join('.')}` },
    });
  // a 1 MB string and 10,000-deep JSON cost the parser the same at any field: the first ones take them
  const firstString = fields.find((f) => typeOf(f.schema) === 'string');
  if (firstString) {
    const payload = raw(withValue(base, bodySchema, firstString.path, 'x'.repeat(ONE_MB), ctx));
    add(`body.${firstString.path.join('.')}=<1 MB>`, {
      url,
      payload,
      expect:
        payload.length < BODY_LIMIT
          ? { kind: 'field', field: `body.${firstString.path.join('.')}` }
          : { kind: 'fail' },
    });
  }
  const first = fields[0];
  if (first)
    for (const [label, text] of [
      ['array', '['.repeat(DEEP) + ']'.repeat(DEEP)],
      ['object', '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)],
    ] as const)
      add(`body.${first.name}=<10,000-deep ${label}>`, {
        url,
        payload: withRaw(base, bodySchema, first.path, text, ctx),
        expect: { kind: 'field', field: `body.${first.name}` },
      });

  // ---- the body as a whole
  const fail = { kind: 'fail' } as const;
  const wholeBodies: [string, string, Expectation][] = [
    ['an array', raw([]), { kind: 'field', field: 'body' }],
    ['an array of the body', raw([base]), { kind: 'field', field: 'body' }],
    ['a string', raw('fuzz'), { kind: 'field', field: 'body' }],
    ['a number', '12', { kind: 'field', field: 'body' }],
    ['null', 'null', { kind: 'field', field: 'body' }],
    ['malformed JSON', '{"fuzz": ', fail],
    ['NaN (not JSON)', '{"fuzz": NaN}', fail],
    ['10,000-deep array', '['.repeat(DEEP) + ']'.repeat(DEEP), { kind: 'field', field: 'body' }],
    ['__proto__', baseJson.replace(/^\{/, '{"__proto__":{"isAdmin":true},'), fail],
    [
      'constructor.prototype',
      baseJson.replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},'),
      fail,
    ],
    ['empty', '', fail],
    ['over the body limit', raw({ fuzz: 'x'.repeat(BODY_LIMIT + 10) }), fail],
  ];
  for (const [label, payload, expect] of wholeBodies) add(`body: ${label}`, { url, payload, expect });
  for (const contentType of [
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'text/plain',
  ])
    add(`content-type ${contentType}`, { url, payload: baseJson, contentType, expect: fail });

  // ---- well-formed, odd but valid: may succeed, and must store nothing when they do not
  add('unknown fields and query parameters', {
    url: withQuery(UNKNOWN_QUERY),
    payload: raw({
      ...(base as object),
      fuzzUnknown: 1,
      id: 'fuzz-id',
      orgId: ctx.foreignId,
      org_id: ctx.foreignId,
      createdAt: 'x',
    }).replace(/^\{/, '{"fuzzInfinity":1e400,'),
    expect: { kind: 'any' },
  });
  // all low, all high, and alternating: the widest spans (a metric from its lowest to its highest)
  for (const edge of ['low', 'high', 'alternating'] as const) {
    let body = base;
    let touched = 0;
    for (const f of fieldsOf(bodySchema)) {
      const side = edge === 'alternating' ? (touched % 2 === 0 ? 'low' : 'high') : edge;
      const value = edgeValueOf(f.schema, f.name, side);
      if (value === undefined || ctx.referenceFor(f.name) !== undefined) continue;
      body = withValue(body, bodySchema, f.path, value, ctx);
      touched++;
    }
    if (touched > (edge === 'alternating' ? 1 : 0))
      add(`every field at its ${edge} edge`, { url, payload: raw(body), expect: { kind: 'any' } });
  }
  return cases;
}
