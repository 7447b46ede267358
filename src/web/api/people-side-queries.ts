/** TanStack Query hooks and invalidation for the leader's side (keys live beside queries.ts's). */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from './client';
import { peopleSideApi, type KudosListQuery, type OrgValue } from './people-side';

export const sideKeys = {
  values: ['values'] as const,
  kudos: (query: KudosListQuery = {}) => ['kudos', query] as const,
  recognition: (personId: string) => ['recognition', personId] as const,
  oneOnOnes: (includeInactive: boolean) => ['one-on-ones', includeInactive] as const,
  oneOnOne: (id: string) => ['one-on-one', id] as const,
  meeting: (id: string, meetingId: string) => ['one-on-one-meeting', id, meetingId] as const,
  growthPlan: (personId: string) => ['growth-plan', personId] as const,
  mentees: ['mentees'] as const,
  talent: ['talent'] as const,
  personTalent: (personId: string) => ['person-talent', personId] as const,
  emergingLeaders: ['emerging-leaders'] as const,
  myPulse: ['pulse-me'] as const,
  pulseResults: (weeks: number) => ['pulse-results', weeks] as const,
  myAssessments: ['assessments-me'] as const,
  requestsForMe: ['assessment-requests'] as const,
};

export function useValues() {
  return useQuery({ queryKey: sideKeys.values, queryFn: peopleSideApi.values.list, staleTime: 5 * 60_000 });
}
export function useValuesLookup(): Map<string, OrgValue> {
  const { data } = useValues();
  return useMemo(() => new Map((data?.items ?? []).map((v) => [v.id, v])), [data]);
}
export function useKudos(query: KudosListQuery = {}) {
  return useQuery({
    queryKey: sideKeys.kudos(query),
    queryFn: () => peopleSideApi.kudos.list(query),
    placeholderData: keepPreviousData,
  });
}
export function useRecognition(personId: string) {
  return useQuery({
    queryKey: sideKeys.recognition(personId),
    queryFn: () => peopleSideApi.kudos.recognition(personId),
  });
}
export function useOneOnOnes(includeInactive = false) {
  return useQuery({
    queryKey: sideKeys.oneOnOnes(includeInactive),
    queryFn: () => peopleSideApi.oneOnOnes.list(includeInactive),
  });
}
export function useOneOnOne(id: string) {
  return useQuery({ queryKey: sideKeys.oneOnOne(id), queryFn: () => peopleSideApi.oneOnOnes.get(id) });
}
export function useMeeting(id: string, meetingId: string | null) {
  return useQuery({
    queryKey: sideKeys.meeting(id, meetingId ?? ''),
    queryFn: () => peopleSideApi.oneOnOnes.meeting(id, meetingId!),
    enabled: meetingId !== null,
  });
}
/** A growth plan the caller may not read answers 403: the hook reports that as "not visible", not as an error. */
export function useGrowthPlan(personId: string) {
  return useQuery({
    queryKey: sideKeys.growthPlan(personId),
    queryFn: () => peopleSideApi.growth.plan(personId),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}
export function useMentees() {
  return useQuery({ queryKey: sideKeys.mentees, queryFn: peopleSideApi.growth.mentees });
}
const noRetryOn4xx = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
export function useTalentGrid(enabled = true) {
  return useQuery({
    queryKey: sideKeys.talent,
    queryFn: peopleSideApi.talent.grid,
    retry: noRetryOn4xx,
    enabled,
  });
}
export function usePersonTalent(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: sideKeys.personTalent(personId),
    queryFn: () => peopleSideApi.talent.person(personId),
    retry: noRetryOn4xx,
    enabled,
  });
}
export function useEmergingLeaders(enabled = true) {
  return useQuery({
    queryKey: sideKeys.emergingLeaders,
    queryFn: peopleSideApi.talent.emergingLeaders,
    retry: noRetryOn4xx,
    enabled,
  });
}
export function useMyPulse() {
  return useQuery({ queryKey: sideKeys.myPulse, queryFn: peopleSideApi.pulse.mine });
}
export function usePulseResults(weeks = 12) {
  return useQuery({
    queryKey: sideKeys.pulseResults(weeks),
    queryFn: () => peopleSideApi.pulse.results(weeks),
  });
}
export function useMyAssessments() {
  return useQuery({ queryKey: sideKeys.myAssessments, queryFn: peopleSideApi.assessments.mine });
}
export function useRequestsForMe() {
  return useQuery({ queryKey: sideKeys.requestsForMe, queryFn: peopleSideApi.assessments.forMe });
}

function invalidateRoots(client: QueryClient, roots: readonly string[]): Promise<void> {
  return Promise.all(roots.map((root) => client.invalidateQueries({ queryKey: [root] }))).then(
    () => undefined,
  );
}

/** Which cached reads a change on the leader's side can affect, by the first element of their keys. */
export const sideAffected = {
  oneOnOnes: ['one-on-ones', 'one-on-one', 'one-on-one-meeting'],
  kudos: ['kudos', 'recognition', 'values'],
  values: ['values', 'kudos'],
  growth: ['growth-plan', 'mentees', 'person', 'people', 'one-on-one'],
  talent: ['talent', 'person-talent', 'emerging-leaders'],
  pulse: ['pulse-me', 'pulse-results'],
  assessments: ['assessments-me', 'assessment-requests'],
} as const satisfies Record<string, readonly string[]>;

export const invalidateSide = {
  oneOnOnes: (client: QueryClient) => invalidateRoots(client, sideAffected.oneOnOnes),
  kudos: (client: QueryClient) => invalidateRoots(client, sideAffected.kudos),
  values: (client: QueryClient) => invalidateRoots(client, sideAffected.values),
  growth: (client: QueryClient) => invalidateRoots(client, sideAffected.growth),
  talent: (client: QueryClient) => invalidateRoots(client, sideAffected.talent),
  pulse: (client: QueryClient) => invalidateRoots(client, sideAffected.pulse),
  assessments: (client: QueryClient) => invalidateRoots(client, sideAffected.assessments),
};
