import { advisorFor, type EmptyAdvisorGroup } from '../../domain/assignment/assignment.ts';
import type { Consent, Interest } from '../../domain/chatbot/bot-state.ts';
import type { Email } from '../../domain/contact/email.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { type Lead, newLead, newVisit, registered, type Visit } from '../../domain/lead/lead.ts';
import { whatsappOrigin } from '../../domain/lead/origin.ts';
import type { BusinessLine, User } from '../../domain/organisation/organisation.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { isFinal } from '../../domain/visit/funnel.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Repositories, Transaction } from '../ports/unit-of-work.ts';

export type RegisterLeadDeps = { readonly clock: Clock; readonly ids: IdGenerator };

export type EnrolLeadInput = {
  readonly line: BusinessLine;
  readonly conversation: Conversation;
  readonly email: Email;
  readonly consent: Consent;
};

export type Enrolment = {
  readonly lead: Lead;
  /** The conversation, now linked to the lead (the bot goes on leading it). */
  readonly conversation: Conversation;
};

const sameConsent = (a: Consent | null, b: Consent): boolean =>
  a !== null && a.at === b.at && a.policyVersion === b.policyVersion;

/**
 * Registers the lead a conversation belongs to as soon as they consent (Ley 1581: the consent is what makes
 * keeping their data lawful): the lead the conversation is linked to, else the one with this WhatsApp identity,
 * else a new one, with the email and consent just given and the WhatsApp profile name. No advisor yet: that
 * waits for the lead to ask for one or quote (`assignLead`). Registering again with the same consent changes
 * nothing, so every later effect of the bot may call this first. Records `lead_registered` when the lead or its
 * consent is new.
 */
export const enrolLead = async (tx: Transaction, deps: RegisterLeadDeps, input: EnrolLeadInput): Promise<Enrolment> => {
  const { conversation, line } = input;
  const known =
    (conversation.leadId === null ? null : await tx.leads.byId(conversation.leadId)) ??
    (await tx.leads.byIdentity(conversation.contact));
  if (known !== null && sameConsent(known.consent, input.consent) && known.email === input.email)
    return { lead: known, conversation: { ...conversation, leadId: known.id } };
  const now = deps.clock.now();
  const base =
    known ??
    newLead({
      id: deps.ids.next('lead'),
      lineId: line.id,
      name: conversation.profileName,
      phone: conversation.contact.phone,
      waUserId: conversation.contact.userId,
      email: null,
      advisorId: null,
      source: 'whatsapp_bot',
      origin: whatsappOrigin(conversation.origin),
      at: now,
    });
  const lead = registered(base, {
    profileName: conversation.profileName,
    email: input.email,
    consent: input.consent,
    advisorId: base.advisorId,
    newlyAssigned: false,
    at: now,
  });
  await tx.leads.save(lead);
  tx.events.record({ type: 'lead_registered', leadId: lead.id, advisorId: lead.advisorId });
  return { lead, conversation: { ...conversation, leadId: lead.id } };
};

export type Assignment = {
  readonly lead: Lead;
  /** Null when the line's advisor group has nobody: the lead is kept, unassigned, for a manager. */
  readonly advisor: User | null;
  readonly unassigned: EmptyAdvisorGroup | null;
};

/**
 * Gives the lead the least-loaded active advisor of the line's group; a lead keeps an active advisor it has.
 * Holds the group's assignment lock until the transaction ends, so concurrent assignments stay fair. Records
 * `lead_assigned` when the advisor is new to the lead.
 */
