/**
 * Server state through TanStack Query: one key factory, one hook per read, and the invalidation sets
 * that mutations use so every screen that shows the changed data refreshes.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  api,
  ApiError,
  type GoalListQuery,
  type Page,
  type Person,
  type PersonListQuery,
  type ProjectListQuery,
  type Task,
  type TaskListQuery,
  type UpdateTaskBody,
} from './client';

export const keys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  home: ['home'] as const,
  strategy: ['strategy'] as const,
  organization: ['organization'] as const,
  holidayRegions: ['holiday-regions'] as const,
  pillars: ['pillars'] as const,
  goals: (query: GoalListQuery = {}) => ['goals', query] as const,
  goal: (id: string) => ['goal', id] as const,
  projects: (query: ProjectListQuery = {}) => ['projects', query] as const,
  project: (id: string) => ['project', id] as const,
  tasks: (query: TaskListQuery = {}) => ['tasks', query] as const,
  task: (id: string) => ['task', id] as const,
  timeEntries: (taskId: string) => ['time-entries', taskId] as const,
  people: (query: PersonListQuery = {}) => ['people', query] as const,
  person: (id: string) => ['person', id] as const,
  skills: ['skills'] as const,
  teams: ['teams'] as const,
  clients: ['clients'] as const,
  tokens: ['tokens'] as const,
  users: ['users'] as const,
};

/** Lists used to fill pickers and to resolve ids to names: one request each, shared by every screen. */
export const ALL = 500;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

// ---------------------------------------------------------------- reads

export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: api.auth.me, staleTime: 5 * 60_000, retry: false });
}
export function useSetupStatus() {
  return useQuery({ queryKey: keys.setup, queryFn: api.auth.setupStatus, retry: 1 });
}
export function useHome() {
  return useQuery({ queryKey: keys.home, queryFn: api.home.get });
}
export function useStrategy() {
  return useQuery({ queryKey: keys.strategy, queryFn: api.strategy.get });
}
export function useOrganization() {
  return useQuery({ queryKey: keys.organization, queryFn: api.organization.get });
}
/** The library's catalogue of holiday regions: it changes only with a new version of the server. */
export function useHolidayRegions() {
  return useQuery({ queryKey: keys.holidayRegions, queryFn: api.holidayRegions.list, staleTime: Infinity });
}
export function usePillars() {
  return useQuery({ queryKey: keys.pillars, queryFn: api.pillars.list });
}
export function useGoals(query: GoalListQuery = { limit: ALL }) {
  return useQuery({ queryKey: keys.goals(query), queryFn: () => api.goals.list(query) });
}
export function useGoal(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.goal(id),
    queryFn: () => api.goals.get(id),
    enabled: enabled && id !== '',
  });
}
export function useProjects(query: ProjectListQuery = { limit: ALL }) {
  return useQuery({ queryKey: keys.projects(query), queryFn: () => api.projects.list(query) });
}
export function useProject(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.project(id),
    queryFn: () => api.projects.get(id),
    enabled: enabled && id !== '',
  });
}
export function useTasks(query: TaskListQuery, enabled = true) {
  return useQuery({ queryKey: keys.tasks(query), queryFn: () => api.tasks.list(query), enabled });
}
export function useTask(id: string) {
  return useQuery({ queryKey: keys.task(id), queryFn: () => api.tasks.get(id) });
}
export function useTimeEntries(taskId: string) {
  return useQuery({ queryKey: keys.timeEntries(taskId), queryFn: () => api.tasks.timeEntries(taskId) });
}
export function usePeople(query: PersonListQuery = { limit: ALL }) {
  return useQuery({ queryKey: keys.people(query), queryFn: () => api.people.list(query) });
}
export function usePerson(id: string) {
  return useQuery({ queryKey: keys.person(id), queryFn: () => api.people.get(id) });
}
export function useSkills() {
  return useQuery({ queryKey: keys.skills, queryFn: api.skills.list, staleTime: 5 * 60_000 });
}
export function useTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: api.teams.list });
}
export function useClients() {
  return useQuery({ queryKey: keys.clients, queryFn: api.clients.list });
}
export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: api.tokens.list });
}
export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: keys.users, queryFn: api.users.list, enabled });
}

