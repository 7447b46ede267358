/** First run without the demo: create the organization and its owner. Refused once any organization exists. */
import { AppError } from '../../../core/errors';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { insertPerson } from '../people/repo';
import { countOrganizations, insertOrganization, insertUser } from './repo';

export async function setupOrganization(
  deps: Pick<Deps, 'db' | 'clock' | 'passwords'>,
  input: { organizationName: string; ownerName: string; email: string; password: string },
): Promise<{ orgId: string; userId: string; personId: string }> {
  const passwordHash = await deps.passwords.hash(input.password);
  const now = isoNow(deps.clock);
  const orgId = newId();
  const personId = newId();
  const userId = newId();
  await deps.db.transaction().execute(async (trx) => {
    if ((await countOrganizations(trx)) > 0) {
      throw new AppError('setup_done', 'This installation already has an organization; sign in instead');
    }
    await insertOrganization(trx, { id: orgId, name: input.organizationName, createdAt: now });
    await insertPerson(trx, {
      id: personId,
      orgId,
      name: input.ownerName,
      email: input.email,
      title: 'Owner',
      now,
    });
    await insertUser(trx, {
      id: userId,
      orgId,
      personId,
      email: input.email,
      passwordHash,
      role: 'owner',
      createdAt: now,
    });
  });
  return { orgId, userId, personId };
}
