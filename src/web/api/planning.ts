/**
 * The typed client of planning: plan runs and their proposals, workload, deadline forecasts
 * and budgets, over the same request function as client.ts. Types come from src/core/schemas/planning.ts.
 */
import type { z } from 'zod';
import type * as s from '../../core/schemas/planning';
import type { ProjectSchedule } from '../../core/schemas/schedule';
import { http, type Page } from './client';

export type PlanRun = z.infer<typeof s.planRun>;
export type PlanFigures = z.infer<typeof s.planFigures>;
export type PlanProposal = z.infer<typeof s.planProposal>;
export type ProposalPage = z.infer<typeof s.proposalPage>;
/** Which rows of a proposal to list: the review's tabs. */
export type ProposalShow = (typeof s.proposalShows)[number];
/** Rows of one `show`, of a project or a person (`none`: no project, nobody now), matching `q`. */
export interface ProposalQuery {
  show: ProposalShow;
  q?: string;
  projectId?: string;
  personId?: string;
}
export type CreatePlanRunBody = z.input<typeof s.createPlanRunBody>;
export type ApplyPlanResult = z.infer<typeof s.applyPlanResult>;
export type PlanGroups = z.infer<typeof s.planGroups>;
export type PlanGroup = z.infer<typeof s.planGroup>;
export type GroupBy = PlanGroups['by'];
/** What to apply: chosen rows, one project's (`none`: tasks on no project) or one person's, or all. */
export type ApplyChoice = { taskIds: string[] } | { projectId: string } | { personId: string } | undefined;
export type Workload = z.infer<typeof s.workload>;
export type WorkloadQuery = Partial<z.input<typeof s.workloadQuery>>;
export type ProjectForecast = z.infer<typeof s.projectForecast>;
export type ForecastSummary = z.infer<typeof s.forecastSummary>;
export type ProjectBudget = z.infer<typeof s.projectBudget>;
export type BudgetSummary = z.infer<typeof s.budgetSummary>;
export type OutlookScope = 'mine' | 'all';
export type { ProjectSchedule };

const { get, post, seg } = http;

export const planningApi = {
  start: (body: CreatePlanRunBody) => post<PlanRun>('/api/plan-runs', body),
  runs: (limit = 10) => get<Page<PlanRun>>('/api/plan-runs', { limit }),
  run: (id: string) => get<PlanRun>(`/api/plan-runs/${seg(id)}`),
  proposals: (id: string, query: ProposalQuery & { limit: number; offset: number }) =>
    get<ProposalPage>(`/api/plan-runs/${seg(id)}/proposals`, query),
  cancel: (id: string) => post<PlanRun>(`/api/plan-runs/${seg(id)}/cancel`, {}),
  groups: (id: string, by: GroupBy) => get<PlanGroups>(`/api/plan-runs/${seg(id)}/groups`, { by }),
  apply: (id: string, choice: ApplyChoice) =>
    post<ApplyPlanResult>(`/api/plan-runs/${seg(id)}/apply`, choice ?? {}),
  workload: (query: WorkloadQuery) => get<Workload>('/api/workload', query),
  forecast: (projectId: string) => get<ProjectForecast>(`/api/projects/${seg(projectId)}/forecast`),
  schedule: (projectId: string) => get<ProjectSchedule>(`/api/projects/${seg(projectId)}/schedule`),
  forecasts: (scope: OutlookScope) => get<Page<ForecastSummary>>('/api/forecasts', { scope, limit: 500 }),
  budget: (projectId: string) => get<ProjectBudget>(`/api/projects/${seg(projectId)}/budget`),
  budgets: (scope: OutlookScope) => get<Page<BudgetSummary>>('/api/budgets', { scope, limit: 500 }),
};
