import { type InvalidEmail, parseEmail } from '../../domain/contact/email.ts';
import type { InvalidPhone } from '../../domain/contact/phone.ts';
import { type Lead, newLead } from '../../domain/lead/lead.ts';
import type { CrmLeadSource, LeadOrigin } from '../../domain/lead/origin.ts';
import type { LeadId, LineId, UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { type Actor, authorOf } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeskEvent } from '../ports/events.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { PhoneParser } from '../ports/phone-parser.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import { mayView } from './lead-access.ts';

export type CreateLeadInput = {
  readonly actor: Actor;
  readonly name: string;
  /** As typed: national numbers are read in the parser's default country. */
  readonly phone: string;
  readonly email?: string;
  /** Managers and admins may name the advisor; an advisor's new lead is always theirs. */
  readonly advisorId?: UserId;
  /** The business line the lead belongs to; by default the first configured one. */
  readonly lineId?: LineId;
  /** How the lead reached the company, as the user says; by default `other`. */
  readonly source?: CrmLeadSource;
  /** A few words on the source ("referido por Juan Pérez", "feria de vivienda"); blank: none. */
  readonly sourceNote?: string;
};

export type CreateLeadError =
  | InvalidPhone
  | InvalidEmail
  /** `leadId` is `null` when the existing lead is one the actor may not see: its id is not theirs to learn. */
  | { readonly type: 'LeadAlreadyExists'; readonly leadId: LeadId | null }
  | { readonly type: 'AdvisorNotFound'; readonly advisorId: UserId }
  | { readonly type: 'AdvisorNotAllowed'; readonly advisorId: UserId }
  | { readonly type: 'LineNotFound'; readonly lineId: LineId | null };

/**
 * A lead typed into the CRM by hand. A phone already known is a conflict; it names the existing lead only to
 * those who may see it (an advisor learns that the phone is taken, not another advisor's lead id).
 */
export class CreateLead {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly phones: PhoneParser,
  ) {}

  async execute(input: CreateLeadInput): Promise<Result<Lead, CreateLeadError>> {
    const phone = this.phones.parse(input.phone);
    if (!phone.ok) return phone;
    const email = input.email === undefined ? null : parseEmail(input.email);
    if (email !== null && !email.ok) return email;
    return this.uow.transaction(async (tx): Promise<Result<Lead, CreateLeadError>> => {
      const existing = await tx.leads.byIdentity({ phone: phone.value, userId: null });
      if (existing !== null)
        return err({ type: 'LeadAlreadyExists', leadId: mayView(input.actor, existing) ? existing.id : null });
      const advisor = await this.advisorOf(tx, input);
      if (!advisor.ok) return advisor;
      const line =
        input.lineId === undefined ? ((await tx.lines.list())[0] ?? null) : await tx.lines.byId(input.lineId);
      if (line === null) return err({ type: 'LineNotFound', lineId: input.lineId ?? null });
      const now = this.clock.now();
      const lead = newLead({
        id: this.ids.next('lead'),
        lineId: line.id,
        name: input.name.trim(),
        phone: phone.value,
        waUserId: null,
        email: email === null ? null : email.value,
        advisorId: advisor.value,
        source: 'crm',
        origin: crmOrigin(input),
        at: now,
      });
      await tx.leads.save(lead);
      tx.events.record(...eventsOf(lead));
      return ok(lead);
    });
  }

  private async advisorOf(
    repos: Repositories,
    input: CreateLeadInput,
  ): Promise<Result<UserId | null, CreateLeadError>> {
    const { actor, advisorId } = input;
    if (actor.role === 'advisor' && actor.kind === 'user') {
      return advisorId === undefined || advisorId === actor.userId
        ? ok(actor.userId)
        : err({ type: 'AdvisorNotAllowed', advisorId });
    }
    if (advisorId === undefined) return ok(null);
    const user = await repos.organisation.user(advisorId);
    return user?.active && user.role === 'advisor' ? ok(user.id) : err({ type: 'AdvisorNotFound', advisorId });
  }
}

const crmOrigin = (input: CreateLeadInput): LeadOrigin => ({
  channel: 'crm',
  source: input.source ?? 'other',
  createdBy: authorOf(input.actor),
  note: input.sourceNote === undefined || input.sourceNote.trim() === '' ? null : input.sourceNote.trim(),
});

const eventsOf = (lead: Lead): DeskEvent[] => [
  { type: 'lead_registered', leadId: lead.id, advisorId: lead.advisorId },
  ...(lead.advisorId === null ? [] : [{ type: 'lead_assigned', leadId: lead.id, advisorId: lead.advisorId } as const]),
];
