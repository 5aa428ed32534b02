import { type ConsentRecord, type LeadRepository, MAX_CONSENTS } from '../../application/ports/lead-repository.ts';
import type { AdvisorLoad } from '../../domain/assignment/assignment.ts';
import type { Lead, WaIdentity } from '../../domain/lead/lead.ts';
import type { AdvisorGroupId, LeadId, UserId } from '../../domain/shared/ids.ts';
import { Conflict } from '../../application/ports/conflict.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';
import { findByIdentity } from './find-by-identity.ts';

export class InMemoryLeadRepository implements LeadRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async byId(id: LeadId): Promise<Lead | null> {
    return copy(this.#store.data.leads.get(id) ?? null);
  }

  async byIdentity(identity: WaIdentity): Promise<Lead | null> {
    const leads = [...this.#store.data.leads.values()];
    return copy(findByIdentity(leads, identity, (l) => ({ phone: l.phone, userId: l.waUserId })));
  }

  async save(lead: Lead): Promise<void> {
    for (const other of this.#store.data.leads.values()) {
      if (other.id === lead.id) continue;
      if (lead.phone !== null && other.phone === lead.phone) throw new Conflict('lead', 'phone');
      if (lead.waUserId !== null && other.waUserId === lead.waUserId) throw new Conflict('lead', 'user id');
    }
    this.#store.data.leads.set(lead.id, copy(lead));
    const { consent } = lead;
    if (consent === null) return;
    // The history keeps every consent given; saving the same one again records nothing.
    const known = this.#store.data.consents.some(
      (c) => c.leadId === lead.id && c.at === consent.at && c.policyVersion === consent.policyVersion,
    );
    if (!known)
      this.#store.data.consents.push({ leadId: lead.id, ...consent, email: lead.email, evidenceOnlySince: null });
  }

  async consentsOf(leadId: LeadId): Promise<ConsentRecord[]> {
    const mine = this.#store.data.consents.filter((c) => c.leadId === leadId).slice(0, MAX_CONSENTS);
    return copy(mine.map(({ leadId: _lead, ...record }) => record));
  }

  /** Transactions already run one at a time here. */
  async lockAssignments(_groupId: AdvisorGroupId): Promise<void> {}

  async list(): Promise<Lead[]> {
    // Stable sort: leads created at the same instant stay in the order they were first stored.
    return copy([...this.#store.data.leads.values()].sort((a, b) => a.createdAt - b.createdAt));
  }

  async loadsOf(advisorIds: readonly UserId[]): Promise<AdvisorLoad[]> {
    const leads = [...this.#store.data.leads.values()];
    return advisorIds.map((advisorId) => {
      const held = leads.filter((l) => l.advisorId === advisorId);
      const times = held.flatMap((l) => (l.assignedAt === null ? [] : [l.assignedAt]));
      return { advisorId, assignedLeads: held.length, lastAssignedAt: times.length === 0 ? null : Math.max(...times) };
    });
  }
}
