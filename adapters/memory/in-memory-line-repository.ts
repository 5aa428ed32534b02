import type { LineRepository } from '../../application/ports/configuration.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { LineId } from '../../domain/shared/ids.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryLineRepository implements LineRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async byId(id: LineId): Promise<BusinessLine | null> {
    return copy(this.#store.data.lines.get(id) ?? null);
  }

  async byPhoneNumberId(phoneNumberId: string): Promise<BusinessLine | null> {
    return copy(this.#all().find((l) => l.phoneNumberId === phoneNumberId) ?? null);
  }

  async list(): Promise<BusinessLine[]> {
    return copy(this.#all());
  }

  async save(line: BusinessLine): Promise<void> {
    this.#store.data.lines.set(line.id, copy(line));
  }

  #all(): BusinessLine[] {
    return [...this.#store.data.lines.values()];
  }
}
