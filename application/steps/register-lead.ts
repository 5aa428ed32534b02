import { advisorFor, type EmptyAdvisorGroup } from '../../domain/assignment/assignment.ts';
import type { Consent } from '../../domain/chatbot/bot-state.ts';
import type { SearchCriteria } from '../../domain/catalog/search.ts';
import type { Email } from '../../domain/contact/email.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { type Lead, newLead, newVisit, registered, type Visit } from '../../domain/lead/lead.ts';
import { whatsappOrigin } from '../../domain/lead/origin.ts';
import type { BusinessLine, User } from '../../domain/organisation/organisation.ts';
import type { ProjectId, UnitTypeId, UserId } from '../../domain/shared/ids.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Repositories, Transaction } from '../ports/unit-of-work.ts';

export type RegisterLeadInput = {
  readonly line: BusinessLine;
  readonly conversation: Conversation;
  readonly email: Email;
  readonly consent: Consent;
  readonly criteria: SearchCriteria;
  readonly projectId: ProjectId | null;
  readonly unitTypeId: UnitTypeId | null;
};

export type RegisterLeadOutcome = {
  readonly lead: Lead;
  readonly visit: Visit | null;
  /** Null when the line's advisor group has nobody: the lead is kept, unassigned, for a manager. */
  readonly advisor: User | null;
  readonly unassigned: EmptyAdvisorGroup | null;
};

export type RegisterLeadDeps = { readonly clock: Clock; readonly ids: IdGenerator };

/**
 * Registers (or reuses, by WhatsApp identity) the lead a conversation belongs to, assigns the least-loaded
 * active advisor of the line's group (a known lead keeps an active advisor), and opens a visit for the chosen
 * project. A step of the bot's turn, inside its transaction; records `lead_registered`, `lead_assigned` and
 * `visit_changed`.
 */
export const registerLead = async (
  tx: Transaction,
  deps: RegisterLeadDeps,
  input: RegisterLeadInput,
): Promise<RegisterLeadOutcome> => {
  const now = deps.clock.now();
  const { conversation, line } = input;
  const known =
    (conversation.leadId === null ? null : await tx.leads.byId(conversation.leadId)) ??
    (await tx.leads.byIdentity(conversation.contact));
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
  await tx.leads.lockAssignments(line.advisorGroupId);
  const advisors = await activeAdvisors(tx, line);
  const assignment = advisorFor(
    await keptAdvisor(tx, base),
    line.advisorGroupId,
    await tx.leads.loadsOf(advisors.map((a) => a.id)),
  );
  const advisorId = assignment.ok ? assignment.value.advisorId : null;
  const lead = registered(base, {
    profileName: conversation.profileName,
    email: input.email,
    consent: input.consent,
    advisorId,
    newlyAssigned: assignment.ok && assignment.value.newlyAssigned,
    at: now,
  });
  await tx.leads.save(lead);
  const visit = await openVisits(tx, deps, lead, input);
  tx.events.record({ type: 'lead_registered', leadId: lead.id, advisorId });
  if (assignment.ok && assignment.value.newlyAssigned)
    tx.events.record({ type: 'lead_assigned', leadId: lead.id, advisorId: assignment.value.advisorId });
  if (visit !== null) tx.events.record({ type: 'visit_changed', leadId: lead.id, visitId: visit.id });
  return {
    lead,
    visit,
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
 * One visit per project of interest: the chosen project, and every project the lead simulated a quote
 * for in this chat, so each quote ends up filed under a visit. A known project's visit is reused.
 */
const openVisits = async (
  repos: Repositories,
  deps: RegisterLeadDeps,
  lead: Lead,
  input: RegisterLeadInput,
): Promise<Visit | null> => {
  const pending = (await repos.quotes.byConversation(input.conversation.id)).filter((r) => r.visitId === null);
  const projects = [
    ...new Set([...pending.map((r) => r.quote.projectId), ...(input.projectId === null ? [] : [input.projectId])]),
  ];
  const known = await repos.visits.byLead(lead.id);
  const visits = new Map<ProjectId, Visit>();
  for (const projectId of projects) {
    const chosen = projectId === input.projectId;
    const existing = known.find((v) => v.projectId === projectId);
    const visit: Visit = existing
      ? chosen
        ? { ...existing, criteria: input.criteria, unitTypeId: input.unitTypeId ?? existing.unitTypeId }
        : existing
      : newVisit({
          id: deps.ids.next('visit'),
          leadId: lead.id,
          projectId,
          unitTypeId: chosen
            ? input.unitTypeId
            : (pending.find((r) => r.quote.projectId === projectId)?.quote.unitTypeId ?? null),
          criteria: input.criteria,
          at: deps.clock.now(),
        });
    await repos.visits.save(visit);
    visits.set(projectId, visit);
  }
  for (const record of pending) {
    const visit = visits.get(record.quote.projectId);
    if (visit !== undefined) await repos.quotes.save({ ...record, visitId: visit.id });
  }
  return input.projectId === null ? null : (visits.get(input.projectId) ?? null);
};
