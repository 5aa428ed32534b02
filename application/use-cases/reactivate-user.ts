import type { User } from '../../domain/organisation/organisation.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { UserNotFound } from './issue-api-key.ts';

/**
 * Makes a user active again: their unrevoked keys work again and, if they are an advisor in a group, they
 * take new leads again. Revoked keys stay revoked. Reactivating an active user changes nothing.
 */
export class ReactivateUser {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: { readonly userId: UserId }): Promise<Result<User, UserNotFound>> {
    const { userId } = input;
    return this.uow.transaction(async (repos) => {
      const user = await repos.organisation.user(userId);
      if (user === null) return err({ type: 'UserNotFound' as const, userId });
      if (user.active) return ok(user);
      const reactivated: User = { ...user, active: true };
      await repos.organisation.saveUser(reactivated);
      return ok(reactivated);
    });
  }
}
