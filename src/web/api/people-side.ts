/**
 * The typed client of the leader's side (1:1s, kudos, values, growth plans, talent, pulse, assessments),
 * over the same request function as client.ts. Types come from src/core/schemas/people-side.ts.
 */
import type { z } from 'zod';
import type * as s from '../../core/schemas/people-side';
import { http, type Page } from './client';

export type OrgValue = z.infer<typeof s.orgValue>;
export type Kudos = z.infer<typeof s.kudos>;
export type CreateKudosBody = z.input<typeof s.createKudosBody>;
export type KudosListQuery = Partial<z.input<typeof s.kudosListQuery>>;
export type Recognition = z.infer<typeof s.recognition>;
export type OneOnOne = z.infer<typeof s.oneOnOne>;
export type OneOnOneDetail = z.infer<typeof s.oneOnOneDetail>;
export type MeetingDetail = z.infer<typeof s.meetingDetail>;
export type AgendaItem = z.infer<typeof s.agendaItem>;
export type ActionItem = z.infer<typeof s.actionItem>;
export type OneOnOneNote = z.infer<typeof s.oneOnOneNote>;
export type Cadence = z.infer<typeof s.cadence>;
export type CreateOneOnOneBody = z.input<typeof s.createOneOnOneBody>;
export type UpdateOneOnOneBody = z.input<typeof s.updateOneOnOneBody>;
export type CreateActionItemBody = z.input<typeof s.createActionItemBody>;
export type UpdateActionItemBody = z.input<typeof s.updateActionItemBody>;
export type UpdateMeetingBody = z.input<typeof s.updateMeetingBody>;
export type GrowthPlan = z.infer<typeof s.growthPlan>;
export type PutGrowthPlanBody = z.input<typeof s.putGrowthPlanBody>;
export type Milestone = z.infer<typeof s.milestone>;
export type CreateMilestoneBody = z.input<typeof s.createMilestoneBody>;
export type UpdateMilestoneBody = z.input<typeof s.updateMilestoneBody>;
export type Mentee = z.infer<typeof s.mentee>;
export type TalentReview = z.infer<typeof s.talentReview>;
export type TalentGrid = z.infer<typeof s.talentGrid>;
export type PersonTalent = z.infer<typeof s.personTalent>;
export type CreateTalentReviewBody = z.input<typeof s.createTalentReviewBody>;
export type EmergingLeaders = z.infer<typeof s.emergingLeaders>;
export type MyPulse = z.infer<typeof s.myPulse>;
export type PutPulseBody = z.input<typeof s.putPulseBody>;
export type PulseResults = z.infer<typeof s.pulseResults>;
export type PulseAggregate = z.infer<typeof s.pulseAggregate>;
export type Assessment = z.infer<typeof s.assessment>;
export type MyAssessments = z.infer<typeof s.myAssessments>;
export type AssessmentRatings = z.infer<typeof s.assessmentRatings>;
export type RequestForMe = z.infer<typeof s.requestForMe>;

const { get, post, put, patch, del, seg } = http;
const pair = (id: string) => `/api/one-on-ones/${seg(id)}`;

