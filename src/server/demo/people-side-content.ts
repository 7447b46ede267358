/**
 * The words of the demo's people side: the agency's values, kudos, 1:1 agendas and notes, growth
 * plans, pulse comments and talent notes. Plain data; generate-people-side.ts uses it. `{project}`,
 * `{skill}`, `{client}` and `{name}` are filled in per record.
 */
/** Descriptions of the company values (names in content.ts `companyValues`). */
export const valueDescriptions: Record<string, string> = {
  Craft: 'We sweat the details nobody asked for, because they are the ones people remember.',
  Candor: 'We say the useful thing early, kindly and to the person who can act on it.',
  Curiosity: 'We ask why twice, test the idea, and learn out loud.',
  Ownership: 'We finish what we start and raise a hand before a deadline slips, not after.',
  Care: 'We look after each other and our clients as people, not tickets.',
};

/** Kudos messages by value (and a few for no value); the first list is "helped others". */
export const kudosMessages: Record<string, readonly string[]> = {
  Craft: [
    'The type details on the {project} key visuals are beautiful — the client noticed too.',
    'Rebuilt the {project} prototype overnight so the test could run on real content. Superb work.',
    'That final {skill} pass turned a good deck into one the board asked to keep.',
  ],
  Candor: [
    'Thank you for flagging the {project} scope creep in the kick-off instead of three weeks in.',
    'Your honest read of the {client} brief saved us a wasted pitch.',
    'Gave me the feedback on my draft I needed to hear, with a way forward. Thank you.',
  ],
  Curiosity: [
    'Dug into the {project} analytics and found the drop-off nobody had spotted.',
    'Ran three quick user interviews before the {client} workshop — changed the whole direction.',
    'Loved the lunch-and-learn on {skill}. Already using two of the tricks.',
  ],
  Ownership: [
    'Picked up the {project} handover on a Friday evening and got it live on Monday.',
    'Saw the {client} invoice issue, fixed it and told everyone what changed. Exactly right.',
    'Took the unglamorous QA on {project} and did it properly.',
  ],
  Care: [
    'Covered my client call while my kid was ill, and sent me notes afterwards. Thank you.',
    'Checked in on the whole team after the {project} crunch. It mattered.',
    'Made the new joiners feel at home in their first week.',
  ],
  none: [
    'Thanks for the help on {project} this week!',
    'Great energy in the {client} workshop.',
    'That was a calm, clear update in a chaotic week.',
  ],
};

/** Kudos for helping someone (the emerging-leader signal), by any value. */
export const helpingKudosMessages = [
  'Spent an hour walking me through the {skill} setup — I would still be stuck without you.',
  'Paired with me on the {project} bug until it was fixed, and explained every step.',
  'Reviewed my first piece of {skill} work with patience and great tips. Thank you for mentoring me.',
  'Unblocked three of us on {project} by writing the guide we all needed.',
  'Ran the onboarding for the new designers on top of your own deadlines. Generous.',
] as const;

export const aspirations = [
  'Lead the {skill} work on a flagship client project within a year.',
  'Become the person the team asks about {skill}.',
  'Run client workshops on my own by the end of the year.',
  'Grow into a lead role: mentor others and own our craft standards in {skill}.',
  'Broaden beyond my specialism so I can shape whole campaigns.',
  'Get confident enough in {skill} to pitch ideas, not just deliver them.',
] as const;

/** Milestones for growing a skill, in order. */
export const milestoneTemplates = [
  'Shadow a senior on a {skill} task',
  'Deliver a {skill} piece end to end with review',
  'Complete the {skill} course and share three takeaways',
  'Present {skill} work to a client',
  'Review someone else’s {skill} work',
] as const;

