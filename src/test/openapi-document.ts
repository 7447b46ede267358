/**
 * The OpenAPI document as the sweeps read it (`GET /api/openapi.json`): the shape of its operations
 * and schemas, and the rule that every input is bounded.
 */
import { limits } from '../core/limits';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
export interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export type Paths = Record<string, Partial<Record<Method, Operation>>>;

/** The type of a schema: `enum` for a list of options, the first variant's for a union. */
export function typeOf(s: JsonSchema): string {
  const variant = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (variant) return typeOf(variant);
  if (s.enum) return 'enum';
  return (Array.isArray(s.type) ? s.type[0] : s.type) ?? 'unknown';
}

/**
 * Inputs without bounds: numbers without a finite minimum and maximum within ±limits.maxMetric (the
 * widest bound any input has), strings without maxLength, enum or pattern, arrays without maxItems.
 */
export function unboundedInputs(paths: Paths): string[] {
  const out: string[] = [];
  const visit = (s: JsonSchema | undefined, where: string, depth = 0) => {
    if (!s || depth > 8) return;
    const variant = s.anyOf ?? s.oneOf;
    if (variant) {
      for (const v of variant) visit(v, where, depth + 1);
      return;
    }
    const type = typeOf(s);
    if (type === 'integer' || type === 'number') {
      const ok = (x: number | undefined) =>
        x !== undefined && Number.isFinite(x) && Math.abs(x) <= limits.maxMetric;
      if (!ok(s.minimum) || !ok(s.maximum))
        out.push(`${where}: number between ${s.minimum} and ${s.maximum}`);
    } else if (type === 'string' && s.maxLength === undefined && !s.enum && !s.pattern)
      out.push(`${where}: string without maxLength`);
    else if (type === 'array') {
      if (s.maxItems === undefined) out.push(`${where}: array without maxItems`);
      visit(s.items, `${where}[]`, depth + 1);
    } else if (type === 'object')
      for (const [k, p] of Object.entries(s.properties ?? {})) visit(p, `${where}.${k}`, depth + 1);
  };
  for (const [path, ops] of Object.entries(paths))
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) visit(p.schema, `${key} ${p.in}.${p.name}`);
      visit(op.requestBody?.content?.['application/json']?.schema, `${key} body`);
    }
  return out;
}
