import type { Deps } from '../../deps';
import { countOrganizations } from './repo';

/** True while the installation has no organization: the first-run screen creates one. */
export async function needsSetup(deps: Pick<Deps, 'db'>): Promise<boolean> {
  return (await countOrganizations(deps.db)) === 0;
}
