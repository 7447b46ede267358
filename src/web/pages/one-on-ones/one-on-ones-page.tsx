/** Your 1:1s: with each report (cadence kept or missed), with your manager, and as a mentor. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { peopleSideApi, type Cadence, type OneOnOne } from '../../api/people-side';
import { invalidateSide, useOneOnOnes } from '../../api/people-side-queries';
import { usePeopleLookup } from '../../api/queries';
import { Badge } from '../../components/badges';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Avatar } from '../../components/person-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDate, plural } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useToday } from '../../lib/today';
import { CadenceBadge } from './cadence-badge';
import { nextMeetingText } from './cadence-status';
import { cadenceLabel, cadences } from '../../../core/people-side';

export function OneOnOnesPage() {
  useDocumentTitle('1:1s');
  const [showPaused, setShowPaused] = useState(false);
  const pairs = useOneOnOnes(showPaused);
  const people = usePeopleLookup();
  const { me } = useSession();

  if (pairs.isPending) return <Loading label="Loading your 1:1s…" />;
  if (pairs.isError)
    return <ErrorState error={pairs.error} what="your 1:1s" onRetry={() => void pairs.refetch()} />;
  const list = pairs.data.items;
  const asManager = list.filter((p) => p.myRole === 'manager' && p.kind === 'manager');
  const asMentor = list.filter((p) => p.myRole === 'manager' && p.kind === 'mentor');
  const asReport = list.filter((p) => p.myRole === 'report');
  const withPair = new Set(asManager.map((p) => p.reportId));
  const reportsWithout = people.list
    .filter((p) => p.managerId !== null && p.managerId === me.personId && !withPair.has(p.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const overdue = asManager.filter((p) => p.isActive && p.daysOverdue > 0).length;

  return (
    <div className="page">
      <PageHeader
        title="1:1s"
        actions={
          <label className="checkbox small">
            <input type="checkbox" checked={showPaused} onChange={(e) => setShowPaused(e.target.checked)} />{' '}
            Show paused
          </label>
        }
      >
        <p className="muted">
          What is said in a 1:1 stays between its two people: no owner, leader or admin screen shows it.
        </p>
      </PageHeader>

      {asManager.length > 0 || reportsWithout.length > 0 ? (
        <section className="card" aria-labelledby="reports-heading">
          <div className="card-title-row">
            <h2 id="reports-heading">With your reports</h2>
            {overdue > 0 ? (
              <Badge tone="bad">{plural(overdue, '1:1 overdue', '1:1s overdue')}</Badge>
            ) : asManager.length > 0 ? (
              <Badge tone="good">All on cadence</Badge>
            ) : null}
          </div>
          <PairList pairs={asManager} />
          {reportsWithout.length > 0 ? (
            <>
              <h3 className="subheading">Reports without a 1:1 yet</h3>
              <ul className="plain-list">
                {reportsWithout.map((p) => (
                  <SetUpRow key={p.id} personId={p.id} name={p.name} title={p.title} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {asReport.length > 0 ? (
        <section className="card" aria-labelledby="mine-heading">
          <h2 id="mine-heading">With your manager and mentors</h2>
          <PairList pairs={asReport} />
        </section>
      ) : null}

      {asMentor.length > 0 ? (
        <section className="card" aria-labelledby="mentor-heading">
          <h2 id="mentor-heading">As a mentor</h2>
          <PairList pairs={asMentor} />
        </section>
      ) : null}

      {list.length === 0 && reportsWithout.length === 0 ? (
        <Empty title="No 1:1s yet">
          Your manager sets up your 1:1s; a mentor named in your growth plan can too. If people report to you,
          they appear here to set up.
        </Empty>
      ) : null}
    </div>
  );
}

function PairList({ pairs }: { pairs: OneOnOne[] }) {
  const people = usePeopleLookup();
  const today = useToday();
  if (pairs.length === 0) return <p className="muted small">None yet.</p>;
  return (
    <ul className="pair-list">
      {pairs.map((pair) => {
        const otherId = pair.myRole === 'manager' ? pair.reportId : pair.managerId;
        const other = people.byId.get(otherId);
        return (
          <li key={pair.id}>
            <Link to={`/one-on-ones/${pair.id}`} className="pair-row">
              <Avatar name={other?.name ?? '?'} />
              <span className="pair-who">
                <span className="strong">{other?.name ?? '…'}</span>
                <span className="muted small">
                  {pair.kind === 'mentor' ? (pair.myRole === 'manager' ? 'Mentee · ' : 'Mentor · ') : ''}
                  {cadenceLabel[pair.cadence]}
                </span>
              </span>
              <span className="pair-dates small">
                <span>Last: {pair.lastHeldOn ? fmtDate(pair.lastHeldOn) : 'not yet'}</span>
                <span className={pair.nextMeeting && pair.nextMeeting.date < today ? 'text-bad' : undefined}>
                  Next: {nextMeetingText(pair, today)}
                </span>
              </span>
              <span className="pair-status">
                <CadenceBadge pair={pair} today={today} />
                {pair.openActionItems > 0 ? (
                  <span className="muted small">
                    {plural(pair.openActionItems, 'open action', 'open actions')}
                  </span>
                ) : null}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function SetUpRow({ personId, name, title }: { personId: string; name: string; title: string }) {
  const [cadence, setCadence] = useState<Cadence>('fortnightly');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => peopleSideApi.oneOnOnes.create({ reportId: personId, cadence }),
    onSuccess: async (pair) => {
      notify(`1:1 with ${name} set up`);
      await invalidateSide.oneOnOnes(queryClient);
      await navigate(`/one-on-ones/${pair.id}`);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  return (
    <li className="row-between">
      <span className="row-tight">
        <Avatar name={name} size="sm" />
        <span>
          {name} {title ? <span className="muted small">· {title}</span> : null}
        </span>
      </span>
      <span className="row-tight">
        <select
          aria-label={`How often to meet ${name}`}
          value={cadence}
          onChange={(e) => setCadence(e.target.value as Cadence)}
        >
          {cadences.map((c) => (
            <option key={c} value={c}>
              {cadenceLabel[c]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          Set up 1:1
        </button>
      </span>
    </li>
  );
}
