import type { UserId } from '../../domain/shared/ids.ts';
import type { Repositories } from '../ports/unit-of-work.ts';

/** A group member that is not an active advisor (absent, inactive, or another role). */
export type NotAnActiveAdvisor = { readonly type: 'NotAnActiveAdvisor'; readonly userId: UserId };

/** The first member that may not take leads, or `null` when every one is an active advisor. */
export const ineligibleMember = async (
  repos: Repositories,
  advisorIds: readonly UserId[],
): Promise<NotAnActiveAdvisor | null> => {
  for (const userId of advisorIds) {
    const user = await repos.organisation.user(userId);
    if (user === null || !user.active || user.role !== 'advisor') return { type: 'NotAnActiveAdvisor', userId };
  }
  return null;
};

/** Members in order, each once. */
export const distinctMembers = (advisorIds: readonly UserId[]): UserId[] => [...new Set(advisorIds)];
