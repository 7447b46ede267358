/**
 * Who may plan what. Owners and leaders (plans.any) plan any project or the whole organization and see
 * every run; managers (plans.create) plan the projects they manage and see their own runs; members
 * cannot plan. Reading workload, forecasts and budgets needs planning.view.
 */
import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { PlanRunRow } from './repo-runs';

export function assertCanPlan(actor: Actor): void {
  if (!can(actor.role, 'plans.create'))
    throw forbidden('Members cannot run the planner or apply plans; ask the project’s manager');
}

export function assertCanPlanOrganization(actor: Actor): void {
  assertCanPlan(actor);
  if (!can(actor.role, 'plans.any'))
    throw forbidden('Only owners and leaders plan the whole organization; choose the projects you manage');
}

/** Runs are seen, cancelled and applied by their author and by owners and leaders. */
export function maySeeRun(actor: Actor, run: Pick<PlanRunRow, 'created_by'>): boolean {
  return can(actor.role, 'plans.any') || (can(actor.role, 'plans.create') && run.created_by === actor.userId);
}

export function assertCanSeeRun(actor: Actor, run: Pick<PlanRunRow, 'created_by'>): void {
  assertCanPlan(actor);
  if (!maySeeRun(actor, run))
    throw forbidden('This plan run belongs to someone else; owners and leaders see every run');
}

export function assertCanViewPlanning(actor: Actor): void {
  if (!can(actor.role, 'planning.view'))
    throw forbidden('Workload, forecasts and budgets are for owners, leaders and managers');
}
