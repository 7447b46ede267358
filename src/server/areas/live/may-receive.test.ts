import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/actor';
import { recordKinds } from '../../../core/live';
import type { RecordChange } from '../../../core/schemas/live';
import { roles, type Role } from '../../../core/roles';
import { eventOf, mayReceive } from './may-receive';

const actor = (role: Role, fields: Partial<Actor> = {}): Actor => ({
  userId: `user-${role}`,
  orgId: 'org-a',
  role,
  personId: `person-${role}`,
  ...fields,
});
const change = (fields: Partial<RecordChange> & Pick<RecordChange, 'kind'>): RecordChange => ({
  id: 'record-1',
  orgId: 'org-a',
  ...fields,
});

describe('who hears of a change', () => {
  it('never tells anyone of another organization, whatever the kind or role', () => {
    for (const kind of recordKinds)
      for (const role of roles)
        expect(
          mayReceive(
            actor(role, { orgId: 'org-b' }),
            change({ kind, personIds: ['person-owner'], authorId: 'user-owner' }),
          ),
        ).toBe(false);
  });

  it('tells everyone of the organization about the records everyone reads', () => {
    const open = recordKinds.filter((k) => k !== 'one-on-one' && k !== 'plan-run');
    for (const kind of open)
      for (const role of roles) expect(mayReceive(actor(role), change({ kind }))).toBe(true);
  });

  it('tells a 1:1 only to the people it names: not an owner, not an account without a profile', () => {
    const pair = change({ kind: 'one-on-one', personIds: ['person-manager', 'person-member'] });
    expect(mayReceive(actor('manager'), pair)).toBe(true);
    expect(mayReceive(actor('member'), pair)).toBe(true);
    expect(mayReceive(actor('owner'), pair)).toBe(false);
    expect(mayReceive(actor('leader'), pair)).toBe(false);
    expect(mayReceive(actor('manager', { personId: null }), pair)).toBe(false);
    // a 1:1 change that names nobody reaches nobody
    expect(mayReceive(actor('manager'), change({ kind: 'one-on-one' }))).toBe(false);
  });

  it('tells a plan run to its author (who may plan) and to owners and leaders', () => {
    const run = change({ kind: 'plan-run', authorId: 'user-manager' });
    expect(mayReceive(actor('manager'), run)).toBe(true);
    expect(mayReceive(actor('owner'), run)).toBe(true);
    expect(mayReceive(actor('leader'), run)).toBe(true);
    expect(mayReceive(actor('manager', { userId: 'someone-else' }), run)).toBe(false);
    // a member never sees a run, not even one started in their name before a demotion
    expect(mayReceive(actor('member', { userId: 'user-manager' }), run)).toBe(false);
    expect(mayReceive(actor('manager'), change({ kind: 'plan-run' }))).toBe(false);
  });

  it('sends the kind and ids only, none of what decided who receives it', () => {
    expect(
      eventOf(change({ kind: 'task', projectId: 'project-1', personIds: ['x'], authorId: 'y' })),
    ).toEqual({ kind: 'task', id: 'record-1', projectId: 'project-1' });
    expect(eventOf(change({ kind: 'one-on-one', personIds: ['x', 'z'] }))).toEqual({
      kind: 'one-on-one',
      id: 'record-1',
    });
  });
});
