import type { PhoneE164 } from '../contact/phone.ts';
import type { Email } from '../contact/email.ts';
import type { Consent } from '../chatbot/bot-state.ts';
import type { SearchCriteria } from '../catalog/search.ts';
import type { LeadId, LineId, ProjectId, UnitTypeId, UserId, VisitId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';
import type { LeadOrigin } from './origin.ts';

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
  /** Where the lead came from (the chat's first contact, or who typed it in); `null` for leads from before origins. */
  readonly origin: LeadOrigin | null;
  readonly createdAt: Instant;
};

/**
 * A Colombian builder's sales funnel: prospecto, contactado, cita agendada, visita realizada, cotizado, separado,
 * promesa firmada (vinculado), escriturado, entregado; and, outside it, desistido and perdido. People read the
 * configurable labels (visit/stage-labels.ts); these codes are the API's.
 */
export type VisitStage =
  | 'new'
  | 'contacted'
  | 'appointment'
  | 'visited'
  | 'quoted'
  | 'reserved'
  | 'promise'
  | 'deeded'
  | 'delivered'
  | 'withdrawn'
  | 'lost';

/**
 * A lead's interest in one project, with the search that led there; a general visit ("sin proyecto",
 * `projectId` null) is the card of a lead who asked for an advisor before choosing a project.
 */
export type Visit = {
  readonly id: VisitId;
  readonly leadId: LeadId;
  readonly projectId: ProjectId | null;
  readonly unitTypeId: UnitTypeId | null;
  readonly criteria: SearchCriteria;
  readonly stage: VisitStage;
  readonly createdAt: Instant;
};

/** What a new visit starts from: a lead's interest in one project, at the start of the funnel. */
export type NewVisit = Pick<Visit, 'id' | 'leadId' | 'projectId' | 'unitTypeId' | 'criteria'> & {
  readonly at: Instant;
};

export const newVisit = (n: NewVisit): Visit => ({
  id: n.id,
  leadId: n.leadId,
  projectId: n.projectId,
  unitTypeId: n.unitTypeId,
  criteria: n.criteria,
  stage: 'new',
  createdAt: n.at,
});

/** The visit at `stage`, which the funnel's rules chose (`moveStage`, `advanceIfAllowed` in visit/funnel.ts). */
export const atStage = (visit: Visit, stage: VisitStage): Visit => ({ ...visit, stage });

export const identityOf = (lead: Lead): WaIdentity => ({ phone: lead.phone, userId: lead.waUserId });

/** What a new lead starts from: the bot registers one from a conversation, an advisor types one into the CRM. */
export type NewLead = Pick<Lead, 'id' | 'lineId' | 'name' | 'phone' | 'waUserId' | 'email' | 'advisorId' | 'source'> & {
  readonly consent?: Consent | null;
  readonly origin?: LeadOrigin | null;
  readonly at: Instant;
};

/** A lead as it is first stored: assigned at birth when it already has an advisor. */
export const newLead = (n: NewLead): Lead => ({
  id: n.id,
  lineId: n.lineId,
  name: n.name,
  phone: n.phone,
  waUserId: n.waUserId,
  email: n.email,
  consent: n.consent ?? null,
  advisorId: n.advisorId,
  assignedAt: n.advisorId === null ? null : n.at,
  source: n.source,
  origin: n.origin ?? null,
  createdAt: n.at,
});

/** The lead with the WhatsApp address it writes from now. */
export const withIdentity = (lead: Lead, identity: WaIdentity): Lead => ({
  ...lead,
  phone: identity.phone,
  waUserId: identity.userId,
});

/** What the bot learnt when it registered the lead, and the advisor the assignment gave. */
export type Registration = {
  readonly profileName: string | null;
  readonly email: Email | null;
  readonly consent: Consent | null;
  readonly advisorId: UserId | null;
  /** The advisor is new to the lead (not the one it kept). */
  readonly newlyAssigned: boolean;
  readonly at: Instant;
};

/** The lead after the bot registered it: a name it had is kept, email and consent are the ones just given. */
export const registered = (lead: Lead, r: Registration): Lead => ({
  ...lead,
  name: lead.name ?? r.profileName,
  email: r.email,
  consent: r.consent,
  advisorId: r.advisorId,
  assignedAt: r.newlyAssigned ? r.at : lead.assignedAt,
});
