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
  /** When the key last authenticated a request, to the minute (see `markUsed`); `null` before its first use. */
  readonly lastUsedAt: Instant | null;
};

/** What may be shown about a key: everything but its hash. */
export type ApiKeySummary = Omit<ApiKeyRecord, 'hash'>;

export const summaryOf = ({ hash: _hash, ...summary }: ApiKeyRecord): ApiKeySummary => summary;

export interface ApiKeyRepository {
  /** The key whose hash this is, revoked or not; `null` when absent. Throws only on infrastructure failure. */
  byHash(hash: string): Promise<ApiKeyRecord | null>;
  /** Returns `null` when absent. */
  byId(id: ApiKeyId): Promise<ApiKeyRecord | null>;
  /**
   * Inserts or replaces by id. The owning user must exist. The stored `lastUsedAt` is kept when it is later
   * than the record's (a record read before a request used the key, then revoked, loses no use).
   */
  save(record: ApiKeyRecord): Promise<void>;
  /** The user's keys, revoked ones included, oldest first. */
  byUser(userId: UserId): Promise<ApiKeyRecord[]>;
  /**
   * Records a use at `at` unless the key was already used after `unlessAfter`: one conditional write that
   * changes nothing when the last use is recent, whichever instance recorded it. No-op for an unknown id.
   */
  markUsed(id: ApiKeyId, at: Instant, unlessAfter: Instant): Promise<void>;
}
