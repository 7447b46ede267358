/**
 * My growth: the self-assessment on the article's two skill lists with chosen colleagues' views (360),
 * the leadership/management balance, requests to give your view, and the people you mentor.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  assessmentSkillLabel,
  assessmentSkills,
  leadershipSkills,
  managementSkills,
  type AssessmentSkill,
} from '../../../core/people-side';
import {
  peopleSideApi,
  type Assessment,
  type AssessmentRatings,
  type RequestForMe,
} from '../../api/people-side';
import {
  invalidateSide,
  useMentees,
  useMyAssessments,
  useRequestsForMe,
} from '../../api/people-side-queries';
import { usePeopleLookup, useSkillsLookup } from '../../api/queries';
import { Badge } from '../../components/badges';
import { FormError } from '../../components/form';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { MultiSelect } from '../../components/multi-select';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { PersonLink } from '../../components/person-link';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { chartColors } from '../../lib/chart-colors';
import { fmtDate, plural } from '../../lib/format';
import { useSession } from '../../lib/session';

const ratingWords = ['Just starting', 'Developing', 'Capable', 'Strong', 'A model for others'];

export function GrowthPage() {
  useDocumentTitle('My growth');
  const { me } = useSession();
  const mine = useMyAssessments();
  return (
    <div className="page">
      <PageHeader
        title="My growth"
        actions={
          me.personId ? (
            <Link to={`/people/${me.personId}#growth-plan`} className="button">
              My growth plan
            </Link>
          ) : null
        }
      >
        <p className="muted">
          The article’s two skill lists — leadership and management — rated by you and by colleagues you
          choose. Colleagues’ answers are only ever shown as an average of three or more, after you close the
          round.
        </p>
      </PageHeader>
      <div className="grid-main-side">
        <div className="stack">
          {mine.isPending ? (
            <Loading label="Loading your assessment…" />
          ) : mine.isError ? (
            <ErrorState error={mine.error} what="your assessment" onRetry={() => void mine.refetch()} />
          ) : (
            <>
              <SelfAssessment current={mine.data.current} lastClosed={mine.data.past[0] ?? null} />
              {mine.data.past.length > 0 ? <PastRounds rounds={mine.data.past} /> : null}
            </>
          )}
        </div>
        <div className="stack">
          <RequestsForMe />
          {mine.data ? <Reviewers current={mine.data.current} minAnswers={mine.data.minPeerAnswers} /> : null}
          <Mentees />
        </div>
      </div>
    </div>
  );
}

function BalanceChart({
  self,
  peers,
}: {
  self: AssessmentRatings | null;
  peers: Record<string, number | null> | null;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      legend: { bottom: 0, textStyle: { color: chartColors.text } },
      tooltip: { trigger: 'item' },
      radar: {
        radius: '62%',
        indicator: assessmentSkills.map((s) => ({ name: assessmentSkillLabel[s], max: 5, min: 0 })),
        axisName: {
          color: chartColors.text,
          fontSize: 11,
        },
        splitLine: { lineStyle: { color: chartColors.grid } },
        splitArea: { show: false },
      },
      series: [
        {
          type: 'radar',
          data: [
            ...(self
              ? [
                  {
                    name: 'You',
                    value: assessmentSkills.map((s) => self[s]),
                    itemStyle: { color: chartColors.accent },
                    areaStyle: { opacity: 0.15 },
                  },
                ]
              : []),
            ...(peers
              ? [
                  {
                    name: 'Colleagues (average)',
                    value: assessmentSkills.map((s) => peers[s] ?? 0),
                    itemStyle: { color: chartColors.good },
                    lineStyle: { type: 'dashed' },
                  },
                ]
              : []),
          ],
        },
      ],
    }),
    [self, peers],
  );
  return (
    <LazyChart
      option={option}
      height={320}
      label="Leadership and management skills: your rating and your colleagues' average"
    />
  );
}

function BalanceLine({ balance, who }: { balance: Assessment['selfBalance']; who: string }) {
  if (balance.leadership === null || balance.management === null) return null;
  const lean = balance.lean ?? 0;
  const total = balance.leadership + balance.management;
  const share = Math.round((balance.leadership / total) * 100);
  return (
    <div className="balance">
      <div className="balance-labels small">
        <span>
          Leadership <strong>{balance.leadership.toFixed(1)}</strong>
        </span>
        <span>{who}</span>
        <span>
          <strong>{balance.management.toFixed(1)}</strong> Management
        </span>
      </div>
      <div className="balance-bar" role="img" aria-label={`${share}% leadership, ${100 - share}% management`}>
        <span className="balance-lead" style={{ width: `${share}%` }} />
      </div>
      <p className="muted small">
        {Math.abs(lean) < 0.3
          ? 'Balanced between the two.'
          : lean > 0
            ? `Leans to leadership by ${lean.toFixed(1)}: strongest on people and direction.`
            : `Leans to management by ${(-lean).toFixed(1)}: strongest on getting it done.`}
      </p>
    </div>
  );
}

function SelfAssessment({
  current,
  lastClosed,
}: {
  current: Assessment | null;
  lastClosed: Assessment | null;
}) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const initial = current?.self ?? null;
  const [ratings, setRatings] = useState<Partial<Record<AssessmentSkill, number>>>(initial ?? {});
  const complete = assessmentSkills.every((s) => typeof ratings[s] === 'number');
  const save = useMutation({
    mutationFn: () => peopleSideApi.assessments.rateSelf(ratings as AssessmentRatings),
    onSuccess: async () => {
      notify('Self-assessment saved');
      await invalidateSide.assessments(queryClient);
    },
  });
  const shown = current?.self ?? lastClosed?.self ?? null;
  const balanceSource = current?.self ? current : lastClosed;

  const group = (title: string, skills: readonly AssessmentSkill[]) => (
    <fieldset className="fieldset">
      <legend>{title}</legend>
      {skills.map((skill) => (
        <div key={skill} className="rating-row">
          <span id={`rate-${skill}`}>{assessmentSkillLabel[skill]}</span>
          <div className="rating-options" role="radiogroup" aria-labelledby={`rate-${skill}`}>
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className={`rating-option${ratings[skill] === n ? ' is-active' : ''}`}
                title={ratingWords[n - 1]}
              >
                <input
                  type="radio"
                  name={`self-${skill}`}
                  checked={ratings[skill] === n}
                  onChange={() => setRatings({ ...ratings, [skill]: n })}
                  aria-label={`${assessmentSkillLabel[skill]}: ${n} — ${ratingWords[n - 1]}`}
                />
                {n}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );

  return (
    <>
      <section className="card" aria-labelledby="balance-heading">
        <div className="card-title-row">
          <h2 id="balance-heading">Your balance</h2>
          {current ? <Badge tone="accent">Round open since {fmtDate(current.createdAt)}</Badge> : null}
        </div>
        {shown ? (
          <>
            <BalanceChart self={shown} peers={lastClosed?.peers?.ratings ?? null} />
            <p className="muted small chart-caption">
              Left half: the leadership skills · right half: the management skills
            </p>
            {balanceSource ? <BalanceLine balance={balanceSource.selfBalance} who="your view" /> : null}
            {lastClosed?.peers ? (
              <BalanceLine
                balance={lastClosed.peers.balance}
                who={`${lastClosed.peers.respondents} colleagues`}
              />
            ) : null}
          </>
        ) : (
          <p className="muted">Rate yourself below to see your leadership/management balance.</p>
        )}
      </section>
      <section className="card" aria-labelledby="self-heading">
        <h2 id="self-heading">{current?.self ? 'Your self-assessment' : 'Rate yourself'}</h2>
        <p className="muted small">
          1 = just starting · 3 = capable · 5 = a model for others. Only you see your answers.
        </p>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <div className="grid-2">
            {group('Leadership', leadershipSkills)}
            {group('Management', managementSkills)}
          </div>
          <FormError error={save.error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={!complete || save.isPending}>
              Save my ratings
            </button>
            {!complete ? <span className="muted small">Rate all eight to save.</span> : null}
          </div>
        </form>
      </section>
    </>
  );
}

function Reviewers({ current, minAnswers }: { current: Assessment | null; minAnswers: number }) {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const notify = useToast();
  const people = usePeopleLookup();
  const [chosen, setChosen] = useState<string[]>([]);
  const refresh = () => invalidateSide.assessments(queryClient);
  const ask = useMutation({
    mutationFn: () => peopleSideApi.assessments.request(chosen),
    onSuccess: async () => {
      notify(`Asked ${plural(chosen.length, 'colleague')}`);
      setChosen([]);
      await refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => peopleSideApi.assessments.withdraw(id),
    onSuccess: refresh,
    onError: (error) => notify(error.message, 'bad'),
  });
  const close = useMutation({
    mutationFn: () => peopleSideApi.assessments.close(),
    onSuccess: async () => {
      notify('Round closed');
      await refresh();
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const asked = new Set(current?.requests.map((r) => r.reviewerId) ?? []);
  const options = people.list
    .filter((p) => p.id !== me.personId && !asked.has(p.id))
    .map((p) => ({ value: p.id, label: p.title ? `${p.name} — ${p.title}` : p.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const answered = current?.requests.filter((r) => r.status === 'answered').length ?? 0;

  return (
    <section className="card" aria-labelledby="reviewers-heading">
      <h2 id="reviewers-heading">Colleagues’ view (360)</h2>
      {current && current.requests.length > 0 ? (
        <ul className="plain-list compact">
          {current.requests.map((r) => (
            <li key={r.id} className="row-between small">
              <PersonLink id={r.reviewerId} />
              <span className="row-tight">
                <Badge tone={r.status === 'answered' ? 'good' : r.status === 'declined' ? 'neutral' : 'warn'}>
                  {r.status === 'answered' ? 'Answered' : r.status === 'declined' ? 'Declined' : 'Waiting'}
                </Badge>
                {r.status === 'pending' ? (
                  <button type="button" className="link-button small" onClick={() => withdraw.mutate(r.id)}>
                    Withdraw
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">
          Ask a few colleagues who see your work. You will see their average, never one answer.
        </p>
      )}
      {current?.peersNote ? <p className="muted small">{current.peersNote}</p> : null}
      <div className="stack">
        <MultiSelect label="Ask colleagues" options={options} value={chosen} onChange={setChosen} />
        <FormError error={ask.error} />
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={chosen.length === 0 || ask.isPending}
            onClick={() => ask.mutate()}
          >
            Ask for their view
          </button>
          {current ? (
            <button
              type="button"
              className="button button-ghost"
              disabled={close.isPending}
              onClick={() => {
                const warning =
                  answered < minAnswers
                    ? `Only ${answered} answered: with fewer than ${minAnswers}, their views stay hidden. Close anyway?`
                    : 'Close the round? No more answers come in, and you will see your colleagues’ average.';
                if (window.confirm(warning)) close.mutate();
              }}
            >
              Close the round
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function PastRounds({ rounds }: { rounds: Assessment[] }) {
  return (
    <section className="card" aria-labelledby="past-heading">
      <h2 id="past-heading">Past rounds</h2>
      <ul className="plain-list">
        {rounds.map((r) => (
          <li key={r.id}>
            <p className="strong">
              {fmtDate(r.createdAt)} – {fmtDate(r.closedAt)}
            </p>
            {r.peers ? (
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">Skill</th>
                    <th scope="col" className="num">
                      You
                    </th>
                    <th scope="col" className="num">
                      Colleagues ({r.peers.respondents})
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {assessmentSkills.map((s) => (
                    <tr key={s}>
                      <td>{assessmentSkillLabel[s]}</td>
                      <td className="num">{r.self?.[s] ?? '—'}</td>
                      <td className="num">{r.peers?.ratings[s]?.toFixed(1) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted small">{r.peersNote}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RequestsForMe() {
  const requests = useRequestsForMe();
  const pending = (requests.data?.items ?? []).filter((r) => r.status === 'pending' && r.isOpen);
  const [open, setOpen] = useState<string | null>(null);
  if (requests.isPending || pending.length === 0) return null;
  return (
    <section className="card attention" aria-labelledby="for-me-heading">
      <h2 id="for-me-heading">Colleagues asking for your view</h2>
      <p className="muted small">
        Your answers are never shown one by one: only as part of an average of three or more, after the round
        closes.
      </p>
      <ul className="plain-list">
        {pending.map((r) => (
          <li key={r.id}>
            <div className="row-between">
              <PersonLink id={r.personId} avatar />
              <button
                type="button"
                className="button button-small"
                onClick={() => setOpen(open === r.id ? null : r.id)}
              >
                {open === r.id ? 'Hide' : 'Give my view'}
              </button>
            </div>
            {open === r.id ? <AnswerForm request={r} onDone={() => setOpen(null)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ request, onDone }: { request: RequestForMe; onDone: () => void }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [ratings, setRatings] = useState<Partial<Record<AssessmentSkill, number>>>({});
  const complete = assessmentSkills.every((s) => typeof ratings[s] === 'number');
  const answer = useMutation({
    mutationFn: () => peopleSideApi.assessments.answer(request.id, ratings as AssessmentRatings),
    onSuccess: async () => {
      notify('Thank you — your view is in');
      onDone();
      await invalidateSide.assessments(queryClient);
    },
  });
  const decline = useMutation({
    mutationFn: () => peopleSideApi.assessments.decline(request.id),
    onSuccess: async () => {
      onDone();
      await invalidateSide.assessments(queryClient);
    },
  });
  return (
    <div className="stack answer-form">
      {assessmentSkills.map((skill) => (
        <div key={skill} className="rating-row small">
          <span id={`ans-${request.id}-${skill}`}>{assessmentSkillLabel[skill]}</span>
          <div className="rating-options" role="radiogroup" aria-labelledby={`ans-${request.id}-${skill}`}>
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className={`rating-option${ratings[skill] === n ? ' is-active' : ''}`}
                title={ratingWords[n - 1]}
              >
                <input
                  type="radio"
                  name={`ans-${request.id}-${skill}`}
                  checked={ratings[skill] === n}
                  onChange={() => setRatings({ ...ratings, [skill]: n })}
                />
                {n}
              </label>
            ))}
          </div>
        </div>
      ))}
      <FormError error={answer.error ?? decline.error} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={!complete || answer.isPending}
          onClick={() => answer.mutate()}
        >
          Send my view
        </button>
        <button type="button" className="button button-ghost button-small" onClick={() => decline.mutate()}>
          Decline
        </button>
      </div>
    </div>
  );
}

function Mentees() {
  const mentees = useMentees();
  const skills = useSkillsLookup();
  const items = mentees.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="mentees-heading">
      <h2 id="mentees-heading">You mentor</h2>
      <ul className="plain-list compact">
        {items.map((m) => (
          <li key={m.personId}>
            <PersonLink id={m.personId} avatar />
            <span className="muted small">
              {' '}
              · growing {m.skills.map((s) => skills.byId.get(s.skillId)?.name ?? '…').join(', ') || '—'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
