/** Renders docs/people-permissions.md from the table in core/people-permissions.ts (npm run docs:permissions). */
import {
  audienceLabel,
  audienceMeaning,
  audiences,
  peopleRecords,
  type Access,
} from '../../core/people-permissions';
import { minDaysBetweenRounds, minPeerAnswers, minPulseGroup } from '../../core/people-side';

const cell: Record<Access, string> = { rw: 'read, write', r: 'read', w: 'write', '-': '—' };

export function renderPeoplePermissionsDoc(): string {
  const header = `| record | ${audiences.map((a) => audienceLabel[a]).join(' | ')} |\n|---|${audiences.map(() => '---').join('|')}|`;
  const rows = peopleRecords.map(
    (r) => `| ${r.label} | ${audiences.map((a) => cell[r.access[a]]).join(' | ')} |`,
  );
  const meanings = peopleRecords.map((r) => `| ${r.label} | ${r.read} | ${r.write} |`);
  return `# People-side permissions

Who reads and who writes every record of the leader's side (1:1s, kudos, growth plans, talent review,
pulse, self-assessment and 360). Generated from \`src/core/people-permissions.ts\` by
\`npm run docs:permissions\`; a test fails when this file and the table disagree, and
\`src/server/areas/people-side-permissions.test.ts\` runs **one test per cell** on SQLite and PostgreSQL.

Every row is about one person, **S** (a member with a manager, a mentor and a report of their own). The
columns are the people around S:

${audiences.map((a) => `- **${audienceLabel[a]}**: ${audienceMeaning[a]}`).join('\n')}

${header}
${rows.join('\n')}

"—" means the record does not exist for them: a 1:1 answers 404 exactly as an unknown id does; records
about a colleague they may not see answer 403; lists leave it out.

## What "read" and "write" mean in each row (what the tests check)

| record | read | write |
|---|---|---|
${meanings.join('\n')}

## Privacy rules behind the table

- **1:1s** exist only for their two participants. Every query of the 1:1 tables takes the reader's person
  id and matches only pairs they take part in; anyone else — owners, leaders, the manager's manager,
  admins — gets 404. Personal notes live in a table of their own and are only ever selected, changed or
  deleted together with their author's id: no function lists or counts them otherwise. No export,
  search, count or home screen reads the 1:1 tables (\`src/server/http/privacy-markers.test.ts\` calls
  every route of the API as every other account and searches every answer for markers).
- **Pulse** answers are shown only as aggregates over at least ${minPulseGroup} people, only for weeks that
  are over, with small teams merged so that no two shown numbers can be subtracted to describe fewer than
  ${minPulseGroup} people (\`src/core/pulse.ts\`). Comments go to owners and leaders only, unattributed and
  alphabetical, when at least ${minPulseGroup} answered. Answers are never deleted or regrouped.
- **360** answers of one peer are never shown to anyone: the person sees the mean per skill only after
  closing the round and only from ${minPeerAnswers} answers; a new round starts ${minDaysBetweenRounds} days after the
  last one closed, so two rounds cannot be compared to single one reviewer out.
- **Growth plans**: the skills a person wants to grow are their profile's growth goals, which everyone in
  the organization reads (like skills and passions); the plan around them is for the people in the row.
- **Talent review** (9-box) is for owners, leaders and the person's management chain; never the person,
  their peers or their reports. Every placement is kept as history.
- **Emerging leaders** list every signal, but who mentors whom belongs to the mentee's growth plan: the
  mentoring signal names a mentee only to a viewer who may read that mentee's plan. To anyone else who
  reviews the mentor, the plan is counted without a name (as the mentoring 1:1s are), so the signal
  keeps its weight and the mentee stays private. Only owners and leaders therefore see S named in the
  table above: S's manager and manager's manager may read S's plan but do not review S's mentor, and
  the mentor's own manager reviews the mentor but may not read S's plan.
`;
}
