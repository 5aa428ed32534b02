import type { Branded, UserId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

export type ApiKeyId = Branded<string, 'ApiKeyId'>;

/** A CRM API key as stored: only the hash of the key, never the key itself. */
export type ApiKeyRecord = {
  readonly id: ApiKeyId;
  readonly userId: UserId;
  readonly hash: string;
  readonly label: string;
  readonly createdAt: Instant;
  readonly revokedAt: Instant | null;
};

export interface ApiKeyRepository {
  /** The key whose hash this is, revoked or not; `null` when absent. Throws only on infrastructure failure. */
  byHash(hash: string): Promise<ApiKeyRecord | null>;
  /** Returns `null` when absent. */
  byId(id: ApiKeyId): Promise<ApiKeyRecord | null>;
  /** Inserts or replaces by id. The owning user must exist. */
  save(record: ApiKeyRecord): Promise<void>;
  /** The user's keys, revoked ones included, oldest first. */
  byUser(userId: UserId): Promise<ApiKeyRecord[]>;
}
