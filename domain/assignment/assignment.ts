import type { Instant } from '../shared/time.ts';
import type { AdvisorGroupId, UserId } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** An advisor's current load: how many leads they hold and when they last got one. */
export type AdvisorLoad = {
  readonly advisorId: UserId;
  readonly assignedLeads: number;
  readonly lastAssignedAt: Instant | null;
};

export type EmptyAdvisorGroup = { readonly type: 'EmptyAdvisorGroup'; readonly groupId: AdvisorGroupId };

const byLoadThenWait = (a: AdvisorLoad, b: AdvisorLoad): number =>
  a.assignedLeads - b.assignedLeads ||
  (a.lastAssignedAt ?? -Infinity) - (b.lastAssignedAt ?? -Infinity) ||
  (a.advisorId < b.advisorId ? -1 : a.advisorId > b.advisorId ? 1 : 0);

/**
 * The least-loaded advisor of the group; ties go to the one assigned longest ago (never assigned first),
 * then to the smaller id so the choice is deterministic.
 */
export const pickAdvisor = (
  groupId: AdvisorGroupId,
  loads: readonly AdvisorLoad[],
): Result<UserId, EmptyAdvisorGroup> => {
  const best = [...loads].sort(byLoadThenWait)[0];
  return best === undefined ? err({ type: 'EmptyAdvisorGroup', groupId }) : ok(best.advisorId);
};

/** A lead that already has an advisor keeps them. */
export const advisorFor = (
  current: UserId | null,
  groupId: AdvisorGroupId,
  loads: readonly AdvisorLoad[],
): Result<{ readonly advisorId: UserId; readonly newlyAssigned: boolean }, EmptyAdvisorGroup> => {
  if (current !== null) return ok({ advisorId: current, newlyAssigned: false });
  const picked = pickAdvisor(groupId, loads);
  return picked.ok ? ok({ advisorId: picked.value, newlyAssigned: true }) : picked;
};
