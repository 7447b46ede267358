/**
 * Who reads and who writes every record of the leader's side, as data. docs/people-permissions.md is
 * rendered from this table (npm run docs:permissions), and src/server/areas/people-side-permissions.test.ts
 * turns every cell into one test on SQLite and PostgreSQL: the table is the specification, the use cases
 * implement it, the tests hold them to it.
 *
 * Every row is about one person, S. The columns are the people around S.
 */
export const audiences = [
  'self',
  'manager',
  'skipLevel',
  'mentor',
  'owner',
  'leader',
  'otherManager',
  'peer',
  'report',
  'otherOrg',
] as const;
export type Audience = (typeof audiences)[number];

export const audienceLabel: Record<Audience, string> = {
  self: 'S',
  manager: "S's manager",
  skipLevel: "manager's manager",
  mentor: "S's mentor",
  owner: 'owner',
  leader: 'leader',
  otherManager: 'other manager',
  peer: 'peer',
  report: "S's report",
  otherOrg: 'other org',
};

export const audienceMeaning: Record<Audience, string> = {
  self: 'S, the person the record is about (a member, with a manager and a report of their own)',
  manager: "S's manager (sign-in role manager): the other participant of S's 1:1",
  skipLevel: "the manager's manager: in S's management chain, not in the 1:1",
  mentor: "the mentor named in S's growth plan (otherwise a colleague)",
  owner: 'an owner of the organization, outside S’s management chain',
  leader: 'a leader of the organization, outside S’s management chain',
  otherManager: 'a manager (sign-in role) outside S’s management chain; S’s mentor reports to them',
  peer: 'a colleague with no reporting line to S, whom S asked for 360 feedback',
  report: 'someone who reports to S',
  otherOrg: 'anyone in another organization, its owner included',
};

/** rw: reads and writes; r: reads only; w: writes but cannot read it back; -: neither (404, 403 or left out). */
export type Access = 'rw' | 'r' | 'w' | '-';

export interface PeopleRecord {
  key: string;
  label: string;
  /** What "read" means for this record, as the test checks it. */
  read: string;
  /** What "write" means for this record, as the test checks it. */
  write: string;
  access: Record<Audience, Access>;
}

const row = (
  self: Access,
  manager: Access,
  skipLevel: Access,
  mentor: Access,
  owner: Access,
  leader: Access,
  otherManager: Access,
  peer: Access,
  report: Access,
  otherOrg: Access,
): Record<Audience, Access> => ({
  self,
  manager,
  skipLevel,
  mentor,
  owner,
  leader,
  otherManager,
  peer,
  report,
  otherOrg,
});