/** Id → name lookups for people, skills, teams, clients, projects and goals. */
export interface Lookup<T> {
  list: T[];
  byId: Map<string, T>;
}
function lookup<T extends { id: string }>(items: T[] | undefined): Lookup<T> {
  const list = items ?? [];
  return { list, byId: new Map(list.map((item) => [item.id, item])) };
}
export function usePeopleLookup(): Lookup<Person> {
  const { data } = usePeople();
  return useMemo(() => lookup(data?.items), [data]);
}
export function useSkillsLookup() {
  const { data } = useSkills();
  return useMemo(() => lookup(data?.items), [data]);
}
export function useTeamsLookup() {
  const { data } = useTeams();
  return useMemo(() => lookup(data?.items), [data]);
}
export function useClientsLookup() {
  const { data } = useClients();
  return useMemo(() => lookup(data?.items), [data]);
}
export function useProjectsLookup() {
  const { data } = useProjects();
  return useMemo(() => lookup(data?.items), [data]);
}
export function useGoalsLookup() {
  const { data } = useGoals();
  return useMemo(() => lookup(data?.items), [data]);
}

// ---------------------------------------------------------------- invalidation

function invalidateAll(client: QueryClient, roots: readonly string[]): Promise<void> {
  return Promise.all(roots.map((root) => client.invalidateQueries({ queryKey: [root] }))).then(
    () => undefined,
  );
}

/**
 * Which cached reads a change can affect, by the first element of their keys (mutations and the live
 * updates in live-keys.ts use the same sets). Only mounted queries refetch, so broad sets stay cheap.
 */
export const affected = {
  /**
   * tasks, projects, time: progress rolls up to goals, pillars, the vision and the home summary, and
   * the schedule (timeline, workload, forecasts, budgets) reads the same tasks
   */
  work: [
    'tasks',
    'task',
    'time-entries',
    'schedule',
    'workload',
    'forecast',
    'forecasts',
    'budget',
    'budgets',
    'projects',
    'project',
    'goal',
    'goals',
    'strategy',
    'organization',
    'pillars',
    'home',
    'clients',
  ],
  goals: ['goal', 'goals', 'strategy', 'organization', 'pillars', 'home', 'projects', 'project'],
  strategy: ['strategy', 'organization', 'pillars', 'home', 'goal', 'goals', 'me'],
  people: ['people', 'person', 'teams', 'clients', 'users', 'home', 'me'],
  catalog: ['skills', 'teams', 'clients', 'people', 'person'],
  account: ['tokens', 'users', 'people', 'person', 'me'],
} as const satisfies Record<string, readonly string[]>;

export const invalidate = {
  work: (client: QueryClient) => invalidateAll(client, affected.work),
  goals: (client: QueryClient) => invalidateAll(client, affected.goals),
  strategy: (client: QueryClient) => invalidateAll(client, affected.strategy),
  people: (client: QueryClient) => invalidateAll(client, affected.people),
  catalog: (client: QueryClient) => invalidateAll(client, affected.catalog),
  account: (client: QueryClient) => invalidateAll(client, affected.account),
};

// ---------------------------------------------------------------- shared mutations

interface TaskPatch {
  id: string;
  body: UpdateTaskBody;
}

/**
 * Update a task with an optimistic change to every cached task list (so a board card moves at once)
 * and a rollback when the API refuses.
 */
export function useUpdateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: TaskPatch) => api.tasks.update(id, body),
    onMutate: async ({ id, body }: TaskPatch) => {
      await client.cancelQueries({ queryKey: ['tasks'] });
      const previous = client.getQueriesData<Page<Task>>({ queryKey: ['tasks'] });
      client.setQueriesData<Page<Task>>({ queryKey: ['tasks'] }, (page) =>
        page ? { ...page, items: page.items.map((t) => (t.id === id ? applyPatch(t, body) : t)) } : page,
      );
      return { previous };
    },
    onError: (_error, _patch, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
    },
    onSettled: () => invalidate.work(client),
  });
}

function applyPatch(task: Task, body: UpdateTaskBody): Task {
  const next: Task = { ...task };
  if (body.status !== undefined) next.status = body.status;
  if (body.title !== undefined) next.title = body.title;
  if (body.assigneeId !== undefined) next.assigneeId = body.assigneeId;
  if (body.deadline !== undefined) next.deadline = body.deadline;
  if (body.estimateHours !== undefined) next.estimateHours = body.estimateHours;
  if (body.plannedStart !== undefined) next.plannedStart = body.plannedStart;
  if (body.plannedEnd !== undefined) next.plannedEnd = body.plannedEnd;
  if (body.dependsOn !== undefined) next.dependsOn = body.dependsOn;
  return next;
}
