/** The forecast against the plan, in words: why the likely finish is not the plan's end. */
import { sayDate } from './workdays';

/**
 * Why the likely finish differs from the plan's end: someone has more planned than their hours, work
 * without dates or a person, or the history of actual against estimated hours (the person's own
 * where they have enough of it) — each in words with its figure. Empty when they agree.
 */
export function againstPlan(
  outlook: { planEnd: string | null; estimateEnd: string; p50: string },
  facts: {
    unplanned: number;
    overbooked: string[];
    ratios: { name: string | null; median: number }[];
  },
): string[] {
  const { planEnd, estimateEnd, p50 } = outlook;
  if (planEnd === null)
    return ['None of its open tasks has planned dates yet: the forecast assumes the work starts today.'];
  if (p50 === planEnd) return [];
  const out: string[] = [];
  if (estimateEnd > planEnd) {
    if (facts.overbooked.length > 0)
      out.push(
        `At the estimates the work does not fit the planned dates: ${listOf(facts.overbooked)} ${facts.overbooked.length === 1 ? 'has' : 'have'} more planned than their hours, so it ends ${sayDate(estimateEnd)}.`,
      );
    if (facts.unplanned > 0)
      out.push(
        `${facts.unplanned === 1 ? '1 task has' : `${facts.unplanned} tasks have`} no dates or person yet: the forecast assumes ${facts.unplanned === 1 ? 'it starts' : 'they start'} now.`,
      );
  }
  if (p50 !== estimateEnd) {
    const slower = facts.ratios.filter((r) => Math.abs(r.median - 1) >= 0.05);
    for (const r of slower.slice(0, 3))
      out.push(
        `${r.name === null ? 'The organization’s history' : `${r.name}’s history`}: tasks take ${r.median.toFixed(1)}× their estimate.`,
      );
    if (slower.length === 0)
      out.push('The history of actual against estimated hours varies: half the simulations end later.');
  }
  if (out.length === 0)
    out.push(`The plan ends ${sayDate(planEnd)}; the simulations mostly end ${sayDate(p50)}.`);
  return out;
}

function listOf(names: readonly string[]): string {
  const shown = names.slice(0, 3);
  const more = names.length - shown.length;
  const head =
    shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0]!;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : head;
}
