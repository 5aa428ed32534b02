import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import { summaryOf, type ApiKeySummary } from '../ports/api-key-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { UserNotFound } from './issue-api-key.ts';

/** Only admins see other users' keys. */
export type ApiKeysNotAllowed = { readonly type: 'ApiKeysNotAllowed'; readonly userId: UserId };
export type ListApiKeysError = ApiKeysNotAllowed | UserNotFound;

/**
 * A user's keys, revoked ones included, oldest first: for admins, and for the user themself. Never the key
 * or its hash. Anyone else is refused before the user is looked up, so they learn nothing of who exists.
 */
export class ListApiKeys {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: {
    readonly actor: Actor;
    readonly userId: UserId;
  }): Promise<Result<ApiKeySummary[], ListApiKeysError>> {
    const { actor, userId } = input;
    const own = actor.kind === 'user' && actor.userId === userId;
    if (actor.role !== 'admin' && !own) return err({ type: 'ApiKeysNotAllowed', userId });
    return this.uow.transaction(async (repos) => {
      if ((await repos.organisation.user(userId)) === null) return err({ type: 'UserNotFound' as const, userId });
      return ok((await repos.apiKeys.byUser(userId)).map(summaryOf));
    });
  }
}
