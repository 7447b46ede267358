import { z } from 'zod';
import { limits } from '../limits';
import { actions, roles, type Action } from '../roles';
import { abilities, id, isoDateTime, name, plainString } from './common';

export const role = z.enum(roles);
export const email = z
  .string()
  .max(254)
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an email address').max(254));
export const password = plainString()
  .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
  .max(limits.passwordMax);

export const loginBody = z.object({
  email,
  password: plainString().min(1).max(limits.passwordMax),
  organizationId: id
    .optional()
    .describe(
      'Only when the email has accounts in several organizations: a sign-in without it answers 409 ' +
        'with details.organizations (only after the password matched)',
    ),
});
export const setupBody = z.object({
  organizationName: name,
  ownerName: name,
  email,
  password,
});
export const setupStatus = z.object({ needsSetup: z.boolean() });

/** Every action of the permission table, answered for the signed-in account's role. */
export const roleAbilities = abilities(
  Object.fromEntries(
    actions.map((action) => [action, `Your role holds ${action} (docs/permissions.md)`]),
  ) as Record<Action, string>,
).describe(
  'What your role lets you do in the organization (core/roles.ts, docs/permissions.md), such as ' +
    'creating projects or goals; what you may do with one record is that record’s `can`',
);

export const me = z.object({
  userId: id,
  email: z.string(),
  role,
  personId: id.nullable(),
  name: z.string(),
  organization: z.object({ id, name: z.string() }),
  csrfToken: z.string().nullable(),
  mustChangePassword: z
    .boolean()
    .describe('The password was chosen by someone else; set your own with PUT /api/auth/password'),
  can: roleAbilities,
});
export type Me = z.infer<typeof me>;

export const apiToken = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable().describe('When the token was last used, to within a minute'),
});
export const createTokenBody = z.object({ name });
export const createdToken = apiToken.extend({ token: z.string().describe('Shown once; store it now.') });

export const user = z.object({
  id,
  email: z.string(),
  role,
  personId: id.nullable(),
  name: z.string(),
  createdAt: isoDateTime,
});
export const passwordChanged = me.extend({
  revokedTokens: z.number().int().describe('API tokens of the account revoked by the change'),
});
export const revokedTokens = z.object({ revoked: z.number().int() });
export const createUserBody = z.object({ email, password, role, personId: id });
/** Owners change roles; nobody sets another person's password (that would let them read the person's 1:1s). */
export const updateUserBody = z.object({ role });
export const changePasswordBody = z.object({
  currentPassword: plainString().min(1).max(limits.passwordMax),
  newPassword: password,
});
