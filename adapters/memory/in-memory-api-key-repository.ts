import type { ApiKeyId, ApiKeyRecord, ApiKeyRepository } from '../../application/ports/api-key-repository.ts';
import type { UserId } from '../../domain/shared/ids.ts';
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
    if (!this.#store.data.users.has(record.userId)) throw new Error(`api key ${record.id}: unknown user ${record.userId}`);
    const clash = [...this.#store.data.apiKeys.values()].find((k) => k.hash === record.hash && k.id !== record.id);
    if (clash !== undefined) throw new Error(`api key ${record.id}: hash already stored`);
    this.#store.data.apiKeys.set(record.id, copy(record));
  }

  async byUser(userId: UserId): Promise<ApiKeyRecord[]> {
    const mine = [...this.#store.data.apiKeys.values()].filter((k) => k.userId === userId);
    return copy(mine.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
}
