/**
 * The one typed client of the Tandem HTTP API. Types come from the zod schemas in src/core/schemas
 * (type-only imports, so zod itself stays out of the browser bundle). Sessions ride on the same-origin
 * cookie; every non-GET request carries the session's CSRF token in `x-csrf-token`.
 */
import type { z } from 'zod';
import type * as authSchemas from '../../core/schemas/auth';
import type * as commonSchemas from '../../core/schemas/common';
import type * as holidaySchemas from '../../core/schemas/holidays';
import type * as homeSchemas from '../../core/schemas/home';
import type * as peopleSchemas from '../../core/schemas/people';
import type * as spineSchemas from '../../core/schemas/spine';
import type * as workSchemas from '../../core/schemas/work';

export type Me = z.infer<typeof authSchemas.me>;
export type SetupStatus = z.infer<typeof authSchemas.setupStatus>;
export type ApiToken = z.infer<typeof authSchemas.apiToken>;
export type CreatedToken = z.infer<typeof authSchemas.createdToken>;
export type User = z.infer<typeof authSchemas.user>;
export type LoginBody = z.input<typeof authSchemas.loginBody>;
export type PasswordChanged = z.infer<typeof authSchemas.passwordChanged>;
export type SetupBody = z.input<typeof authSchemas.setupBody>;
export type CreateUserBody = z.input<typeof authSchemas.createUserBody>;
export type UpdateUserBody = z.input<typeof authSchemas.updateUserBody>;

export type Organization = z.infer<typeof spineSchemas.organization>;
export type UpdateOrganizationBody = z.input<typeof spineSchemas.updateOrganizationBody>;
export type Pillar = z.infer<typeof spineSchemas.pillar>;
export type CreatePillarBody = z.input<typeof spineSchemas.createPillarBody>;
export type UpdatePillarBody = z.input<typeof spineSchemas.updatePillarBody>;
export type Goal = z.infer<typeof spineSchemas.goal>;
export type GoalDetail = z.infer<typeof spineSchemas.goalDetail>;
export type CreateGoalBody = z.input<typeof spineSchemas.createGoalBody>;
export type UpdateGoalBody = z.input<typeof spineSchemas.updateGoalBody>;
export type GoalListQuery = Partial<z.input<typeof spineSchemas.goalListQuery>>;
export type CheckIn = z.infer<typeof spineSchemas.checkIn>;
export type CreateCheckInBody = z.input<typeof spineSchemas.createCheckInBody>;
export type StrategyMap = z.infer<typeof spineSchemas.strategyMap>;
export type StrategyNode = spineSchemas.StrategyNode;
export type DecomposeBody = z.input<typeof spineSchemas.decomposeBody>;

export type Project = z.infer<typeof workSchemas.project>;
export type CreateProjectBody = z.input<typeof workSchemas.createProjectBody>;
export type UpdateProjectBody = z.input<typeof workSchemas.updateProjectBody>;
export type ProjectListQuery = Partial<z.input<typeof workSchemas.projectListQuery>>;
export type Task = z.infer<typeof workSchemas.task>;
export type TaskStatus = Task['status'];
export type ProjectStatus = Project['status'];
export type CreateTaskBody = z.input<typeof workSchemas.createTaskBody>;
export type UpdateTaskBody = z.input<typeof workSchemas.updateTaskBody>;
export type TaskListQuery = Partial<z.input<typeof workSchemas.taskListQuery>>;
export type TimeEntry = z.infer<typeof workSchemas.timeEntry>;
export type CreateTimeEntryBody = z.input<typeof workSchemas.createTimeEntryBody>;

export type HolidayRegion = z.infer<typeof holidaySchemas.holidayRegion>;
export type HolidayRegionList = z.infer<typeof holidaySchemas.holidayRegionList>;
export type Holidays = z.infer<typeof holidaySchemas.holidays>;

export type Person = z.infer<typeof peopleSchemas.person>;
export type CreatePersonBody = z.input<typeof peopleSchemas.createPersonBody>;
export type UpdatePersonBody = z.input<typeof peopleSchemas.updatePersonBody>;
export type PersonListQuery = Partial<z.input<typeof peopleSchemas.personListQuery>>;
export type TimeOff = z.infer<typeof peopleSchemas.timeOff>;
export type CreateTimeOffBody = z.input<typeof peopleSchemas.createTimeOffBody>;
export type Skill = z.infer<typeof peopleSchemas.skill>;
export type Team = z.infer<typeof peopleSchemas.team>;
export type CreateTeamBody = z.input<typeof peopleSchemas.createTeamBody>;
export type UpdateTeamBody = z.input<typeof peopleSchemas.updateTeamBody>;
export type Client = z.infer<typeof peopleSchemas.client>;
export type CreateClientBody = z.input<typeof peopleSchemas.createClientBody>;
export type UpdateClientBody = z.input<typeof peopleSchemas.updateClientBody>;

