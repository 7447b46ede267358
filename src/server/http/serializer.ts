/**
 * How answers become JSON. Every route declares its answer as a zod schema (the presenter's shape, also
 * the OpenAPI document's); what leaves the server is that schema's fields and nothing else.
 *
 * fastify-type-provider-zod's serializer checks each answer against its schema with zod (every
 * refinement: id patterns, calendar dates) and then calls JSON.stringify: for a page of 50 tasks that
 * cost seven times the JSON.stringify. Here each schema is compiled once into a fast-json-stringify
 * serializer from its JSON schema (the same conversion as the OpenAPI document), which writes only the
 * declared properties, in the declared order, and refuses an answer that lacks a required one, without
 * checking the values again: presenters build answers from stored rows, which were checked on the way
 * in.
 *
 * With `check` (tests, `tandem serve --dev`) every answer is also checked by zod as before, and the
 * compiled serializer must write exactly what JSON.stringify writes of zod's result: so the whole test
 * suite proves the two the same on every answer it sees, and a presenter that drifts from its schema
 * still fails.
 */
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serializer = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;

/** Compiled serializers by JSON schema text, shared by every app of the process (tests build many). */
const compiled = new Map<string, Serializer>();

/** A route's response schema is zod, or (as Fastify allows) an object whose `properties` is. */
function zodSchemaOf(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`A response schema must be a zod schema: ${JSON.stringify(schema)}`);
}

/**
 * zod writes `T | null` as `anyOf: [T, { type: "null" }]`, which fast-json-stringify resolves by
 * validating the value against each branch (with Ajv) on every call; a `type` list says the same and
 * is decided by the value's type. Keywords that only validate are dropped: nothing is validated here.
 */
export function forSerializing(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerializing);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as JsonSchema;
  const anyOf = source.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length === 2 && Object.keys(source).length === 1) {
    const nullIndex = anyOf.findIndex((branch) => branch.type === 'null' && Object.keys(branch).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex >= 0 && other && typeof other.type === 'string')
      return { ...(forSerializing(other) as JsonSchema), type: [other.type, 'null'] };
  }
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (validationOnly.has(key)) continue;
    if (key === 'properties' || key === 'definitions' || key === '$defs')
      result[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, child]) => [name, forSerializing(child)]),
      );
    else if (schemaKeywords.has(key)) result[key] = forSerializing(value);
    else result[key] = value;
  }
  return result;
}
const validationOnly = new Set([
  '$schema',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'propertyNames',
  'description',
]);
const schemaKeywords = new Set(['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not']);

function compile(schema: z.ZodType): Serializer {
  const json = forSerializing(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }));
  const key = JSON.stringify(json);
  let serializer = compiled.get(key);
  if (!serializer) {
    serializer = fastJson(json as Parameters<typeof fastJson>[0]);
    compiled.set(key, serializer);
  }
  return serializer;
}

/**
 * The serializer compiler of the app (Fastify's `setSerializerCompiler`). Each route's serializer is
 * compiled when it first answers, so starting an app compiles none.
 */
export function responseSerializerCompiler(options: { check: boolean }): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    const zodSchema = zodSchemaOf(schema);
    let serialize: Serializer | undefined;
    return (data: unknown) => {
      serialize ??= compile(zodSchema);
      if (!options.check) return serialize(data);
      const checked = z.safeEncode(zodSchema, data);
      if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
      const json = serialize(data);
      const expected = JSON.stringify(checked.data);
      if (json !== expected)
        throw new Error(
          `The compiled serializer of ${method} ${url} wrote\n${json}\nwhere the schema's answer is\n${expected}`,
        );
      return json;
    };
  };
}
