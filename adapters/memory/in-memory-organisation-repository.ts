import type { OrganisationRepository } from '../../application/ports/configuration.ts';
import type { AdvisorGroup, User } from '../../domain/organisation/organisation.ts';
import type { AdvisorGroupId, UserId } from '../../domain/shared/ids.ts';
import { byNameThenId } from '../../domain/organisation/organisation.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryOrganisationRepository implements OrganisationRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async user(id: UserId): Promise<User | null> {
    return copy(this.#store.data.users.get(id) ?? null);
  }

  async users(): Promise<User[]> {
    return copy([...this.#store.data.users.values()]);
  }

  async saveUser(user: User): Promise<void> {
    this.#store.data.users.set(user.id, copy(user));
  }

  async group(id: AdvisorGroupId): Promise<AdvisorGroup | null> {
    return copy(this.#store.data.groups.get(id) ?? null);
  }

  async groups(): Promise<AdvisorGroup[]> {
    return copy([...this.#store.data.groups.values()].sort(byNameThenId));
  }

  async saveGroup(group: AdvisorGroup): Promise<void> {
    this.#store.data.groups.set(group.id, copy(group));
  }
}
