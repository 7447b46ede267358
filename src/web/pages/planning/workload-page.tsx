/**
 * Workload: hours planned per person per week against their capacity (from the current plan), with
 * overload and idle time highlighted, and skill demand against supply per week (bottleneck skills).
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Workload } from '../../api/planning';
import { useWorkload } from '../../api/planning-queries';
import { useTeams } from '../../api/queries';
import { LazyChart, type ChartOption } from '../../components/lazy-chart';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Empty, ErrorState, Loading } from '../../components/states';
import { chartColors } from '../../lib/chart-colors';
import { addDays, fmtShortDate, plural, todayIso } from '../../lib/format';
import { useSession } from '../../lib/session';
import './planning.css';

type Sort = 'load' | 'name' | 'idle';
type Person = Workload['people'][number];

/** A week is overloaded beyond capacity plus this margin (hours), idle below half of capacity. */
const OVER_MARGIN = 0.5;
const IDLE_SHARE = 0.5;

export function cellState(planned: number, capacity: number): 'over' | 'full' | 'busy' | 'idle' | 'off' {
  if (capacity <= 0) return planned > OVER_MARGIN ? 'over' : 'off';
  if (planned > capacity + OVER_MARGIN) return 'over';
  if (planned >= 0.85 * capacity) return 'full';
  if (planned >= IDLE_SHARE * capacity) return 'busy';
  return 'idle';
}

function mondayOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return addDays(iso, -((date.getUTCDay() + 6) % 7));
}

