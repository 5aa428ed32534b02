import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { ApiKeySecrets } from '../ports/api-key-secrets.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** One answer for every refusal (unknown, revoked, inactive user): a caller learns nothing about which. */
export type Unauthenticated = { readonly type: 'Unauthenticated' };

/** How precisely a key's last use is kept: a key in steady use is written once per this, not once per request. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * Turns a presented key into the caller. The bootstrap admin key (CRM_ADMIN_API_KEY) is compared by digest in
 * constant time; any other key is looked up by its digest, and must be unrevoked and belong to an active user.
 * Both are read from the store on every request, so a revocation or a deactivation holds on the next one, on
 * every instance. The key's last use is written only when the stored one is a minute old or more.
 */
export class AuthenticateApiKey {
  readonly #adminHash: string | null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly secrets: ApiKeySecrets,
    private readonly clock: Clock,
    adminKey: string | null,
  ) {
    this.#adminHash = adminKey === null || adminKey === '' ? null : secrets.hash(adminKey);
  }

  async execute(input: { readonly key: string }): Promise<Result<Actor, Unauthenticated>> {
    const refused = err({ type: 'Unauthenticated' as const });
    if (input.key === '') return refused;
    const hash = this.secrets.hash(input.key);
    if (this.#adminHash !== null && this.secrets.sameHash(hash, this.#adminHash)) {
      return ok({ kind: 'bootstrap-admin', role: 'admin' });
    }
    return this.uow.transaction(async (repos) => {
      const record = await repos.apiKeys.byHash(hash);
      if (record === null || record.revokedAt !== null) return refused;
      const user = await repos.organisation.user(record.userId);
      if (user === null || !user.active) return refused;
      const now = this.clock.now();
      const since = now - LAST_USED_PRECISION_MS;
      if (record.lastUsedAt === null || record.lastUsedAt <= since) await repos.apiKeys.markUsed(record.id, now, since);
      return ok({ kind: 'user', userId: user.id, role: user.role });
    });
  }
}
