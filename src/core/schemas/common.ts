/** Shared zod building blocks. Every schema in core is used by the server (validation, OpenAPI) and the web client (types). */
import { z } from 'zod';
import { limits } from '../limits';

export const id = z.string().min(1).max(64);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'must be a real calendar date',
  );
export const isoDateTime = z.string();
export const name = z.string().trim().min(1, 'must not be empty').max(limits.nameLength);
export const text = z.string().max(limits.textLength);
export const hours = z.number().finite().min(0).max(limits.maxHours);
export const money = z.number().finite().min(0).max(limits.maxMoney);
export const skillLevel = z.number().int().min(1).max(5);

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof pageQuery>;
/** The page query of small catalogues a client usually reads whole (skills, teams, clients, pillars). */
export const pageQueryLarge = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefaultLarge),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const idParams = z.object({ id });
export const ok = z.object({ ok: z.literal(true) });

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
