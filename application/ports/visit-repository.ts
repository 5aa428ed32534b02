import type { Visit } from '../../domain/lead/lead.ts';
import type { LeadId, VisitId } from '../../domain/shared/ids.ts';
import type { LeadNote } from '../../domain/visit/lead-note.ts';

export interface VisitRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: VisitId): Promise<Visit | null>;
  /** A lead's visits, most recent first. */
  byLead(leadId: LeadId): Promise<Visit[]>;
  /** Inserts or replaces by id. */
  save(visit: Visit): Promise<void>;
  /** Keeps a question the lead asked the bot, for their advisor. */
  addNote(note: LeadNote): Promise<void>;
  /** The lead's notes, newest first, at most `limit`; only the visit's when `visitId` is given. */
  notes(leadId: LeadId, visitId: VisitId | null, limit: number): Promise<LeadNote[]>;
  /** Deletes the lead's notes (an erasure: they are the lead's own words). */
  eraseNotes(leadId: LeadId): Promise<void>;
}
