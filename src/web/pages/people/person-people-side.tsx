/** The leader's side on a profile: the 1:1 with this person (when you hold one) and their talent review (when you may see it). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import type { Person } from '../../api/client';
import { peopleSideApi } from '../../api/people-side';
import { invalidateSide, useOneOnOnes, usePersonTalent } from '../../api/people-side-queries';
import { usePeopleLookup } from '../../api/queries';
import { Badge } from '../../components/badges';
import { useToast } from '../../components/toast';
import { fmtDate } from '../../lib/format';
import { useSession } from '../../lib/session';

/** "Open 1:1" when you and this person have one; "Set up 1:1" when they report to you and do not yet. */
export function OneOnOneAction({ person }: { person: Person }) {
  const { me } = useSession();
  const pairs = useOneOnOnes(true);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => peopleSideApi.oneOnOnes.create({ reportId: person.id }),
    onSuccess: async (pair) => {
      await invalidateSide.oneOnOnes(queryClient);
      await navigate(`/one-on-ones/${pair.id}`);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  if (!me.personId || me.personId === person.id || !pairs.data) return null;
  const pair = pairs.data.items.find(
    (p) =>
      (p.managerId === me.personId && p.reportId === person.id) ||
      (p.reportId === me.personId && p.managerId === person.id),
  );
  if (pair)
    return (
      <Link to={`/one-on-ones/${pair.id}`} className="button">
        Open 1:1{pair.daysOverdue > 0 ? ' (overdue)' : ''}
      </Link>
    );
  if (person.managerId !== me.personId) return null;
  return (
    <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
      Set up 1:1
    </button>
  );
}

/** The current 9-box placement, for the people allowed to see it (nothing at all for anyone else). */
export function TalentCard({ person }: { person: Person }) {
  const session = useSession();
  const people = usePeopleLookup();
  // only ask when the answer can be yes: owners and leaders, or someone above this person
  const above = new Set<string>();
  for (let m = person.managerId; m && !above.has(m); m = people.byId.get(m)?.managerId ?? null) above.add(m);
  const mayAsk =
    !session.isMe(person.id) &&
    (session.can('people.write') || (session.me.personId !== null && above.has(session.me.personId)));
  const talent = usePersonTalent(person.id, mayAsk);
  if (!mayAsk || !talent.data) return null;
  const current = talent.data.history[0];
  return (
    <section className="card" aria-labelledby="talent-heading">
      <div className="card-title-row">
        <h2 id="talent-heading">Talent review</h2>
        <Badge tone="stretch" title="Seen by owners, leaders and their management chain only">
          Restricted
        </Badge>
      </div>
      {current ? (
        <p>
          <strong>{current.box}</strong>{' '}
          <span className="muted small">
            performance {current.performance}/3 · potential {current.potential}/3 ·{' '}
            {fmtDate(current.createdAt)}
          </span>
        </p>
      ) : (
        <p className="muted small">Not placed yet.</p>
      )}
      <Link to={`/talent?person=${person.id}`} className="small">
        Review in the 9-box →
      </Link>
    </section>
  );
}
