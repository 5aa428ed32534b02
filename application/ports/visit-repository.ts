import type { Visit } from '../../domain/lead/lead.ts';
import type { LeadId, VisitId } from '../../domain/shared/ids.ts';

export interface VisitRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: VisitId): Promise<Visit | null>;
  /** A lead's visits, most recent first. */
  byLead(leadId: LeadId): Promise<Visit[]>;
  /** Inserts or replaces by id. */
  save(visit: Visit): Promise<void>;
}