export type Home = z.infer<typeof homeSchemas.home>;
export type Ok = z.infer<typeof commonSchemas.ok>;
export type Page<T> = commonSchemas.Page<T>;
export interface Items<T> {
  items: T[];
}
export interface Decomposed {
  projects: Project[];
  tasks: Task[];
}

export interface ErrorIssue {
  /** Dotted path of the offending field as the API names it, e.g. `body.estimateHours`. */
  field: string;
  reason: string;
}

/** An error answer of the API (`{error:{code,message,details}}`), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ErrorIssue[];
  readonly retryAfterSeconds: number | null;
  /** The answer's `details` as sent, for the few callers that read more than the issues. */
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.issues = readIssues(details);
    const retry = details?.['retryAfterSeconds'];
    this.retryAfterSeconds = typeof retry === 'number' ? retry : null;
  }
}

function readIssues(details: Record<string, unknown> | undefined): ErrorIssue[] {
  const raw = details?.['issues'];
  if (!Array.isArray(raw)) return [];
  const issues: ErrorIssue[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, reason } = item as { field?: unknown; reason?: unknown };
    if (typeof field === 'string' && typeof reason === 'string') issues.push({ field, reason });
  }
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toApiError(status: number, body: unknown, statusText: string): ApiError {
  const error = isRecord(body) ? body['error'] : undefined;
  if (isRecord(error) && typeof error['message'] === 'string') {
    const code = typeof error['code'] === 'string' ? error['code'] : 'error';
    const details = isRecord(error['details']) ? error['details'] : undefined;
    return new ApiError(status, code, error['message'], details);
  }
  const fallback =
    status >= 500
      ? 'The server had a problem answering. Try again in a moment.'
      : `The server answered ${status} ${statusText}`.trim();
  return new ApiError(status, status >= 500 ? 'internal' : 'error', fallback);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the session's CSRF token (from /api/auth/me, sign-in or setup). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than sign-in itself) answers 401: the app sends the user to sign in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  body?: unknown;
  query?: object;
  /** Sign-in and setup answer 401 for a wrong password: no redirect for those. */
  isAuthAttempt?: boolean;
}

function queryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the Tandem server. Check your connection and try again.');
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 403 && method !== 'GET') {
    // A stale CSRF token (e.g. the session was renewed in another tab): fetch the current one, retry once.
    const body = await readBody(response.clone());
    const error = toApiError(response.status, body, response.statusText);
    if (error.code === 'csrf_failed') {
      const meResponse = await send('GET', '/api/auth/me', {});
      if (meResponse.ok) {
        const fresh = (await readBody(meResponse)) as Me;
        setCsrfToken(fresh.csrfToken);
        response = await send(method, path, options);
      }
    }
  }
  const body = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, body, response.statusText);
    if (response.status === 401 && !options.isAuthAttempt) onUnauthenticated?.();
    throw error;
  }
  return body as T;
}

const get = <T>(path: string, query?: object) => request<T>('GET', path, { query });
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body });
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
const del = <T = Ok>(path: string) => request<T>('DELETE', path);
const seg = (id: string) => encodeURIComponent(id);
/** The request helpers, for the area clients that live beside this file (people-side.ts). */
export const http = { get, post, put, patch, del, seg };

