/** Shared zod building blocks. Every schema in core is used by the server (validation, OpenAPI) and the web client (types). */
import { z } from 'zod';
import { limits } from '../limits';

/**
 * Whether every backend stores the text unchanged: PostgreSQL rejects NUL in text (SQLite keeps it), and
 * half of a surrogate pair cannot be encoded as UTF-8, so it would come back as U+FFFD.
 */
export function isStorableText(value: string): boolean {
  return !/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
const storableReason = 'must not contain NUL characters or broken unicode';
/** A string a person typed: every input string is built on this, so no backend refuses or alters it. */
export const plainString = () => z.string().refine(isStorableText, storableReason);

export const id = plainString().min(1).max(64);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'must be a real calendar date',
  );
/** A date a person enters: see limits.firstDate. What is read back uses isoDate, which any stored date passes. */
export const dateInput = isoDate.refine(
  (s) => s >= limits.firstDate && s <= limits.lastDate,
  `must be between ${limits.firstDate} and ${limits.lastDate}`,
);
export const isoDateTime = z.string();
export const name = plainString().trim().min(1, 'must not be empty').max(limits.nameLength);
export const text = plainString().max(limits.textLength);
export const hours = z.number().finite().min(0).max(limits.maxHours);
/** A task's estimate: see limits.maxTaskHours. */
export const taskHours = z.number().finite().min(0).max(limits.maxTaskHours);
export const money = z.number().finite().min(0).max(limits.maxMoney);
/** A goal's metric value: see limits.maxMetric. */
export const metric = z.number().finite().min(-limits.maxMetric).max(limits.maxMetric);
export const skillLevel = z.number().int().min(1).max(5);
/** Display order of pillars and values. */
export const position = z.number().int().min(0).max(limits.maxPosition);
/** The `offset` of every paged list. */
export const pageOffset = z.coerce.number().int().min(0).max(limits.maxOffset).default(0);

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  offset: pageOffset,
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

/**
 * Record versions, for edits that must not silently undo someone else's: every editable record answers
 * its `version`, which goes up by one with every write of it. A PATCH or PUT that sends back the
 * version it was made from is written only if the record is still at that version; otherwise it
 * answers 409 `edit_conflict` with `details.currentVersion` and writes nothing. Without `version` the
 * edit is written whatever happened in between (the last write wins), so scripts keep working.
 */
export const recordVersion = z
  .number()
  .int()
  .describe(
    "The record's version: goes up by one with every change. Send it back as `version` in a PATCH or PUT " +
      'body (If-Match style) so that an edit made from an older version is refused with 409 edit_conflict.',
  );
/** The `version` a PATCH or PUT body may carry: see recordVersion. Declared once, for every editable record. */
export const expectedVersion = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .optional()
  .describe(
    'The version of the record this edit was made from. When the stored record has moved on, nothing is ' +
      'written and the answer is 409 edit_conflict with details.currentVersion. Leave it out to write ' +
      'whatever changed in between (the last write wins).',
  );

/**
 * What the caller may do with a record, answered with the record as `can: { edit: true, … }`. The
 * server computes each field with the check its write makes, so a client offers exactly the actions
 * that will not answer 403 — it never repeats the rules.
 */
export function abilities<const K extends string>(meanings: Record<K, string>) {
  const shape = Object.fromEntries(
    Object.entries<string>(meanings).map(([key, meaning]) => [key, z.boolean().describe(meaning)]),
  ) as Record<K, z.ZodBoolean>;
  return z
    .object(shape)
    .describe('What you may do with this record: the checks its writes make, answered for the caller');
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
