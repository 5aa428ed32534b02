import { type Conversation, openConversation } from '../../domain/conversation/conversation.ts';
import { identityOf, isReachable, type Lead } from '../../domain/lead/lead.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import {
  DEFAULT_REMINDER_SETTINGS,
  type Reminder,
  type ReminderFailure,
  type ReminderSettings,
  reminderMessage,
  reminderTemplate,
} from '../../domain/visit/appointment-reminder.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { Transaction, UnitOfWork } from '../ports/unit-of-work.ts';
import { queueOutbound } from '../steps/queue-outbound.ts';
import { appointmentChanged } from './appointment-access.ts';
import { DrainGuard } from './drain-guard.ts';

/** What became of one reminder that came due: queued (text or template), or not sent and why. */
export type ReminderOutcome =
  | { readonly appointmentId: AppointmentId; readonly outcome: 'queued'; readonly via: 'text' | 'template' }
  | { readonly appointmentId: AppointmentId; readonly outcome: 'not_sent'; readonly reason: ReminderFailure };

export type SendAppointmentRemindersOptions = {
  /** Told about every reminder handled, after its transaction committed (to log it). */
  readonly report?: (outcome: ReminderOutcome) => void;
};

type Destination = { readonly conversation: Conversation; readonly content: OutboundContent };

/**
 * The reminder worker: each reminder that came due is claimed in PostgreSQL (`claimDueReminder`, held by the
 * transaction, passed over by every other instance), its message queued in the outbox like every other one, and
 * the reminder marked in the same transaction, so it is sent once whatever the number of instances. Inside the
 * lead's 24-hour window it is a text; outside it the approved template `settings.templateName`; with neither
 * (or no WhatsApp to write to), it is recorded as not sent and the advisor hears of it, and nothing fails.
 */
export class SendAppointmentReminders {
  private readonly guard = new DrainGuard<number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
    private readonly options: SendAppointmentRemindersOptions = {},
  ) {}

  /** Handles one due reminder; `null` when none is due (or every due one is held by another instance). */
  async step(): Promise<ReminderOutcome | null> {
    const now = this.clock.now();
    const outcome = await this.uow.transaction(async (tx) => {
      const appointment = await tx.appointments.claimDueReminder(now);
      return appointment === null ? null : this.remind(tx, appointment, now);
    });
    if (outcome !== null) this.options.report?.(outcome);
    return outcome;
  }

  /** Handles reminders until none is due; a call during a drain makes it look again before it ends. */
  drain(): Promise<number> {
    return this.guard.run(async (poked) => {
      let handled = 0;
      do {
        while ((await this.step()) !== null) handled += 1;
      } while (poked());
      return handled;
    });
  }

  private async remind(tx: Transaction, appointment: Appointment, now: Instant): Promise<ReminderOutcome> {
    const dueAt = appointment.reminder.state === 'pending' ? appointment.reminder.dueAt : now;
    const destination = await this.destination(tx, appointment, now);
    if (!destination.ok) {
      const reminder: Reminder = { state: 'not_sent', dueAt, at: now, reason: destination.error };
      await tx.appointments.save({ ...appointment, reminder });
      const { leadId, visitId, id: appointmentId, advisorId } = appointment;
      tx.events.record({
        type: 'appointment_reminder_not_sent',
        leadId,
        visitId,
        appointmentId,
        advisorId,
        reason: reminder.reason,
      });
      return { appointmentId, outcome: 'not_sent', reason: reminder.reason };
    }
    const [message] = await queueOutbound(tx, this.ids, {
      conversation: destination.value.conversation,
      visitId: appointment.visitId,
      contents: [destination.value.content],
      author: { kind: 'bot' },
      now,
    });
    const via = destination.value.content.kind === 'template' ? 'template' : 'text';
    if (message === undefined) throw new Error('queueOutbound queued no message');
    const queued = {
      ...appointment,
      reminder: { state: 'queued', dueAt, at: now, via, messageId: message.id } as const,
    };
    await tx.appointments.save(queued);
    tx.events.record(appointmentChanged(queued, 'reminder_queued'));
    return { appointmentId: appointment.id, outcome: 'queued', via };
  }

  /** Where and what to send: the lead's reachable conversation (a new one for a CRM lead who never wrote). */
  private async destination(
    tx: Transaction,
    appointment: Appointment,
    now: Instant,
  ): Promise<Result<Destination, ReminderFailure>> {
    if (now >= appointment.startsAt) return err('appointment_started');
    const lead = await tx.leads.byId(appointment.leadId);
    if (lead === null || (lead.phone === null && lead.waUserId === null)) return err('lead_has_no_whatsapp');
    const conversations = await tx.conversations.byLead(lead.id);
    const existing = conversations.find((c) => isReachable(c.contact)) ?? null;
    // Its number went to another WhatsApp user: writing to it would reach them (as for an advisor's message).
    if (existing === null && conversations.length > 0) return err('lead_has_no_whatsapp');
    const visit = await tx.visits.byId(appointment.visitId);
    const project = (await tx.catalog.all()).projects.find((p) => p.id === visit?.projectId) ?? null;
    const content = reminderMessage({
      facts: { leadName: lead.name, place: project?.name ?? 'nuestra sala de ventas', startsAt: appointment.startsAt },
      lastInboundAt: existing?.lastInboundAt ?? null,
      now,
      template: reminderTemplate(await tx.templates.approved(), this.settings.templateName),
    });
    if (!content.ok) return content;
    return ok({ conversation: existing ?? (await this.startConversation(tx, lead, now)), content: content.value });
  }

  private async startConversation(tx: Transaction, lead: Lead, now: Instant): Promise<Conversation> {
    const conversation = openConversation({
      id: this.ids.next('conv'),
      lineId: lead.lineId,
      contact: identityOf(lead),
      profileName: lead.name,
      leadId: lead.id,
      at: now,
    });
    await tx.conversations.save(conversation);
    return conversation;
  }
}