/** Agenda items people add, by who adds them. */
export const agendaByManager = [
  'How is {project} going for you?',
  'Feedback from {client} on last week’s delivery',
  'Your growth plan: next {skill} stretch task',
  'Priorities for the next two weeks',
  'Anything I can take off your plate?',
  'Planning the time off you have coming up',
  'Team process: what should we stop doing?',
] as const;
export const agendaByReport = [
  'I would like more {skill} work',
  'Workload on {project} feels heavy',
  'Conference budget for this year',
  'Can I join the {client} pitch?',
  'Feedback on my last presentation',
  'Tooling: our {skill} setup is slowing me down',
  'Working from home on Fridays',
] as const;

/** Shared notes after a 1:1. */
export const sharedNotes = [
  'Talked through {project}. Deadline is realistic if the client signs off copy by Thursday. Agreed to raise it at stand-up.',
  'Good progress on {skill}: next step is leading a small piece on {project} with a review from the lead.',
  'Workload is high this sprint. We moved two tasks to next week and agreed to protect Wednesday afternoons for focus.',
  'Feedback from {client} was positive on the concepts, less so on timelines. Agreed to send a weekly status on Fridays.',
  'Discussed career direction: interest in moving towards {skill}. Will look for a stretch task next month.',
  'Short one this week: all on track. Celebrated the {project} launch.',
  'Agreed that the planning meeting moves to Monday mornings; will try it for a month.',
] as const;

/** Personal notes a manager keeps for themself (only the demo accounts' own 1:1s get them). */
export const managerPrivateNotes = [
  'Seemed tired — check how the {project} crunch is landing before the next sprint.',
  'Ready for more responsibility. Consider them for the {client} lead role.',
  'Remember to follow up on the conference budget with finance.',
  'Quieter than usual. Ask about the move next time, gently.',
] as const;
export const reportPrivateNotes = [
  'Ask about the promotion path next time — prepare examples from {project}.',
  'Bring up the {skill} course before budgets close.',
  'Felt good. Remember to say thanks for the cover last week.',
] as const;

/** Action items that come out of 1:1s: [text, who does it]. */
export const actionItemTemplates = [
  ['Book the {skill} course', 'report'],
  ['Ask {client} for the missing assets', 'report'],
  ['Introduce them to the {skill} lead for a review', 'manager'],
  ['Move the {project} review to next week', 'manager'],
  ['Draft a proposal for the Friday process change', 'report'],
  ['Check the budget for the conference ticket', 'manager'],
  ['Share the {project} retro notes with the team', 'report'],
] as const;

/** Mentoring 1:1 topics and notes. */
export const mentoringAgenda = [
  'Review of my latest {skill} work',
  'How do you structure a {skill} critique?',
  'Reading list for {skill}',
] as const;
export const mentoringNotes = [
  'Went through two recent {skill} pieces. Strongest: clarity of the idea. Next: tighter execution under time pressure.',
  'Practised presenting {skill} work. Homework: present at the next team crit.',
] as const;

export const pulseComments = {
  low: [
    'Too many late changes this week.',
    'The {project} deadline is stressful.',
    'Back-to-back meetings left no time to do the work.',
    'Could use a clearer brief on what matters most.',
  ],
  ok: [
    'A steady week.',
    'Good balance this week.',
    'Enjoying the new project.',
    'Fridays without meetings are working.',
    'Learned a lot from the workshop.',
  ],
} as const;

export const talentNotes = {
  high: [
    'Consistently raises the bar; ready for a bigger scope.',
    'Clients ask for them by name. Mentors without being asked.',
  ],
  mid: ['Solid and reliable; growing steadily in the role.', 'Good delivery; wants more stretch work.'],
  low: [
    'New in the role; needs clearer goals and more support.',
    'Delivery has slipped; agreed a plan in the 1:1.',
  ],
} as const;

/** Which of the article's skills each kind of role tends to rate higher (index into the 8 assessment skills). */
export const assessmentLeanings: Record<'lead' | 'manager' | 'delivery' | 'maker', readonly number[]> = {
  lead: [4, 4, 4, 4, 3, 3, 3, 4],
  manager: [3, 4, 4, 3, 4, 4, 3, 4],
  delivery: [3, 4, 3, 3, 5, 4, 3, 4],
  maker: [3, 3, 3, 2, 2, 2, 5, 4],
};