export const assignLead = async (
  tx: Transaction,
  deps: RegisterLeadDeps,
  line: BusinessLine,
  lead: Lead,
): Promise<Assignment> => {
  await tx.leads.lockAssignments(line.advisorGroupId);
  const advisors = await activeAdvisors(tx, line);
  const kept = await keptAdvisor(tx, lead);
  const assignment = advisorFor(kept, line.advisorGroupId, await tx.leads.loadsOf(advisors.map((a) => a.id)));
  const advisorId = assignment.ok ? assignment.value.advisorId : null;
  const newlyAssigned = assignment.ok && assignment.value.newlyAssigned;
  const now = deps.clock.now();
  const assigned: Lead = { ...lead, advisorId, assignedAt: newlyAssigned ? now : lead.assignedAt };
  if (assigned.advisorId !== lead.advisorId || assigned.assignedAt !== lead.assignedAt) await tx.leads.save(assigned);
  if (newlyAssigned && advisorId !== null) tx.events.record({ type: 'lead_assigned', leadId: lead.id, advisorId });
  return {
    lead: assigned,
    advisor:
      advisors.find((a) => a.id === advisorId) ?? (advisorId === null ? null : await tx.organisation.user(advisorId)),
    unassigned: assignment.ok ? null : assignment.error,
  };
};

/** A known lead keeps its advisor while they are active; a deactivated one's lead is assigned anew. */
const keptAdvisor = async (repos: Repositories, lead: Lead): Promise<UserId | null> => {
  if (lead.advisorId === null) return null;
  return (await repos.organisation.user(lead.advisorId))?.active === true ? lead.advisorId : null;
};

const activeAdvisors = async (repos: Repositories, line: BusinessLine): Promise<User[]> => {
  const group = await repos.organisation.group(line.advisorGroupId);
  const members = await Promise.all((group?.advisorIds ?? []).map((id: UserId) => repos.organisation.user(id)));
  return members.filter((u): u is User => u?.active === true);
};

/**
 * The lead's visit for the project of interest (the general visit, "sin proyecto", when none is chosen): the
 * open one is reused with the latest search and unit type, a closed one (lost, withdrawn, sold) is left as it
 * was and a new visit opens. Quotes this conversation simulated before the lead had a visit for the project
 * (conversations from before registration on consent) are filed under it. Records `visit_changed`.
 */
export const leadVisit = async (
  tx: Transaction,
  deps: RegisterLeadDeps,
  lead: Lead,
  conversation: Conversation,
  interest: Interest,
): Promise<Visit> => {
  const open = (await tx.visits.byLead(lead.id)).find((v) => v.projectId === interest.projectId && !isFinal(v.stage));
  const visit: Visit =
    open === undefined
      ? newVisit({
          id: deps.ids.next('visit'),
          leadId: lead.id,
          projectId: interest.projectId,
          unitTypeId: interest.unitTypeId,
          criteria: interest.criteria,
          at: deps.clock.now(),
        })
      : { ...open, criteria: interest.criteria, unitTypeId: interest.unitTypeId ?? open.unitTypeId };
  const changed =
    open === undefined ||
    open.unitTypeId !== visit.unitTypeId ||
    JSON.stringify(open.criteria) !== JSON.stringify(visit.criteria);
  if (changed) await tx.visits.save(visit);
  if (interest.projectId !== null) {
    const pending = (await tx.quotes.byConversation(conversation.id)).filter(
      (r) => r.visitId === null && r.quote.projectId === interest.projectId,
    );
    for (const record of pending) await tx.quotes.save({ ...record, visitId: visit.id });
  }
  if (changed) tx.events.record({ type: 'visit_changed', leadId: lead.id, visitId: visit.id });
  return visit;
};

export type RegisterLeadInput = EnrolLeadInput & Interest;

export type RegisterLeadOutcome = Assignment & { readonly visit: Visit; readonly conversation: Conversation };

/**
 * The hand-over to a person: the lead registered (if the bot had not yet), assigned to an advisor, and its
 * visit for the chosen project (the general visit when none) opened, so the CRM has a card to work from.
 */
export const registerLead = async (
  tx: Transaction,
  deps: RegisterLeadDeps,
  input: RegisterLeadInput,
): Promise<RegisterLeadOutcome> => {
  const enrolment = await enrolLead(tx, deps, input);
  const assignment = await assignLead(tx, deps, input.line, enrolment.lead);
  const visit = await leadVisit(tx, deps, assignment.lead, enrolment.conversation, input);
  return { ...assignment, visit, conversation: enrolment.conversation };
};
