import type { BuilderProfileRepository } from '../../application/ports/configuration.ts';
import type { BuilderProfile } from '../../domain/builder/builder-profile.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryBuilderProfileRepository implements BuilderProfileRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async current(): Promise<BuilderProfile | null> {
    return copy(this.#store.data.builder);
  }

  async save(profile: BuilderProfile): Promise<void> {
    this.#store.data.builder = copy(profile);
  }
}
