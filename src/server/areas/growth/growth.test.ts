import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GrowthPlan } from '../../../core/schemas/people-side';
import { addAccount, setManager } from '../../../test/accounts';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';
import { loadPlannerPreferences } from './load-preferences';

describeBackends('growth plans API', (backend) => {
  let world: World;
  let skillId: string;
  let personId: string;
  beforeAll(async () => {
    world = await makeWorld(backend);
    personId = world.a.as.member.actor.personId!;
    await setManager(world, personId, world.a.as.manager.actor.personId);
    const skill = await world.a.as.owner.post<{ id: string }>('/api/skills', { name: 'Illustration' });
    skillId = skill.body.id;
    await world.a.as.owner.patch(`/api/people/${personId}`, {
      skills: [{ skillId, level: 2 }],
      passions: ['illustration'],
    });
  });
  afterAll(async () => world.close());

  it("writes the plan's skills as the profile's growth goals, names a mentor and explains the planner's preference", async () => {
    const mentor = world.a.as.leader.actor.personId!;
    const res = await world.a.as.member.put<GrowthPlan>(`/api/people/${personId}/growth-plan`, {
      aspiration: 'Lead the illustration of a campaign',
      mentorId: mentor,
      skills: [{ skillId, targetLevel: 4 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      personId,
      mentorId: mentor,
      aspiration: 'Lead the illustration of a campaign',
      skills: [{ skillId, skillName: 'Illustration', level: 2, targetLevel: 4, evidence: { doneTasks: 0 } }],
      plannerPreferences: [
        {
          skillId,
          weight: 0.9,
          explanation: 'wants to grow Illustration (2 → 4, growth plan); passionate about illustration',
        },
      ],
      canEdit: true,
    });
    const profile = await world.a.as.owner.get<{ growthGoals: unknown[] }>(`/api/people/${personId}`);
    expect(profile.body.growthGoals).toEqual([{ skillId, targetLevel: 4 }]);
    const prefs = await loadPlannerPreferences(world.db.db, world.a.orgId);
    expect(prefs.find((p) => p.personId === personId && p.skillId === skillId)?.weight).toBe(0.9);
  });

  it('counts done tasks that needed the skill as evidence', async () => {
    const now = world.clock.now().toISOString();
    await world.db.db
      .insertInto('tasks')
      .values({
        id: `evidence-${personId}`,
        org_id: world.a.orgId,
        project_id: null,
        goal_id: null,
        title: 'Poster series',
        description: '',
        estimate_hours: 6,
        skill_id: skillId,
        min_level: 2,
        deadline: null,
        assignee_id: personId,
        status: 'done',
        planned_start: null,
        planned_end: null,
        position: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await world.db.db
      .insertInto('time_entries')
      .values({
        id: `te-${personId}`,
        org_id: world.a.orgId,
        task_id: `evidence-${personId}`,
        person_id: personId,
        date: '2026-03-01',
        hours: 5.5,
        note: '',
        created_at: now,
      })
      .execute();
    const plan = await world.a.as.manager.get<GrowthPlan>(`/api/people/${personId}/growth-plan`);
    expect(plan.body.skills[0]!.evidence).toEqual({
      doneTasks: 1,
      hoursLogged: 5.5,
      recent: [{ id: `evidence-${personId}`, title: 'Poster series', doneOn: '2026-03-02' }],
    });
  });

  it('lets the mentor read the plan and keep milestones, but not edit the plan', async () => {
    const plainMentor = await addAccount(world, 'a', 'member', 'Mentor');
    await world.a.as.member.put(`/api/people/${personId}/growth-plan`, { mentorId: plainMentor.personId });
    expect((await plainMentor.get(`/api/people/${personId}/growth-plan`)).status).toBe(200);
    const ms = await plainMentor.post<{ id: string }>(`/api/people/${personId}/growth-plan/milestones`, {
      title: 'Publish three spot illustrations',
      skillId,
      dueDate: '2026-05-01',
    });
    expect(ms.status).toBe(201);
    const done = await world.a.as.member.patch(
      `/api/people/${personId}/growth-plan/milestones/${ms.body.id}`,
      {
        isDone: true,
      },
    );
    expect(done.body).toMatchObject({ isDone: true, doneAt: '2026-03-02T09:00:00.000Z' });
    expect((await plainMentor.put(`/api/people/${personId}/growth-plan`, { aspiration: 'x' })).status).toBe(
      403,
    );
    const mentees = await plainMentor.get<{ items: { personId: string }[] }>('/api/mentees');
    expect(mentees.body.items.map((m) => m.personId)).toEqual([personId]);
  });

  it("pages the mentor's mentees by name, counting every one, and answers 400 for a limit out of range", async () => {
    const mentor = await addAccount(world, 'a', 'member', 'Busy mentor');
    const ids: string[] = [];
    for (const name of ['Mentee E', 'Mentee B', 'Mentee D', 'Mentee A', 'Mentee C']) {
      const mentee = await addAccount(world, 'a', 'member', name);
      const res = await mentee.put(`/api/people/${mentee.personId}/growth-plan`, {
        mentorId: mentor.personId,
      });
      expect(res.status).toBe(200);
      ids.push(mentee.personId);
    }
    const whole = await expectPaging(mentor, '/api/mentees', { includes: ids, key: 'personId' });
    expect(whole.total).toBe(5);
    const empty = await world.a.as.member.get<{ items: unknown[]; total: number }>('/api/mentees?limit=1');
    expect(empty.body).toMatchObject({ items: [], total: 0, limit: 1, offset: 0 });
  });

  it('answers 403 to a peer and 404 to another organization', async () => {
    const peer = await addAccount(world, 'a', 'member', 'Peer');
    expect((await peer.get(`/api/people/${personId}/growth-plan`)).status).toBe(403);
    expect((await peer.post(`/api/people/${personId}/growth-plan/milestones`, { title: 'x' })).status).toBe(
      403,
    );
    expect((await world.b.as.owner.get(`/api/people/${personId}/growth-plan`)).status).toBe(404);
  });

  it('answers 400 with the field for a foreign mentor, oneself as mentor, or a foreign skill', async () => {
    const foreign = await world.a.as.member.put(`/api/people/${personId}/growth-plan`, {
      mentorId: world.b.as.member.actor.personId,
    });
    expect(foreign.body).toMatchObject({ error: { details: { issues: [{ field: 'body.mentorId' }] } } });
    const self = await world.a.as.member.put(`/api/people/${personId}/growth-plan`, { mentorId: personId });
    expect(self.status).toBe(400);
    const skill = await world.a.as.member.put(`/api/people/${personId}/growth-plan`, {
      skills: [{ skillId: 'nope', targetLevel: 3 }],
    });
    expect(skill.status).toBe(400);
    expect(skill.body).toMatchObject({
      error: { details: { issues: [{ field: 'body.skills.0.skillId' }] } },
    });
  });
});
