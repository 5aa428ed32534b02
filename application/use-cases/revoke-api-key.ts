import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ApiKeyId, ApiKeyRecord } from '../ports/api-key-repository.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type ApiKeyNotFound = { readonly type: 'ApiKeyNotFound'; readonly keyId: ApiKeyId };

/** Revokes a key for good. Revoking a revoked key is a no-op that keeps the first revocation time. */
export class RevokeApiKey {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { readonly keyId: ApiKeyId }): Promise<Result<ApiKeyRecord, ApiKeyNotFound>> {
    return this.uow.transaction(async (repos) => {
      const record = await repos.apiKeys.byId(input.keyId);
      if (record === null) return err({ type: 'ApiKeyNotFound' as const, keyId: input.keyId });
      if (record.revokedAt !== null) return ok(record);
      const revoked: ApiKeyRecord = { ...record, revokedAt: this.clock.now() };
      await repos.apiKeys.save(revoked);
      return ok(revoked);
    });
  }
}