export const api = {
  auth: {
    changePassword: async (body: { currentPassword: string; newPassword: string }) => {
      const me = await put<PasswordChanged>('/api/auth/password', body);
      setCsrfToken(me.csrfToken);
      return me;
    },
    me: async () => {
      const me = await get<Me>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    },
    login: async (body: LoginBody) => {
      const me = await request<Me>('POST', '/api/auth/login', { body, isAuthAttempt: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
    logout: async () => {
      const result = await request<Ok>('POST', '/api/auth/logout', { isAuthAttempt: true });
      setCsrfToken(null);
      return result;
    },
    setupStatus: () => get<SetupStatus>('/api/setup'),
    setup: async (body: SetupBody) => {
      const me = await request<Me>('POST', '/api/setup', { body, isAuthAttempt: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
  },
  tokens: {
    list: () => get<Items<ApiToken>>('/api/tokens?limit=500'),
    create: (name: string) => post<CreatedToken>('/api/tokens', { name }),
    revoke: (id: string) => del(`/api/tokens/${seg(id)}`),
    revokeAll: () => del<{ revoked: number }>('/api/tokens'),
  },
  users: {
    list: () => get<Items<User>>('/api/users?limit=500'),
    create: (body: CreateUserBody) => post<User>('/api/users', body),
    update: (id: string, body: UpdateUserBody) => patch<User>(`/api/users/${seg(id)}`, body),
  },
  organization: {
    get: () => get<Organization>('/api/organization'),
    update: (body: UpdateOrganizationBody) => patch<Organization>('/api/organization', body),
  },
  holidayRegions: {
    list: () => get<HolidayRegionList>('/api/holiday-regions'),
  },
  pillars: {
    list: () => get<Items<Pillar>>('/api/pillars?limit=500'),
    create: (body: CreatePillarBody) => post<Pillar>('/api/pillars', body),
    update: (id: string, body: UpdatePillarBody) => patch<Pillar>(`/api/pillars/${seg(id)}`, body),
    remove: (id: string) => del(`/api/pillars/${seg(id)}`),
  },
  strategy: {
    get: () => get<StrategyMap>('/api/strategy'),
  },
  goals: {
    list: (query: GoalListQuery = {}) => get<Page<Goal>>('/api/goals', query),
    get: (id: string) => get<GoalDetail>(`/api/goals/${seg(id)}`),
    create: (body: CreateGoalBody) => post<Goal>('/api/goals', body),
    update: (id: string, body: UpdateGoalBody) => patch<Goal>(`/api/goals/${seg(id)}`, body),
    remove: (id: string) => del(`/api/goals/${seg(id)}`),
    checkIns: (id: string) => get<Items<CheckIn>>(`/api/goals/${seg(id)}/check-ins?limit=500`),
    checkIn: (id: string, body: CreateCheckInBody) => post<CheckIn>(`/api/goals/${seg(id)}/check-ins`, body),
    decompose: (id: string, body: DecomposeBody) => post<Decomposed>(`/api/goals/${seg(id)}/decompose`, body),
  },
  projects: {
    list: (query: ProjectListQuery = {}) => get<Page<Project>>('/api/projects', query),
    get: (id: string) => get<Project>(`/api/projects/${seg(id)}`),
    create: (body: CreateProjectBody) => post<Project>('/api/projects', body),
    update: (id: string, body: UpdateProjectBody) => patch<Project>(`/api/projects/${seg(id)}`, body),
    remove: (id: string) => del(`/api/projects/${seg(id)}`),
  },
  tasks: {
    list: (query: TaskListQuery = {}) => get<Page<Task>>('/api/tasks', query),
    get: (id: string) => get<Task>(`/api/tasks/${seg(id)}`),
    create: (body: CreateTaskBody) => post<Task>('/api/tasks', body),
    update: (id: string, body: UpdateTaskBody) => patch<Task>(`/api/tasks/${seg(id)}`, body),
    remove: (id: string) => del(`/api/tasks/${seg(id)}`),
    timeEntries: (id: string) => get<Items<TimeEntry>>(`/api/tasks/${seg(id)}/time-entries?limit=500`),
    logTime: (id: string, body: CreateTimeEntryBody) =>
      post<TimeEntry>(`/api/tasks/${seg(id)}/time-entries`, body),
    deleteTimeEntry: (entryId: string) => del(`/api/time-entries/${seg(entryId)}`),
  },
  people: {
    list: (query: PersonListQuery = {}) => get<Page<Person>>('/api/people', query),
    get: (id: string) => get<Person>(`/api/people/${seg(id)}`),
    create: (body: CreatePersonBody) => post<Person>('/api/people', body),
    update: (id: string, body: UpdatePersonBody) => patch<Person>(`/api/people/${seg(id)}`, body),
    remove: (id: string) => del(`/api/people/${seg(id)}`),
    addTimeOff: (id: string, body: CreateTimeOffBody) =>
      post<TimeOff>(`/api/people/${seg(id)}/time-off`, body),
    deleteTimeOff: (id: string, timeOffId: string) =>
      del(`/api/people/${seg(id)}/time-off/${seg(timeOffId)}`),
  },
  skills: {
    list: () => get<Items<Skill>>('/api/skills?limit=500'),
    create: (name: string) => post<Skill>('/api/skills', { name }),
  },
  teams: {
    list: () => get<Items<Team>>('/api/teams?limit=500'),
    create: (body: CreateTeamBody) => post<Team>('/api/teams', body),
    update: (id: string, body: UpdateTeamBody) => patch<Team>(`/api/teams/${seg(id)}`, body),
    remove: (id: string) => del(`/api/teams/${seg(id)}`),
  },
  clients: {
    list: () => get<Items<Client>>('/api/clients?limit=500'),
    create: (body: CreateClientBody) => post<Client>('/api/clients', body),
    update: (id: string, body: UpdateClientBody) => patch<Client>(`/api/clients/${seg(id)}`, body),
    remove: (id: string) => del(`/api/clients/${seg(id)}`),
  },
  home: {
    get: () => get<Home>('/api/home'),
  },
};

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (
      error.code === 'rate_limited' &&
      error.retryAfterSeconds !== null &&
      !/try again/i.test(error.message)
    ) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      const wait = error.retryAfterSeconds < 90 ? `${error.retryAfterSeconds} seconds` : `${minutes} minutes`;
      return `${error.message} Try again in ${wait}.`;
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
