/**
 * Talent review, for leaders and each person's management chain: the 9-box (performance × potential)
 * with its history, and the emerging leaders — people who act as leaders without the title — with
 * every signal behind them listed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { nineBoxLabel } from '../../../core/people-side';
import { ApiError } from '../../api/client';
import {
  peopleSideApi,
  type EmergingLeaders,
  type TalentGrid,
  type TalentReview,
} from '../../api/people-side';
import {
  invalidateSide,
  useEmergingLeaders,
  usePersonTalent,
  useTalentGrid,
} from '../../api/people-side-queries';
import { usePeopleLookup } from '../../api/queries';
import { Badge } from '../../components/badges';
import { Drawer } from '../../components/drawer';
import { FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Avatar, PersonLink } from '../../components/person-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDate, plural } from '../../lib/format';

export function TalentPage() {
  useDocumentTitle('Talent review');
  const grid = useTalentGrid();
  const emerging = useEmergingLeaders(grid.isSuccess);
  const [params, setParams] = useSearchParams();
  const selected = params.get('person');

  if (grid.isPending) return <Loading label="Loading the talent review…" />;
  if (grid.isError) {
    if (grid.error instanceof ApiError && grid.error.status === 403)
      return (
        <div className="page">
          <PageHeader title="Talent review" />
          <Empty title="The talent review is for leaders and managers">
            Owners and leaders see everyone; a manager sees the people below them in the reporting lines.
            Nobody sees their own placement, or that of their peers or managers.
          </Empty>
        </div>
      );
    return <ErrorState error={grid.error} what="the talent review" onRetry={() => void grid.refetch()} />;
  }
  return (
    <div className="page page-wide">
      <PageHeader title="Talent review">
        <p className="muted">
          {grid.data.scope === 'organization'
            ? 'Everyone in the organization but you.'
            : 'The people below you in the reporting lines.'}{' '}
          Visible only to owners, leaders and each person’s management chain — never to the person, their
          peers or their reports. Every placement is kept as history.
        </p>
      </PageHeader>
      <div className="grid-main-side">
        <NineBox grid={grid.data} onPick={(personId) => setParams({ person: personId })} />
        <div className="stack">
          {emerging.isPending ? (
            <Loading />
          ) : emerging.isError ? (
            <ErrorState error={emerging.error} what="the emerging leaders" />
          ) : (
            <Emerging data={emerging.data} />
          )}
        </div>
      </div>
      {selected ? <PlaceDrawer personId={selected} onClose={() => setParams({})} /> : null}
    </div>
  );
}

function NineBox({ grid, onPick }: { grid: TalentGrid; onPick: (personId: string) => void }) {
  const people = usePeopleLookup();
  const placed = grid.people.filter((p) => p.current !== null);
  const unplaced = grid.people.filter((p) => p.current === null);
  const at = (performance: number, potential: number) =>
    placed.filter((p) => p.current!.performance === performance && p.current!.potential === potential);
  const moved = (p: TalentGrid['people'][number]) => {
    if (!p.previous || !p.current) return null;
    const d = p.current.performance + p.current.potential - (p.previous.performance + p.previous.potential);
    return d > 0 ? '↑' : d < 0 ? '↓' : null;
  };
  return (
    <section className="card" aria-labelledby="ninebox-heading">
      <div className="card-title-row">
        <h2 id="ninebox-heading">9-box</h2>
        <span className="muted small">
          {plural(placed.length, 'person', 'people')} placed · click a name to review
        </span>
      </div>
      <div className="ninebox">
        <div className="ninebox-axis-y" aria-hidden="true">
          Potential →
        </div>
        <div
          className="ninebox-grid"
          role="grid"
          aria-label="Performance (columns, low to high) by potential (rows, high to low)"
        >
          {[3, 2, 1].map((potential) =>
            [1, 2, 3].map((performance) => {
              const cell = at(performance, potential);
              return (
                <div
                  key={`${performance}-${potential}`}
                  role="gridcell"
                  className={`ninebox-cell nb-${performance}-${potential}`}
                  aria-label={`${nineBoxLabel(performance, potential)}: ${cell.length}`}
                >
                  <p className="ninebox-title">
                    {nineBoxLabel(performance, potential)} <span className="muted">{cell.length}</span>
                  </p>
                  <ul>
                    {cell.map((p) => {
                      const name = people.byId.get(p.personId)?.name ?? '…';
                      const arrow = moved(p);
                      return (
                        <li key={p.personId}>
                          <button type="button" className="ninebox-person" onClick={() => onPick(p.personId)}>
                            <Avatar name={name} size="sm" /> {name}
                            {arrow ? (
                              <span
                                className={arrow === '↑' ? 'text-good' : 'text-bad'}
                                title="Since the previous placement"
                              >
                                {arrow}
                              </span>
                            ) : null}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            }),
          )}
        </div>
        <div className="ninebox-axis-x" aria-hidden="true">
          Performance →
        </div>
      </div>
      {unplaced.length > 0 ? (
        <>
          <h3 className="subheading">Not placed yet ({unplaced.length})</h3>
          <ul className="chips">
            {unplaced.map((p) => (
              <li key={p.personId}>
                <button type="button" className="chip" onClick={() => onPick(p.personId)}>
                  {people.byId.get(p.personId)?.name ?? '…'}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Emerging({ data }: { data: EmergingLeaders }) {
  return (
    <section className="card" aria-labelledby="emerging-heading">
      <h2 id="emerging-heading">Emerging leaders</h2>
      <p className="muted small">{data.rule}</p>
      {data.items.length === 0 ? (
        <Empty title="No one stands out yet">Signals build up as people mentor, help and own goals.</Empty>
      ) : (
        <ol className="emerging-list">
          {data.items.map((item) => (
            <li key={item.personId}>
              <PersonLink id={item.personId} avatar />
              <ul className="signal-list">
                {item.signals.map((s) => (
                  <li key={s.kind}>
                    <span className="strong">{s.summary}</span>
                    {s.examples.length > 0 ? (
                      <span className="muted small"> — {s.examples.join(', ')}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PlaceDrawer({ personId, onClose }: { personId: string; onClose: () => void }) {
  const people = usePeopleLookup();
  const history = usePersonTalent(personId, true);
  const queryClient = useQueryClient();
  const notify = useToast();
  const latest: TalentReview | undefined = history.data?.history[0];
  const [performance, setPerformance] = useState<number | null>(null);
  const [potential, setPotential] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const name = people.byId.get(personId)?.name ?? 'this person';
  const place = useMutation({
    mutationFn: () =>
      peopleSideApi.talent.place(personId, {
        performance: performance ?? latest?.performance ?? 2,
        potential: potential ?? latest?.potential ?? 2,
        note,
      }),
    onSuccess: async () => {
      notify(`${name} placed`);
      setNote('');
      await invalidateSide.talent(queryClient);
    },
  });
  const perf = performance ?? latest?.performance ?? null;
  const pot = potential ?? latest?.potential ?? null;
  const choice = (label: string, value: number | null, set: (n: number) => void) => (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      <div className="row">
        {[1, 2, 3].map((n) => (
          <label key={n} className="checkbox">
            <input type="radio" name={label} checked={value === n} onChange={() => set(n)} />
            {n === 1 ? 'Low' : n === 2 ? 'Medium' : 'High'}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <Drawer title={`Talent review: ${name}`} onClose={onClose}>
      <div className="stack">
        <p className="small">
          <Link to={`/people/${personId}`}>Open the profile</Link>
        </p>
        {choice('Performance', perf, setPerformance)}
        {choice('Potential', pot, setPotential)}
        {perf && pot ? (
          <p>
            Box: <Badge tone="accent">{nineBoxLabel(perf, pot)}</Badge>
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">Why (optional; the same people who see the box read it)</span>
          <textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <FormError error={place.error} />
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!perf || !pot || place.isPending}
            onClick={() => place.mutate()}
          >
            Save placement
          </button>
        </div>
        <h3 className="subheading">History</h3>
        {history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <ErrorState error={history.error} what="the history" />
        ) : history.data.history.length === 0 ? (
          <p className="muted small">Not placed before.</p>
        ) : (
          <ul className="plain-list compact">
            {history.data.history.map((h) => (
              <li key={h.id} className="small">
                <strong>{h.box}</strong> (performance {h.performance}, potential {h.potential}) ·{' '}
                {fmtDate(h.createdAt)}{' '}
                {h.reviewerId ? (
                  <>
                    by <PersonLink id={h.reviewerId} />
                  </>
                ) : null}
                {h.note ? <p className="muted">{h.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Drawer>
  );
}
