import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/actor';
import type { Role } from '../../../core/roles';
import { isProjectManager, mayPlanProject, mayWriteProject, mayWriteTasksOfProject } from './access';

const actor = (role: Role, personId: string | null): Actor => ({ userId: 'u', orgId: 'o', role, personId });
const unmanaged = { manager_id: null };
const managedBy = (personId: string) => ({ manager_id: personId });

describe('project rules', () => {
  it('an account without a person manages no project, not even an unmanaged one', () => {
    const noPerson = actor('manager', null);
    expect(isProjectManager(noPerson, unmanaged)).toBe(false);
    expect(mayWriteProject(noPerson, unmanaged)).toBe(false);
    expect(mayWriteTasksOfProject(noPerson, unmanaged)).toBe(false);
    expect(mayPlanProject(noPerson, unmanaged)).toBe(false);
  });

  it('a project’s manager writes it and its tasks whatever their role, and plans it only as a manager', () => {
    expect(mayWriteProject(actor('member', 'p'), managedBy('p'))).toBe(true);
    expect(mayWriteTasksOfProject(actor('member', 'p'), managedBy('p'))).toBe(true);
    expect(mayPlanProject(actor('member', 'p'), managedBy('p'))).toBe(false);
    expect(mayPlanProject(actor('manager', 'p'), managedBy('p'))).toBe(true);
    expect(mayPlanProject(actor('manager', 'p'), managedBy('q'))).toBe(false);
  });

  it('owners and leaders write and plan any project', () => {
    for (const role of ['owner', 'leader'] as const) {
      expect(mayWriteProject(actor(role, null), managedBy('q'))).toBe(true);
      expect(mayWriteTasksOfProject(actor(role, null), unmanaged)).toBe(true);
      expect(mayPlanProject(actor(role, null), unmanaged)).toBe(true);
    }
  });
});
