import type { OneOnOne } from '../../api/people-side';
import { Badge } from '../../components/badges';
import { cadenceStatus } from './cadence-status';

/** The 1:1's standing against its cadence, the same words on the list and on the 1:1's page. */
export function CadenceBadge({ pair, today }: { pair: OneOnOne; today: string }) {
  const status = cadenceStatus(pair, today);
  return (
    <Badge {...(status.tone === 'neutral' ? {} : { tone: status.tone })} title={status.title}>
      {status.label}
    </Badge>
  );
}
