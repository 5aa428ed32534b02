import type { ApiKeyId, ApiKeyRecord, ApiKeyRepository } from '../../application/ports/api-key-repository.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryApiKeyRepository implements ApiKeyRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async byHash(hash: string): Promise<ApiKeyRecord | null> {
    return copy([...this.#store.data.apiKeys.values()].find((k) => k.hash === hash) ?? null);
  }

  async byId(id: ApiKeyId): Promise<ApiKeyRecord | null> {
    return copy(this.#store.data.apiKeys.get(id) ?? null);
  }

  async save(record: ApiKeyRecord): Promise<void> {
    // Mirrors the database: the owner must exist and a hash names one key only.
    if (!this.#store.data.users.has(record.userId))
      throw new Error(`api key ${record.id}: unknown user ${record.userId}`);
    const clash = [...this.#store.data.apiKeys.values()].find((k) => k.hash === record.hash && k.id !== record.id);
    if (clash !== undefined) throw new Error(`api key ${record.id}: hash already stored`);
    // Like the database's greatest(): the later of the stored use and the record's.
    const stored = this.#store.data.apiKeys.get(record.id)?.lastUsedAt ?? null;
    const lastUsedAt =
      stored === null || (record.lastUsedAt !== null && record.lastUsedAt > stored) ? record.lastUsedAt : stored;
    this.#store.data.apiKeys.set(record.id, copy({ ...record, lastUsedAt }));
  }

  async byUser(userId: UserId): Promise<ApiKeyRecord[]> {
    const mine = [...this.#store.data.apiKeys.values()].filter((k) => k.userId === userId);
    return copy(mine.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  async markUsed(id: ApiKeyId, at: Instant, unlessAfter: Instant): Promise<void> {
    const stored = this.#store.data.apiKeys.get(id);
    if (stored === undefined || (stored.lastUsedAt !== null && stored.lastUsedAt > unlessAfter)) return;
    this.#store.data.apiKeys.set(id, { ...stored, lastUsedAt: at });
  }
}