export const peopleSideApi = {
  values: {
    list: () => get<Page<OrgValue>>('/api/values?limit=500'),
    create: (body: { name: string; description?: string }) => post<OrgValue>('/api/values', body),
    update: (id: string, body: { name?: string; description?: string; position?: number }) =>
      patch<OrgValue>(`/api/values/${seg(id)}`, body),
    remove: (id: string) => del(`/api/values/${seg(id)}`),
  },
  kudos: {
    list: (query: KudosListQuery = {}) => get<Page<Kudos>>('/api/kudos', query),
    give: (body: CreateKudosBody) => post<Kudos>('/api/kudos', body),
    remove: (id: string) => del(`/api/kudos/${seg(id)}`),
    recognition: (personId: string) => get<Recognition>(`/api/people/${seg(personId)}/recognition`),
  },
  oneOnOnes: {
    list: (includeInactive = false) =>
      get<Page<OneOnOne>>('/api/one-on-ones', {
        limit: 500,
        includeInactive: includeInactive ? 'true' : 'false',
      }),
    get: (id: string) => get<OneOnOneDetail>(pair(id)),
    create: (body: CreateOneOnOneBody) => post<OneOnOneDetail>('/api/one-on-ones', body),
    update: (id: string, body: UpdateOneOnOneBody) => patch<OneOnOneDetail>(pair(id), body),
    meeting: (id: string, meetingId: string) => get<MeetingDetail>(`${pair(id)}/meetings/${seg(meetingId)}`),
    createMeeting: (id: string, date: string) => post<MeetingDetail>(`${pair(id)}/meetings`, { date }),
    updateMeeting: (id: string, meetingId: string, body: UpdateMeetingBody) =>
      patch<MeetingDetail>(`${pair(id)}/meetings/${seg(meetingId)}`, body),
    addAgendaItem: (id: string, meetingId: string, text: string) =>
      post<AgendaItem>(`${pair(id)}/meetings/${seg(meetingId)}/agenda-items`, { text }),
    updateAgendaItem: (id: string, itemId: string, body: { text?: string; isDiscussed?: boolean }) =>
      patch<AgendaItem>(`${pair(id)}/agenda-items/${seg(itemId)}`, body),
    removeAgendaItem: (id: string, itemId: string) => del(`${pair(id)}/agenda-items/${seg(itemId)}`),
    addNote: (id: string, meetingId: string, body: { body: string; visibility: 'shared' | 'private' }) =>
      post<OneOnOneNote>(`${pair(id)}/meetings/${seg(meetingId)}/notes`, body),
    updateNote: (id: string, noteId: string, body: string) =>
      patch<OneOnOneNote>(`${pair(id)}/notes/${seg(noteId)}`, { body }),
    removeNote: (id: string, noteId: string) => del(`${pair(id)}/notes/${seg(noteId)}`),
    addActionItem: (id: string, body: CreateActionItemBody) =>
      post<ActionItem>(`${pair(id)}/action-items`, body),
    updateActionItem: (id: string, itemId: string, body: UpdateActionItemBody) =>
      patch<ActionItem>(`${pair(id)}/action-items/${seg(itemId)}`, body),
    removeActionItem: (id: string, itemId: string) => del(`${pair(id)}/action-items/${seg(itemId)}`),
  },
  growth: {
    plan: (personId: string) => get<GrowthPlan>(`/api/people/${seg(personId)}/growth-plan`),
    save: (personId: string, body: PutGrowthPlanBody) =>
      put<GrowthPlan>(`/api/people/${seg(personId)}/growth-plan`, body),
    addMilestone: (personId: string, body: CreateMilestoneBody) =>
      post<Milestone>(`/api/people/${seg(personId)}/growth-plan/milestones`, body),
    updateMilestone: (personId: string, milestoneId: string, body: UpdateMilestoneBody) =>
      patch<Milestone>(`/api/people/${seg(personId)}/growth-plan/milestones/${seg(milestoneId)}`, body),
    removeMilestone: (personId: string, milestoneId: string) =>
      del(`/api/people/${seg(personId)}/growth-plan/milestones/${seg(milestoneId)}`),
    mentees: () => get<Page<Mentee>>('/api/mentees?limit=500'),
  },
  talent: {
    grid: () => get<TalentGrid>('/api/talent'),
    emergingLeaders: () => get<EmergingLeaders>('/api/talent/emerging-leaders?limit=500'),
    person: (personId: string) => get<PersonTalent>(`/api/people/${seg(personId)}/talent`),
    place: (personId: string, body: CreateTalentReviewBody) =>
      post<TalentReview>(`/api/people/${seg(personId)}/talent`, body),
  },
  pulse: {
    mine: () => get<MyPulse>('/api/pulse/me'),
    answer: (body: PutPulseBody) => put<MyPulse>('/api/pulse/me', body),
    results: (weeks = 12) => get<PulseResults>('/api/pulse/results', { weeks }),
  },
  assessments: {
    mine: () => get<MyAssessments>('/api/assessments/me'),
    start: () => post<MyAssessments>('/api/assessments/me'),
    rateSelf: (ratings: AssessmentRatings) => put<MyAssessments>('/api/assessments/me/self', { ratings }),
    request: (reviewerIds: string[]) => post<MyAssessments>('/api/assessments/me/requests', { reviewerIds }),
    withdraw: (requestId: string) => del<MyAssessments>(`/api/assessments/me/requests/${seg(requestId)}`),
    close: () => post<MyAssessments>('/api/assessments/me/close'),
    forMe: () => get<Page<RequestForMe>>('/api/assessment-requests?limit=500'),
    answer: (requestId: string, ratings: AssessmentRatings) =>
      post<RequestForMe>(`/api/assessment-requests/${seg(requestId)}/answer`, { ratings }),
    decline: (requestId: string) => post<RequestForMe>(`/api/assessment-requests/${seg(requestId)}/decline`),
  },
};
