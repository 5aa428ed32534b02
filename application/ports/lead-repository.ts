import type { AdvisorLoad } from '../../domain/assignment/assignment.ts';
import type { Lead, WaIdentity } from '../../domain/lead/lead.ts';
import type { AdvisorGroupId, LeadId, UserId } from '../../domain/shared/ids.ts';

export interface LeadRepository {
  /** Returns `null` when absent; throws only on infrastructure failure. */
  byId(id: LeadId): Promise<Lead | null>;
  /** The lead with this WhatsApp user id, else with this phone; `null` when none. */
  byIdentity(identity: WaIdentity): Promise<Lead | null>;
  /** Inserts or replaces by id; throws `Conflict` when another lead already has this phone or user id. */
  save(lead: Lead): Promise<void>;
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
