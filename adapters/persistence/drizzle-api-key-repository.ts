import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { ApiKeyId, ApiKeyRecord, ApiKeyRepository } from '../../application/ports/api-key-repository.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut, toDate, toDateOrNull, toInstant, toInstantOrNull } from './rows.ts';
import { apiKeys } from './schema.ts';

type ApiKeyRow = typeof apiKeys.$inferSelect;

export const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: asId<ApiKeyId>(row.id),
  userId: asId<UserId>(row.userId),
  hash: row.hashedKey,
  label: row.label,
  createdAt: toInstant(row.createdAt),
  revokedAt: toInstantOrNull(row.revokedAt),
  lastUsedAt: toInstantOrNull(row.lastUsedAt),
});

export const toApiKeyRow = (record: ApiKeyRecord): typeof apiKeys.$inferInsert => ({
  id: record.id,
  userId: record.userId,
  hashedKey: record.hash,
  label: record.label,
  createdAt: toDate(record.createdAt),
  revokedAt: toDateOrNull(record.revokedAt),
  lastUsedAt: toDateOrNull(record.lastUsedAt),
});

export class DrizzleApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async byHash(hash: string): Promise<ApiKeyRecord | null> {
    const row = first(await this.db.select().from(apiKeys).where(eq(apiKeys.hashedKey, hash)));
    return row === null ? null : toApiKey(row);
  }

  async byId(id: ApiKeyId): Promise<ApiKeyRecord | null> {
    const row = first(await this.db.select().from(apiKeys).where(eq(apiKeys.id, id)));
    return row === null ? null : toApiKey(row);
  }

  async save(record: ApiKeyRecord): Promise<void> {
    await this.db
      .insert(apiKeys)
      .values(toApiKeyRow(record))
      .onConflictDoUpdate({
        target: apiKeys.id,
        // greatest() skips nulls: the later of the stored use and the record's.
        set: { ...replaceAllBut(apiKeys), lastUsedAt: sql`greatest(${apiKeys.lastUsedAt}, excluded.last_used_at)` },
      });
  }

  async byUser(userId: UserId): Promise<ApiKeyRecord[]> {
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.userId, userId))
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
    return rows.map(toApiKey);
  }

  async markUsed(id: ApiKeyId, at: Instant, unlessAfter: Instant): Promise<void> {
    await this.db
      .update(apiKeys)
      .set({ lastUsedAt: toDate(at) })
      .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, toDate(unlessAfter)))));
  }
}
