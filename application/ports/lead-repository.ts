import type { AdvisorLoad } from '../../domain/assignment/assignment.ts';
import type { Consent } from '../../domain/chatbot/bot-state.ts';
import type { Email } from '../../domain/contact/email.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Lead, WaIdentity } from '../../domain/lead/lead.ts';
import type { AdvisorGroupId, LeadId, UserId } from '../../domain/shared/ids.ts';

/** One consent in a lead's history, with the email it was given for. */
export type ConsentRecord = Consent & {
  /** The email the lead consented with; `null` once erased. */
  readonly email: Email | null;
  /** Set by an erasure: the record is kept only as the legally required evidence of the consent. */
  readonly evidenceOnlySince: Instant | null;
};

/** A lead's consent history is short (one per consent given); more than this is not shown. */
export const MAX_CONSENTS = 100;

export interface LeadRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: LeadId): Promise<Lead | null>;
  /** The lead with this WhatsApp user id, else with this phone; `null` when none. */
  byIdentity(identity: WaIdentity): Promise<Lead | null>;
  /**
   * Inserts or replaces by id; throws `Conflict` when another lead already has this phone or user id. A lead's
   * consent not yet in its history is appended to it (the history is never rewritten).
   */
  save(lead: Lead): Promise<void>;
  /** Every consent the lead gave, oldest first (at most `MAX_CONSENTS`). */
  consentsOf(leadId: LeadId): Promise<ConsentRecord[]>;
  /**
   * Holds the group's assignments until the transaction ends, so concurrent registrations read
   * each other's loads and the group stays fair.
   */
  lockAssignments(groupId: AdvisorGroupId): Promise<void>;
  /** Every lead, oldest first. */
  list(): Promise<Lead[]>;
  /** One row per advisor given, in that order, counting the leads assigned to each (zero when none). */
  loadsOf(advisorIds: readonly UserId[]): Promise<AdvisorLoad[]>;
}
