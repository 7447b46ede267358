/** Planning reads through TanStack Query: a running plan follows the live updates until it settles. */
import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { useLiveStatus } from './live-status';
import {
  planningApi,
  type GroupBy,
  type OutlookScope,
  type ProposalQuery,
  type WorkloadQuery,
} from './planning';

export const planningKeys = {
  runs: ['plan-runs'] as const,
  run: (id: string) => ['plan-run', id] as const,
  proposals: (id: string, query: ProposalQuery) => ['plan-proposals', id, query] as const,
  groups: (id: string, by: GroupBy) => ['plan-groups', id, by] as const,
  workload: (query: WorkloadQuery) => ['workload', query] as const,
  forecast: (projectId: string) => ['forecast', projectId] as const,
  schedule: (projectId: string) => ['schedule', projectId] as const,
  forecasts: (scope: OutlookScope) => ['forecasts', scope] as const,
  budget: (projectId: string) => ['budget', projectId] as const,
  budgets: (scope: OutlookScope) => ['budgets', scope] as const,
};

export function usePlanRuns(enabled = true) {
  return useQuery({ queryKey: planningKeys.runs, queryFn: () => planningApi.runs(8), enabled });
}

/** How often a queued or running plan run is polled while the live-update stream is not open. */
const RUN_FALLBACK_POLL_MS = 2_000;

/**
 * A plan run. Its progress arrives as live updates (the server announces each progress write, about
 * three a second), so it is not polled; only while the stream is down (connecting, refused, a proxy
 * that drops it) does a slow poll keep a running plan moving on screen.
 */
export function usePlanRun(id: string | null) {
  const live = useLiveStatus();
  return useQuery({
    queryKey: planningKeys.run(id ?? ''),
    queryFn: () => planningApi.run(id!),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      const isActive = status === 'queued' || status === 'running';
      return isActive && live !== 'open' ? RUN_FALLBACK_POLL_MS : false;
    },
  });
}

/** Rows of a proposal a page read at a time. */
export const PROPOSAL_PAGE = 150;

/**
 * A proposal's rows for review, read a page at a time (`fetchNextPage`), filtered and counted on the
 * server: a whole-organization plan has thousands of rows, and their reasons make them long.
 */
export function useProposals(id: string, query: ProposalQuery) {
  return useInfiniteQuery({
    queryKey: planningKeys.proposals(id, query),
    queryFn: ({ pageParam }) =>
      planningApi.proposals(id, { ...query, limit: PROPOSAL_PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) =>
      last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined,
    // the rows already shown stay while another tab or search loads
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The proposal collapsed by project or by person, for review. */
export function usePlanGroups(id: string, by: GroupBy, ready: boolean) {
  return useQuery({
    queryKey: planningKeys.groups(id, by),
    queryFn: () => planningApi.groups(id, by),
    enabled: ready,
    staleTime: 60_000,
  });
}

export function useWorkload(query: WorkloadQuery, enabled = true) {
  return useQuery({
    queryKey: planningKeys.workload(query),
    queryFn: () => planningApi.workload(query),
    enabled,
  });
}

/** The project's open tasks as the one schedule model has them (the timeline), for every reader of the project. */
export function useProjectSchedule(projectId: string) {
  return useQuery({
    queryKey: planningKeys.schedule(projectId),
    queryFn: () => planningApi.schedule(projectId),
  });
}

export function useForecast(projectId: string, enabled = true) {
  return useQuery({
    queryKey: planningKeys.forecast(projectId),
    queryFn: () => planningApi.forecast(projectId),
    enabled,
  });
}

export function useForecasts(scope: OutlookScope, enabled = true) {
  return useQuery({
    queryKey: planningKeys.forecasts(scope),
    queryFn: () => planningApi.forecasts(scope),
    enabled,
  });
}

export function useBudget(projectId: string, enabled = true) {
  return useQuery({
    queryKey: planningKeys.budget(projectId),
    queryFn: () => planningApi.budget(projectId),
    enabled,
  });
}

export function useBudgets(scope: OutlookScope, enabled = true) {
  return useQuery({
    queryKey: planningKeys.budgets(scope),
    queryFn: () => planningApi.budgets(scope),
    enabled,
  });
}

/** After a plan is applied: the work, the workload and every outlook read from the changed tasks. */
export async function invalidateAfterApply(client: QueryClient): Promise<void> {
  await Promise.all(
    [
      'tasks',
      'task',
      'projects',
      'project',
      'home',
      'workload',
      'forecast',
      'forecasts',
      'schedule',
      'budget',
      'budgets',
      'plan-runs',
      'plan-groups',
      'plan-proposals',
    ].map((root) => client.invalidateQueries({ queryKey: [root] })),
  );
}
