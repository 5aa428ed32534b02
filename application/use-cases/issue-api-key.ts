import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ApiKeyRecord } from '../ports/api-key-repository.ts';
import type { ApiKeySecrets } from '../ports/api-key-secrets.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type IssueApiKeyInput = { readonly userId: UserId; readonly label: string };

export type UserNotFound = { readonly type: 'UserNotFound'; readonly userId: UserId };
export type UserInactive = { readonly type: 'UserInactive'; readonly userId: UserId };
export type IssueApiKeyError = UserNotFound | UserInactive;

/** The raw key exists only in this answer: the store keeps its digest. */
export type IssuedApiKey = { readonly key: string; readonly record: ApiKeyRecord };

/** Gives an active user a new API key. */
export class IssueApiKey {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly secrets: ApiKeySecrets,
  ) {}

  async execute(input: IssueApiKeyInput): Promise<Result<IssuedApiKey, IssueApiKeyError>> {
    return this.uow.transaction(async (repos) => {
      const user = await repos.organisation.user(input.userId);
      if (user === null) return err({ type: 'UserNotFound' as const, userId: input.userId });
      if (!user.active) return err({ type: 'UserInactive' as const, userId: input.userId });
      const key = this.secrets.newKey();
      const record: ApiKeyRecord = {
        id: this.ids.next('key'),
        userId: user.id,
        hash: this.secrets.hash(key),
        label: input.label.trim(),
        createdAt: this.clock.now(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await repos.apiKeys.save(record);
      return ok({ key, record });
    });
  }
}
