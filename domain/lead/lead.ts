import type { PhoneE164 } from '../contact/phone.ts';
import type { Email } from '../contact/email.ts';
import type { Consent } from '../chatbot/bot-state.ts';
import type { SearchCriteria } from '../catalog/search.ts';
import type { LeadId, LineId, ProjectId, UnitTypeId, UserId, VisitId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';

/**
 * Who someone is on WhatsApp. Meta may omit the phone for users with usernames and send only the
 * business-scoped user id, so either may be missing, never both.
 */
export type WaIdentity = { readonly phone: PhoneE164 | null; readonly userId: string | null };

/** True when two identities name the same WhatsApp user (same user id, else same phone). */
export const sameIdentity = (a: WaIdentity, b: WaIdentity): boolean =>
  (a.userId !== null && a.userId === b.userId) || (a.phone !== null && a.phone === b.phone);

/**
 * Two identities with different user ids are different WhatsApp accounts, whatever their phones: Meta's
 * business-scoped user id stays with the account when its number changes, so a phone shared with another
 * user id is a number that changed hands.
 */
export const isSomeoneElse = (a: WaIdentity, b: WaIdentity): boolean =>
  a.userId !== null && b.userId !== null && a.userId !== b.userId;

/** Whether a message can be addressed to this identity (it lost its phone to another account and has no user id otherwise). */
export const isReachable = (identity: WaIdentity): boolean => identity.phone !== null || identity.userId !== null;

export type LeadSource = 'whatsapp_bot' | 'crm';

/** A registered lead: known to the CRM, with an advisor once assigned. */
export type Lead = {
  readonly id: LeadId;
  readonly lineId: LineId;
  readonly name: string | null;
  readonly phone: PhoneE164 | null;
  readonly waUserId: string | null;
  readonly email: Email | null;
  readonly consent: Consent | null;
  readonly advisorId: UserId | null;
  readonly assignedAt: Instant | null;
  readonly source: LeadSource;
  readonly createdAt: Instant;
};

export type VisitStage = 'new' | 'contacted' | 'appointment' | 'reserved' | 'authorised' | 'lost';

/** A lead's interest in one project, with the search that led there. */
export type Visit = {
  readonly id: VisitId;
  readonly leadId: LeadId;
  readonly projectId: ProjectId;
  readonly unitTypeId: UnitTypeId | null;
  readonly criteria: SearchCriteria;
  readonly stage: VisitStage;
  readonly createdAt: Instant;
};

export const identityOf = (lead: Lead): WaIdentity => ({ phone: lead.phone, userId: lead.waUserId });
