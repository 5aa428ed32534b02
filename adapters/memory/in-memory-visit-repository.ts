import type { VisitRepository } from '../../application/ports/visit-repository.ts';
import type { Visit } from '../../domain/lead/lead.ts';
import type { LeadId, VisitId } from '../../domain/shared/ids.ts';
import type { LeadNote } from '../../domain/visit/lead-note.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryVisitRepository implements VisitRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async byId(id: VisitId): Promise<Visit | null> {
    return copy(this.#store.data.visits.get(id) ?? null);
  }

  async byLead(leadId: LeadId): Promise<Visit[]> {
    // Reversed first so that, among visits created at the same instant, the later-stored one comes first.
    const visits = [...this.#store.data.visits.values()].filter((v) => v.leadId === leadId).reverse();
    return copy(visits.sort((a, b) => b.createdAt - a.createdAt));
  }

  async save(visit: Visit): Promise<void> {
    this.#store.data.visits.set(visit.id, copy(visit));
  }

  async addNote(note: LeadNote): Promise<void> {
    this.#store.data.notes.push(copy(note));
  }

  async notes(leadId: LeadId, visitId: VisitId | null, limit: number): Promise<LeadNote[]> {
    const mine = this.#store.data.notes.filter(
      (n) => n.leadId === leadId && (visitId === null || n.visitId === visitId),
    );
    return copy(mine.reverse().slice(0, limit));
  }

  async eraseNotes(leadId: LeadId): Promise<void> {
    this.#store.data.notes = this.#store.data.notes.filter((n) => n.leadId !== leadId);
  }
}
