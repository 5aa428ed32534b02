import type { User } from '../../domain/organisation/organisation.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { UserNotFound } from './issue-api-key.ts';

/** An admin locking themself out by mistake; another admin (or the bootstrap key) can do it. */
export type CannotDeactivateSelf = { readonly type: 'CannotDeactivateSelf'; readonly userId: UserId };
export type DeactivateUserError = UserNotFound | CannotDeactivateSelf;

/**
 * Marks a user inactive. Their keys stop authenticating on the next request (authentication reads the user
 * every time), `user_deactivated` closes their open event streams on every instance, and assignment skips
 * them (only active advisors get new leads). The leads they hold stay assigned to them: managers and admins
 * still see them. Deactivating an inactive user changes nothing.
 */
export class DeactivateUser {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: { readonly actor: Actor; readonly userId: UserId }): Promise<Result<User, DeactivateUserError>> {
    const { actor, userId } = input;
    if (actor.kind === 'user' && actor.userId === userId) return err({ type: 'CannotDeactivateSelf', userId });
    const outcome = await this.uow.transaction(async (tx) => {
      const user = await tx.organisation.user(userId);
      if (user === null) return err({ type: 'UserNotFound' as const, userId });
      if (!user.active) return ok(user);
      const deactivated: User = { ...user, active: false };
      await tx.organisation.saveUser(deactivated);
      tx.events.record({ type: 'user_deactivated', userId });
      return ok(deactivated);
    });
    return outcome;
  }
}
