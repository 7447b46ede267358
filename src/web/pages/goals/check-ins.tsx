/** Check-ins on a goal: value, confidence and a comment; the history as a list and a small chart. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, type GoalDetail } from '../../api/client';
import { invalidate, usePeopleLookup } from '../../api/queries';
import { ConfidenceBadge } from '../../components/badges';
import { Field, FormActions, FormError } from '../../components/form';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { Empty } from '../../components/states';
import { useToast } from '../../components/toast';
import { chartColors } from '../../lib/chart-colors';
import { fmtDate, fmtNumber, fmtShortDate } from '../../lib/format';
import { reasons } from '../../lib/reasons';
import { readNumber } from '../../lib/validate';

export function CheckIns({ goal, canCheckIn }: { goal: GoalDetail; canCheckIn: boolean }) {
  const people = usePeopleLookup();
  const sorted = useMemo(
    () =>
      [...goal.checkIns].sort((a, b) =>
        a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date),
      ),
    [goal.checkIns],
  );
  const newestFirst = useMemo(() => [...sorted].reverse(), [sorted]);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? newestFirst : newestFirst.slice(0, 5);
  const unit = goal.metricUnit ?? '';

  const option = useMemo<ChartOption | null>(() => {
    if (sorted.length < 2) return null;
    const hasValues = sorted.some((c) => c.value !== null);
    return {
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: sorted.map((c) => fmtShortDate(c.date)),
        axisLabel: { color: chartColors.text },
      },
      yAxis: [
        hasValues
          ? {
              type: 'value',
              name: unit,
              axisLabel: { color: chartColors.text },
              splitLine: { lineStyle: { color: chartColors.grid } },
            }
          : { type: 'value', show: false },
        {
          type: 'value',
          min: 0,
          max: 1,
          name: 'confidence',
          axisLabel: { color: chartColors.muted },
          splitLine: { show: false },
        },
      ],
      series: [
        ...(hasValues
          ? [
              {
                name: unit ? `Value (${unit})` : 'Value',
                type: 'line',
                data: sorted.map((c) => c.value),
                itemStyle: { color: chartColors.accent },
                connectNulls: true,
                markLine:
                  goal.metricTarget !== null
                    ? {
                        symbol: 'none',
                        data: [{ yAxis: goal.metricTarget, name: 'target' }],
                        lineStyle: { color: chartColors.good, type: 'dashed' },
                        label: { formatter: 'target', color: chartColors.good },
                      }
                    : undefined,
              },
            ]
          : []),
        {
          name: 'Confidence',
          type: 'line',
          yAxisIndex: 1,
          data: sorted.map((c) => c.confidence),
          itemStyle: { color: chartColors.warn },
          lineStyle: { type: 'dotted' },
        },
      ],
    };
  }, [sorted, unit, goal.metricTarget]);

  return (
    <section className="card" aria-labelledby="check-ins-heading">
      <h2 id="check-ins-heading">Check-ins</h2>
      {canCheckIn ? <CheckInForm goal={goal} /> : <p className="muted small">{reasons.goalCheckIn}.</p>}
      {option ? (
        <LazyChart option={option} height={180} label="Check-in values and confidence over time" />
      ) : null}
      {newestFirst.length === 0 ? (
        <Empty title="No check-ins yet">
          {canCheckIn
            ? 'Record where the number stands and how confident you are.'
            : 'Nobody has checked in yet.'}
        </Empty>
      ) : (
        <ol className="check-ins">
          {shown.map((c) => (
            <li key={c.id}>
              <div className="row-between">
                <span className="strong">
                  {c.value !== null ? `${fmtNumber(c.value)}${unit ? ` ${unit}` : ''}` : 'No value'}
                </span>
                <ConfidenceBadge value={c.confidence} />
              </div>
              {c.comment ? <p className="check-in-comment">{c.comment}</p> : null}
              <p className="muted small">
                {fmtDate(c.date)}
                {c.authorId ? ` · ${people.byId.get(c.authorId)?.name ?? 'someone'}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      {newestFirst.length > 5 ? (
        <button type="button" className="link-button small show-more" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show the latest 5' : `Show all ${newestFirst.length} check-ins`}
        </button>
      ) : null}
    </section>
  );
}

function CheckInForm({ goal }: { goal: GoalDetail }) {
  const last = goal.checkIns.reduce<GoalDetail['checkIns'][number] | null>(
    (latest, c) =>
      !latest || c.date > latest.date || (c.date === latest.date && c.createdAt > latest.createdAt)
        ? c
        : latest,
    null,
  );
  const [value, setValue] = useState(goal.metricCurrent !== null ? String(goal.metricCurrent) : '');
  const [confidence, setConfidence] = useState(last?.confidence ?? 0.7);
  const [comment, setComment] = useState('');
  const [date, setDate] = useState('');
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () =>
      api.goals.checkIn(goal.id, {
        value: readNumber(value, 'value'),
        confidence,
        comment,
        ...(date ? { date } : {}),
      }),
    onSuccess: async () => {
      setComment('');
      notify('Check-in recorded');
      await invalidate.goals(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="check-in-form" onSubmit={submit}>
      <div className="row">
        <Field
          label={`Value${goal.metricUnit ? ` (${goal.metricUnit})` : ''}`}
          name="value"
          error={create.error}
        >
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder="optional"
            />
          )}
        </Field>
        <Field label="Date" name="date" error={create.error} hint="Empty means today">
          {(props) => <input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
      <Field label={`Confidence: ${confidence.toFixed(2)}`} name="confidence" error={create.error}>
        {(props) => (
          <div className="slider-row">
            <span className="muted small">0</span>
            <input
              {...props}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={confidence}
              onChange={(e) => setConfidence(Number(e.target.value))}
              aria-valuetext={`${confidence.toFixed(2)} of 1`}
            />
            <span className="muted small">1</span>
          </div>
        )}
      </Field>
      <Field label="Comment" name="comment" error={create.error}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="What moved, what is in the way?"
          />
        )}
      </Field>
      <FormError error={create.error} fields={['value', 'confidence', 'comment', 'date']} />
      <FormActions>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Check in'}
        </button>
      </FormActions>
    </form>
  );
}
