/**
 * Project budgets (pure): logged and planned hours × cost and bill rates against the budget — burn,
 * forecast at completion (as estimated, and adjusted by the organization's actual/estimate ratio), the
 * pace of the last four weeks and the date the budget runs out at that pace, and a weekly series for
 * the chart. Logged time counts at the rates of whoever logged it; remaining work at its assignee's
 * rates, or for unassigned work the average rates of the people who could do it.
 */
import { layHours, type TaskLayout, type Window } from './workload';
import { addDays, dayNumber, sayDate, weekStart } from './workdays';

export interface BudgetPerson {
  costRate: number;
  billRate: number;
  daysOff: ReadonlySet<string>;
}

export interface BudgetInput {
  today: string;
  budgetHours: number | null;
  budgetMoney: number | null;
  projectStart: string | null;
  entries: readonly { personId: string; date: string; hours: number }[];
  openTasks: readonly {
    personId: string | null;
    hours: number;
    window: Window | null;
    /** How the applied plan lays the hours on days (otherwise they are spread over the window). */
    layout?: TaskLayout;
    /** Rates for unassigned work. */
    fallback: { costRate: number; billRate: number };
  }[];
  people: ReadonlyMap<string, BudgetPerson>;
  /** Historical actual ÷ estimated hours (1 without history). */
  ratio: number;
  /** Done or cancelled, or nothing left open: the run-out date no longer applies. */
  isFinished?: boolean;
}

export interface Money3 {
  hours: number;
  cost: number;
  bill: number;
}

export interface BudgetOutlook {
  logged: Money3;
  remaining: Money3;
  atCompletion: Money3;
  adjustedAtCompletion: Money3 & { ratio: number };
  pace: { hoursPerWeek: number; costPerWeek: number; weeks: number };
  burn: number | null;
  runOut: { date: string | null; basis: 'money' | 'hours' | null; isExhausted: boolean; text: string };
  series: {
    week: string;
    loggedHours: number | null;
    loggedCost: number | null;
    plannedHours: number | null;
    plannedCost: number | null;
  }[];
}

