import { z } from 'zod';
import { limits } from '../limits';
import { roles } from '../roles';
import { id, isoDateTime, name } from './common';

export const role = z.enum(roles);
export const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254));
export const password = z
  .string()
  .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
  .max(limits.passwordMax);

export const loginBody = z.object({ email, password: z.string().min(1).max(limits.passwordMax) });
export const setupBody = z.object({
  organizationName: name,
  ownerName: name,
  email,
  password,
});
export const setupStatus = z.object({ needsSetup: z.boolean() });

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
});
export type Me = z.infer<typeof me>;

export const apiToken = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
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
export const createUserBody = z.object({ email, password, role, personId: id });
/** Owners change roles; nobody sets another person's password (that would let them read the person's 1:1s). */
export const updateUserBody = z.object({ role });
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(limits.passwordMax),
  newPassword: password,
});