export const peopleRecords = [
  {
    key: 'oneOnOne',
    label: '1:1 of S and their manager (cadence, meetings)',
    read: 'GET /api/one-on-ones/:id, and the pair in GET /api/one-on-ones',
    write: 'reschedule the upcoming meeting (PATCH …/meetings/:meetingId)',
    access: row('rw', 'rw', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'agenda',
    label: '1:1 agenda items (with the pre-filled context)',
    read: 'the agenda of GET …/meetings/:meetingId',
    write: 'add an agenda item',
    access: row('rw', 'rw', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'actionItems',
    label: '1:1 action items',
    read: 'the action items of GET /api/one-on-ones/:id',
    write: 'add an action item',
    access: row('rw', 'rw', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'sharedNotes',
    label: '1:1 shared notes',
    read: 'the shared notes of GET …/meetings/:meetingId',
    write: 'add a shared note',
    access: row('rw', 'rw', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'managerPersonalNote',
    label: "the manager's personal 1:1 note",
    read: 'the note in the personal notes of GET …/meetings/:meetingId',
    write: 'edit the note (PATCH …/notes/:noteId)',
    access: row('-', 'rw', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'reportPersonalNote',
    label: "S's personal 1:1 note",
    read: 'the note in the personal notes of GET …/meetings/:meetingId',
    write: 'edit the note (PATCH …/notes/:noteId)',
    access: row('rw', '-', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'kudos',
    label: 'kudos S received, and S’s recognition on the profile',
    read: 'GET /api/kudos?personId=S and GET /api/people/:id/recognition',
    write: 'give kudos (S gives to a colleague; everyone else to S)',
    access: row('rw', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw', '-'),
  },
  {
    key: 'values',
    label: "the organization's values (kudos may name one)",
    read: 'GET /api/values',
    write: 'add a value (POST /api/values)',
    access: row('r', 'r', 'r', 'r', 'rw', 'rw', 'r', 'r', 'r', '-'),
  },
  {
    key: 'growthPlan',
    label: "S's growth plan: aspiration, mentor, evidence of growth",
    read: 'GET /api/people/:id/growth-plan',
    write: 'edit the plan (PUT /api/people/:id/growth-plan)',
    access: row('rw', 'rw', 'rw', 'r', 'rw', 'rw', '-', '-', '-', '-'),
  },
  {
    key: 'milestones',
    label: "S's growth-plan milestones",
    read: 'the milestones of GET /api/people/:id/growth-plan',
    write: 'add a milestone',
    access: row('rw', 'rw', 'rw', 'rw', 'rw', 'rw', '-', '-', '-', '-'),
  },
  {
    key: 'talentReview',
    label: "S's talent review (9-box) and its history",
    read: 'GET /api/people/:id/talent, and S in GET /api/talent',
    write: 'place S in the 9-box (POST /api/people/:id/talent)',
    access: row('-', 'rw', 'rw', '-', 'rw', 'rw', '-', '-', '-', '-'),
  },
  {
    key: 'emergingLeaders',
    label: 'S among the emerging leaders, with the signals listed',
    read: 'S in GET /api/talent/emerging-leaders',
    write: 'nobody writes it: the signals come from mentoring, kudos, 1:1s and goals',
    access: row('-', 'r', 'r', '-', 'r', 'r', '-', '-', '-', '-'),
  },
  {
    // Who mentors whom is part of the mentee's growth plan, so the mentor's signal names S only to
    // those who may read S's plan; anyone else who reviews the mentor sees the plan counted, unnamed.
    key: 'menteeInMentorSignal',
    label: "S named as the mentee in their mentor's emerging-leader signals",
    read: "S's name in the mentoring signal of S's mentor in GET /api/talent/emerging-leaders",
    write: "nobody writes it: it is the mentor named in S's growth plan",
    access: row('-', '-', '-', '-', 'r', 'r', '-', '-', '-', '-'),
  },
  {
    key: 'pulseAnswer',
    label: "S's pulse answer (energy, workload, comment)",
    read: 'GET /api/pulse/me',
    write: 'answer the pulse (PUT /api/pulse/me)',
    access: row('rw', '-', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'pulseResults',
    label: "pulse results of S's organization (groups of ≥ 5 only)",
    read: 'GET /api/pulse/results',
    write: 'nobody writes them: they are computed from closed weeks',
    access: row('r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', '-'),
  },
  {
    key: 'selfAssessment',
    label: "S's self-assessment and leadership/management balance",
    read: 'GET /api/assessments/me (as S) shows the ratings; nobody else has a route to them',
    write: 'rate themself (PUT /api/assessments/me/self)',
    access: row('rw', '-', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
  {
    key: 'peerAnswers',
    label: "one peer's individual 360 answers about S",
    read: 'any response containing the peer’s own answers',
    write: 'answer the request (POST /api/assessment-requests/:id/answer)',
    access: row('-', '-', '-', '-', '-', '-', '-', 'w', '-', '-'),
  },
  {
    key: 'peerSummary',
    label: "the mean of the peers' 360 answers about S (≥ 3 answers, round closed)",
    read: 'the peers section of GET /api/assessments/me',
    write: 'nobody writes it: it is computed',
    access: row('r', '-', '-', '-', '-', '-', '-', '-', '-', '-'),
  },
] as const satisfies readonly PeopleRecord[];

export type PeopleRecordKey = (typeof peopleRecords)[number]['key'];