const PACE_WEEKS = 4;
const MAX_WEEKS = 104;
/** Beyond this the run-out date says nothing (and a pace near zero would put it past year 9999). */
const RUN_OUT_YEARS = 100;
/** Burn is capped: a budget near zero (0.0001) would otherwise put it past the largest number. */
const MAX_BURN = 1_000_000;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r0 = (x: number) => Math.round(x);
const money = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function budgetOutlook(input: BudgetInput): BudgetOutlook {
  const { today, people } = input;
  const rateOf = (personId: string) =>
    people.get(personId) ?? { costRate: 0, billRate: 0, daysOff: new Set<string>() };
  const logged: Money3 = { hours: 0, cost: 0, bill: 0 };
  for (const e of input.entries) {
    const p = rateOf(e.personId);
    logged.hours += e.hours;
    logged.cost += e.hours * p.costRate;
    logged.bill += e.hours * p.billRate;
  }
  const remaining: Money3 = { hours: 0, cost: 0, bill: 0 };
  for (const t of input.openTasks) {
    const p = t.personId === null ? undefined : people.get(t.personId);
    const rates = p ?? t.fallback;
    remaining.hours += t.hours;
    remaining.cost += t.hours * rates.costRate;
    remaining.bill += t.hours * rates.billRate;
  }
  const atCompletion: Money3 = {
    hours: logged.hours + remaining.hours,
    cost: logged.cost + remaining.cost,
    bill: logged.bill + remaining.bill,
  };
  const adjusted = {
    hours: logged.hours + remaining.hours * input.ratio,
    cost: logged.cost + remaining.cost * input.ratio,
    bill: logged.bill + remaining.bill * input.ratio,
    ratio: input.ratio,
  };

  // pace: the last four weeks (or since the first entry, when that is sooner)
  const todayDay = dayNumber(today);
  const firstEntry = input.entries.reduce<string | null>(
    (min, e) => (min === null || e.date < min ? e.date : min),
    null,
  );
  const weeks =
    firstEntry === null
      ? PACE_WEEKS
      : Math.min(PACE_WEEKS, Math.max(1, Math.ceil((todayDay - dayNumber(firstEntry) + 1) / 7)));
  const since = todayDay - 7 * weeks + 1;
  let paceHours = 0;
  let paceCost = 0;
  for (const e of input.entries) {
    const d = dayNumber(e.date);
    if (d < since || d > todayDay) continue;
    paceHours += e.hours;
    paceCost += e.hours * rateOf(e.personId).costRate;
  }
  const pace = { hoursPerWeek: r1(paceHours / weeks), costPerWeek: r0(paceCost / weeks), weeks };

  const basis: 'money' | 'hours' | null =
    input.budgetMoney !== null ? 'money' : input.budgetHours !== null ? 'hours' : null;
  const budget = basis === 'money' ? input.budgetMoney! : basis === 'hours' ? input.budgetHours! : null;
  const spent = basis === 'money' ? logged.cost : logged.hours;
  const perWeek = basis === 'money' ? paceCost / weeks : paceHours / weeks;
  const unit = (x: number) => (basis === 'money' ? money.format(x) : `${money.format(x)} h`);
  let runOut: BudgetOutlook['runOut'];
  if (basis === null || budget === null)
    runOut = { date: null, basis, isExhausted: false, text: 'No budget set for this project.' };
  else if (input.entries.length === 0 && input.openTasks.length === 0 && !input.isFinished)
    runOut = {
      date: null,
      basis,
      isExhausted: false,
      text: `No work on it yet: nothing spent or planned of ${unit(budget)}.`,
    };
  else if (input.isFinished)
    runOut = {
      date: null,
      basis,
      isExhausted: spent > budget,
      text:
        spent > budget
          ? `Finished over budget: ${unit(spent)} spent of ${unit(budget)}.`
          : `Finished within budget: ${unit(spent)} spent of ${unit(budget)} (${Math.round((spent / budget) * 100)}%).`,
    };
  else if (spent >= budget) {
    // the day the running total passed the budget
    let total = 0;
    let when: string | null = null;
    for (const e of [...input.entries].sort((a, b) => a.date.localeCompare(b.date))) {
      total += basis === 'money' ? e.hours * rateOf(e.personId).costRate : e.hours;
      if (total >= budget) {
        when = e.date;
        break;
      }
    }
    runOut = {
      date: when,
      basis,
      isExhausted: true,
      text: `The budget ran out${when ? ` on ${sayDate(when, today)}` : ''}: ${unit(spent)} spent of ${unit(budget)}.`,
    };
  } else if (perWeek <= 0)
    runOut = {
      date: null,
      basis,
      isExhausted: false,
      text: `Nothing logged in the last ${weeks === 1 ? 'week' : `${weeks} weeks`}: at this pace the budget does not run out.`,
    };
  else if (((budget - spent) / perWeek) * 7 > RUN_OUT_YEARS * 365)
    runOut = {
      date: null,
      basis,
      isExhausted: false,
      text: `At the pace of the last ${weeks === 1 ? 'week' : `${weeks} weeks`} (${unit(perWeek)} a week), the budget lasts more than ${RUN_OUT_YEARS} years.`,
    };
  else {
    const date = addDays(today, Math.ceil(((budget - spent) / perWeek) * 7));
    runOut = {
      date,
      basis,
      isExhausted: false,
      text: `At the pace of the last ${weeks === 1 ? 'week' : `${weeks} weeks`} (${unit(perWeek)} a week), the budget runs out on ${sayDate(date, today)}.`,
    };
  }

  // weekly series: logged to date, then the plan's remaining work week by week
  const thisWeek = weekStart(today);
  const plannedByWeek = new Map<string, { hours: number; cost: number }>();
  let unscheduled = { hours: 0, cost: 0 };
  let lastWeek = thisWeek;
  for (const t of input.openTasks) {
    const p = t.personId === null ? undefined : people.get(t.personId);
    const rate = (p ?? t.fallback).costRate;
    if (t.window === null) {
      unscheduled = { hours: unscheduled.hours + t.hours, cost: unscheduled.cost + t.hours * rate };
      continue;
    }
    layHours(t.hours, t.window, p?.daysOff ?? new Set<string>(), t.layout, (date, h) => {
      const w = weekStart(date < today ? today : date);
      const cell = plannedByWeek.get(w) ?? { hours: 0, cost: 0 };
      cell.hours += h;
      cell.cost += h * rate;
      plannedByWeek.set(w, cell);
      if (w > lastWeek) lastWeek = w;
    });
  }
  const starts = [input.projectStart, firstEntry, today].filter((d): d is string => d !== null).sort();
  let firstWeek = weekStart(starts[0]!);
  if (firstWeek > thisWeek) firstWeek = thisWeek;
  const totalWeeks = Math.min(MAX_WEEKS, Math.floor((dayNumber(lastWeek) - dayNumber(firstWeek)) / 7) + 1);
  if (totalWeeks === MAX_WEEKS) firstWeek = addDays(lastWeek, -7 * (MAX_WEEKS - 1));
  const loggedByWeek = new Map<string, { hours: number; cost: number }>();
  for (const e of input.entries) {
    const w = weekStart(e.date) < firstWeek ? firstWeek : weekStart(e.date);
    const cell = loggedByWeek.get(w) ?? { hours: 0, cost: 0 };
    cell.hours += e.hours;
    cell.cost += e.hours * rateOf(e.personId).costRate;
    loggedByWeek.set(w, cell);
  }
  const series: BudgetOutlook['series'] = [];
  let cumHours = 0;
  let cumCost = 0;
  let planHours = 0;
  let planCost = 0;
  for (let i = 0; i < totalWeeks; i++) {
    const week = addDays(firstWeek, 7 * i);
    const isPast = week <= thisWeek;
    if (isPast) {
      const cell = loggedByWeek.get(week);
      cumHours += cell?.hours ?? 0;
      cumCost += cell?.cost ?? 0;
    }
    if (week === thisWeek) {
      planHours = cumHours;
      planCost = cumCost;
    }
    if (week >= thisWeek) {
      const cell = plannedByWeek.get(week);
      planHours += cell?.hours ?? 0;
      planCost += cell?.cost ?? 0;
      if (i === totalWeeks - 1) {
        planHours += unscheduled.hours;
        planCost += unscheduled.cost;
      }
    }
    series.push({
      week,
      loggedHours: isPast ? r1(cumHours) : null,
      loggedCost: isPast ? r0(cumCost) : null,
      plannedHours: week >= thisWeek ? r1(planHours) : null,
      plannedCost: week >= thisWeek ? r0(planCost) : null,
    });
  }

  return {
    logged: { hours: r1(logged.hours), cost: r0(logged.cost), bill: r0(logged.bill) },
    remaining: { hours: r1(remaining.hours), cost: r0(remaining.cost), bill: r0(remaining.bill) },
    atCompletion: { hours: r1(atCompletion.hours), cost: r0(atCompletion.cost), bill: r0(atCompletion.bill) },
    adjustedAtCompletion: {
      hours: r1(adjusted.hours),
      cost: r0(adjusted.cost),
      bill: r0(adjusted.bill),
      ratio: Math.round(adjusted.ratio * 100) / 100,
    },
    pace,
    burn:
      budget === null || budget <= 0 ? null : Math.round(Math.min(MAX_BURN, spent / budget) * 1000) / 1000,
    runOut,
    series,
  };
}