export function WorkloadPage() {
  useDocumentTitle('Workload');
  const session = useSession();
  const [from, setFrom] = useState(() => mondayOf(todayIso()));
  const [weeks, setWeeks] = useState(8);
  const [teamId, setTeamId] = useState('');
  const [sort, setSort] = useState<Sort>('load');
  const teams = useTeams();
  const allowed = session.can('planning.view');
  const workload = useWorkload({ from, weeks, ...(teamId ? { teamId } : {}) }, allowed);

  if (!allowed)
    return (
      <div className="page">
        <PageHeader title="Workload" />
        <Empty title="The workload view is for managers, leaders and owners" />
      </div>
    );

  return (
    <div className="page page-wide workload">
      <PageHeader
        title="Workload"
        actions={
          <Link to="/planner" className="button">
            Open the planner
          </Link>
        }
      >
        <p className="muted">
          Hours planned per person and week against their capacity (time off taken out), from the tasks’
          assignees and planned dates. Weeks above capacity are overloaded; below half, idle.
        </p>
      </PageHeader>
      <div className="filters card">
        <label>
          Weeks
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {[4, 8, 12, 26].map((n) => (
              <option key={n} value={n}>
                {n} weeks
              </option>
            ))}
          </select>
        </label>
        <label>
          Team
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">Everyone</option>
            {(teams.data?.items ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="load">Most loaded first</option>
            <option value="idle">Most free first</option>
            <option value="name">By name</option>
          </select>
        </label>
        <div className="row-tight workload-weeks-nav">
          <button
            type="button"
            className="button button-small"
            onClick={() => setFrom(addDays(from, -7 * weeks))}
          >
            ← Earlier
          </button>
          <button type="button" className="button button-small" onClick={() => setFrom(mondayOf(todayIso()))}>
            This week
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => setFrom(addDays(from, 7 * weeks))}
          >
            Later →
          </button>
        </div>
      </div>
      {workload.isPending ? (
        <Loading label="Adding up the hours…" />
      ) : workload.isError ? (
        <ErrorState error={workload.error} what="the workload" onRetry={() => void workload.refetch()} />
      ) : (
        <WorkloadContent data={workload.data} sort={sort} />
      )}
    </div>
  );
}

function WorkloadContent({ data, sort }: { data: Workload; sort: Sort }) {
  const people = useMemo(() => {
    const ratio = (p: Person) => {
      const planned = p.planned.reduce((a, b) => a + b, 0);
      const capacity = p.capacity.reduce((a, b) => a + b, 0);
      return capacity > 0 ? planned / capacity : planned > 0 ? Infinity : 0;
    };
    const list = [...data.people];
    if (sort === 'name') list.sort((a, b) => a.name.localeCompare(b.name));
    else if (sort === 'load') list.sort((a, b) => ratio(b) - ratio(a) || a.name.localeCompare(b.name));
    else list.sort((a, b) => ratio(a) - ratio(b) || a.name.localeCompare(b.name));
    return list;
  }, [data.people, sort]);
  let over = 0;
  let idle = 0;
  let overHours = 0;
  for (const p of data.people)
    p.planned.forEach((h, w) => {
      const state = cellState(h, p.capacity[w]!);
      if (state === 'over') {
        over++;
        overHours += h - p.capacity[w]!;
      }
      if (state === 'idle') idle++;
    });
  return (
    <>
      <div className="stats">
        <div className="stat card">
          <span
            className={`stat-value${over > 0 ? ' text-bad' : ' text-good'}`}
            data-testid="overloaded-weeks"
          >
            {over}
          </span>
          <span className="stat-label">overloaded person-weeks · {Math.round(overHours)} h over</span>
        </div>
        <div className="stat card">
          <span className={`stat-value${idle > 0 ? ' text-warn' : ''}`}>{idle}</span>
          <span className="stat-label">idle person-weeks (under half of capacity)</span>
        </div>
        <div className="stat card">
          <span className="stat-value">{data.unscheduled.tasks}</span>
          <span className="stat-label">
            open tasks without person or dates · {Math.round(data.unscheduled.hours)} h
          </span>
        </div>
        <div className="stat card">
          <span className={`stat-value${data.skills.some((s) => bottleneck(s)) ? ' text-bad' : ''}`}>
            {data.skills.filter((s) => bottleneck(s)).length}
          </span>
          <span className="stat-label">bottleneck skills (demand above 90% of supply in a week)</span>
        </div>
      </div>
      <section className="card card-flush" aria-labelledby="heatmap-heading">
        <div className="card-title-row workload-head">
          <h2 id="heatmap-heading">People × weeks</h2>
          <Legend />
        </div>
        {people.length === 0 ? (
          <Empty title="Nobody here yet" />
        ) : (
          <div className="table-wrap">
            <table className="table table-compact heatmap" aria-describedby="heatmap-heading">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  {data.weeks.map((w) => (
                    <th key={w} scope="col" className="num">
                      {fmtShortDate(w)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.personId} data-testid={`workload-${p.personId}`}>
                    <th scope="row">
                      <Link to={`/people/${p.personId}`}>{p.name}</Link>
                      <span className="muted small"> · {p.capacityHoursPerWeek} h/wk</span>
                    </th>
                    {p.planned.map((h, w) => {
                      const cap = p.capacity[w]!;
                      const state = cellState(h, cap);
                      return (
                        <td
                          key={data.weeks[w]}
                          className={`heat heat-${state}${shade(state, cap > 0 ? h / cap : 0)}`}
                          title={`${p.name}, week of ${fmtShortDate(data.weeks[w])}: ${Math.round(h * 10) / 10} h planned of ${Math.round(cap * 10) / 10} h${
                            p.timeOffDays[w]! > 0 ? ` · ${plural(p.timeOffDays[w]!, 'day')} off` : ''
                          } · ${plural(p.taskCount[w]!, 'task')}`}
                          data-testid={`cell-${p.personId}-${data.weeks[w]}`}
                        >
                          <span className="heat-hours">{Math.round(h)}</span>
                          <span className="heat-cap">/{Math.round(cap)}</span>
                          {p.timeOffDays[w]! > 0 ? (
                            <span className="heat-off" aria-label={`${p.timeOffDays[w]} days off`}>
                              ✈
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SkillSupply data={data} />
    </>
  );
}

/** A darker green the fuller a busy week is (five steps). */
function shade(state: string, ratio: number): string {
  if (state !== 'busy' && state !== 'full') return '';
  return ` heat-l${Math.min(5, Math.max(1, Math.ceil(ratio * 5)))}`;
}

function bottleneck(skill: Workload['skills'][number]): boolean {
  return skill.demand.some((d, i) => d > 0 && d > 0.9 * skill.supply[i]!);
}

function Legend() {
  return (
    <ul className="legend heat-legend" aria-label="Legend">
      <li>
        <span className="heat-swatch heat-idle" /> idle (&lt; 50%)
      </li>
      <li>
        <span className="heat-swatch heat-busy heat-l3" /> busy
      </li>
      <li>
        <span className="heat-swatch heat-full heat-l5" /> full
      </li>
      <li>
        <span className="heat-swatch heat-over" /> overloaded
      </li>
      <li>✈ time off</li>
    </ul>
  );
}

function SkillSupply({ data }: { data: Workload }) {
  // the busiest week of each skill: demand as a share of the capacity of those who have it
  const peaks = useMemo(
    () =>
      data.skills
        .map((s) => {
          let peak = 0;
          let week = 0;
          s.demand.forEach((d, i) => {
            const supply = s.supply[i]!;
            const ratio = supply > 0 ? d / supply : d > 0 ? 2 : 0;
            if (ratio > peak) {
              peak = ratio;
              week = i;
            }
          });
          return { name: s.name, peak: Math.round(peak * 100), week: data.weeks[week]!, skill: s };
        })
        .filter((p) => p.peak > 0)
        .slice(0, 14),
    [data],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const index = (params as { dataIndex: number }).dataIndex;
          const p = peaks[index]!;
          return `${p.name}: ${p.peak}% of supply in the week of ${fmtShortDate(p.week)}`;
        },
      },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: '{value}%', color: chartColors.text },
        splitLine: { lineStyle: { color: chartColors.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: peaks.map((p) => p.name),
        axisLabel: { color: chartColors.text },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: peaks.map((p) => ({
            value: p.peak,
            itemStyle: {
              color: p.peak > 90 ? chartColors.bad : p.peak > 60 ? chartColors.warn : chartColors.accent,
            },
          })),
          label: { show: true, position: 'right', formatter: '{c}%', color: chartColors.text },
          markLine: {
            symbol: 'none',
            label: { formatter: '90%', color: chartColors.bad },
            lineStyle: { color: chartColors.bad, type: 'dashed' },
            data: [{ xAxis: 90 }],
          },
        },
      ],
    }),
    [peaks],
  );
  return (
    <section className="card" aria-labelledby="skills-heading">
      <div className="card-title-row">
        <h2 id="skills-heading">Skill demand against supply</h2>
        <span className="muted small">over these {data.weeks.length} weeks; red: a bottleneck week</span>
      </div>
      {data.skills.length === 0 ? (
        <Empty title="No planned work needs a skill in these weeks" />
      ) : (
        <>
          <p className="muted small">
            The busiest week of each skill: planned hours needing it, as a share of the capacity of everyone
            who has it. Above 90% it is a bottleneck.
          </p>
          <LazyChart
            option={option}
            height={Math.max(120, peaks.length * 26 + 30)}
            label="Peak weekly demand of each skill as a share of its supply"
          />
          <div className="table-wrap">
            <table className="table table-compact heatmap">
              <thead>
                <tr>
                  <th scope="col">Skill</th>
                  {data.weeks.map((w) => (
                    <th key={w} scope="col" className="num">
                      {fmtShortDate(w)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    No dates yet
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.skills.map((s) => (
                  <tr key={s.skillId}>
                    <th scope="row">
                      {s.name} {bottleneck(s) ? <span className="badge badge-bad">bottleneck</span> : null}
                    </th>
                    {s.demand.map((d, w) => {
                      const supply = s.supply[w]!;
                      const ratio = supply > 0 ? d / supply : d > 0 ? 2 : 0;
                      const state = d <= 0 ? 'none' : ratio > 0.9 ? 'over' : ratio > 0.6 ? 'full' : 'busy';
                      return (
                        <td
                          key={data.weeks[w]}
                          className={`heat heat-${state}${shade(state, ratio)}`}
                          title={`${s.name}, week of ${fmtShortDate(data.weeks[w])}: ${Math.round(d)} h needed, ${Math.round(supply)} h of capacity among those who have it`}
                        >
                          <span className="heat-hours">{Math.round(d)}</span>
                          <span className="heat-cap">/{Math.round(supply)}</span>
                        </td>
                      );
                    })}
                    <td className="num">{Math.round(s.unscheduledHours)} h</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
