import { mayBeSent } from '../conversation/window.ts';
import type { OutboundContent } from '../messaging/outbound.ts';
import { COLOMBIA_OFFSET_MS, civilFromDays, MONTHS_ES, WEEKDAYS_ES } from '../shared/calendar.ts';
import type { MessageId } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { DAY_MS, HOUR_MS, type Instant, MINUTE_MS } from '../shared/time.ts';
import { parameterCount, renderTemplate, type Template } from '../templates/template.ts';
import { weekdayIndex } from '../organisation/colombian-holidays.ts';

/** Why a reminder that came due was not sent; the advisor hears of it (`appointment_reminder_not_sent`). */
export type ReminderFailure =
  /** Outside the 24-hour window, and no approved template by the configured name. */
  | 'no_approved_template'
  /** The approved template takes more parameters than a reminder has (the name, the place, the time). */
  | 'template_parameter_mismatch'
  /** The lead has no WhatsApp number or user id to write to. */
  | 'lead_has_no_whatsapp'
  /** The reminder was reached only after the appointment had started (the workers were stopped). */
  | 'appointment_started';

/**
 * The reminder sent to the lead before an appointment. Pending while the appointment is active; queued (through
 * the outbox, like every message) or not sent once it came due; none once the appointment is cancelled or over.
 */
export type Reminder =
  | { readonly state: 'pending'; readonly dueAt: Instant }
  | {
      readonly state: 'queued';
      readonly dueAt: Instant;
      readonly at: Instant;
      readonly via: 'text' | 'template';
      readonly messageId: MessageId;
    }
  | { readonly state: 'not_sent'; readonly dueAt: Instant; readonly at: Instant; readonly reason: ReminderFailure }
  | { readonly state: 'none' };

/** How long before an appointment its reminder is sent, by default: a day. */
export const DEFAULT_REMINDER_BEFORE_MS = 24 * HOUR_MS;

/** A reminder `beforeMs` ahead of `startsAt`; already due when the appointment is booked closer than that. */
export const pendingReminder = (startsAt: Instant, beforeMs: number): Reminder => ({
  state: 'pending',
  dueAt: startsAt - beforeMs,
});

/** When the reminder is to be sent, `null` once it is no longer waiting. */
export const reminderDueAt = (reminder: Reminder): Instant | null =>
  reminder.state === 'pending' ? reminder.dueAt : null;

/**
 * "jueves 26 de noviembre a las 10:00 de la mañana" on Bogotá's clock, as Colombians say the time (12-hour, with
 * the part of the day rather than "a. m.", whose dot would double the sentence's own).
 */
export const spokenWhen = (at: Instant): string => {
  const local = at + COLOMBIA_OFFSET_MS;
  const days = Math.floor(local / DAY_MS);
  const date = civilFromDays(days);
  const minutes = Math.floor((local - days * DAY_MS) / MINUTE_MS);
  const hour24 = Math.floor(minutes / 60);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const part = hour24 < 12 ? 'de la mañana' : hour24 < 19 ? 'de la tarde' : 'de la noche';
  const clock = `${hour12}:${String(minutes % 60).padStart(2, '0')} ${part}`;
  const article = hour12 === 1 ? 'a la' : 'a las';
  return `${WEEKDAYS_ES[weekdayIndex(date)]} ${date.day} de ${MONTHS_ES[date.month - 1]} ${article} ${clock}`;
};

/** What a reminder says: whom it greets, where and when. */
export type ReminderFacts = {
  readonly leadName: string | null;
  /** The project (and city), or the sales room when the visit names none. */
  readonly place: string;
  readonly startsAt: Instant;
};

const firstName = (name: string | null): string | null => name?.trim().split(/\s+/)[0] || null;

/** The text sent inside the 24-hour window. */
export const reminderText = (facts: ReminderFacts): string => {
  const name = firstName(facts.leadName);
  return (
    `${name === null ? '¡Hola!' : `¡Hola, ${name}!`} Te recordamos tu cita en ${facts.place} el ` +
    `${spokenWhen(facts.startsAt)}. ¡Te esperamos! Si necesitas cambiar la hora, respóndenos por aquí.`
  );
};

/**
 * A reminder template's parameters, in this order, as many as its body takes: the lead's first name, the place,
 * the time ("Hola {{1}}, te recordamos tu cita en {{2}} el {{3}}."). A missing name reads "Hola de nuevo".
 */
export const reminderParameters = (facts: ReminderFacts): readonly string[] => [
  firstName(facts.leadName) ?? 'de nuevo',
  facts.place,
  spokenWhen(facts.startsAt),
];

/**
 * The reminder message: text while the lead's 24-hour window is open at `now`, else the approved template (with
 * as many parameters as it takes, up to three), else why none can be sent.
 */
export const reminderMessage = (input: {
  readonly facts: ReminderFacts;
  readonly lastInboundAt: Instant | null;
  readonly now: Instant;
  readonly template: Template | null;
}): Result<OutboundContent, ReminderFailure> => {
  const text: OutboundContent = { kind: 'text', body: reminderText(input.facts) };
  if (mayBeSent(text, input.lastInboundAt, input.now).ok) return ok(text);
  const { template } = input;
  if (template === null || template.status !== 'APPROVED') return err('no_approved_template');
  const parameters = reminderParameters(input.facts).slice(0, parameterCount(template));
  const rendered = renderTemplate(template, parameters);
  if (!rendered.ok) return err('template_parameter_mismatch');
  return ok({
    kind: 'template',
    name: template.name,
    language: template.language,
    parameters,
    renderedText: rendered.value,
  });
};

/** How reminders go out: how long before the appointment, and the approved template used outside the window. */
export type ReminderSettings = { readonly beforeMs: number; readonly templateName: string };

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  beforeMs: DEFAULT_REMINDER_BEFORE_MS,
  templateName: 'recordatorio_cita',
};

/** Colombian Spanish first, then any Spanish, then whatever language the approved template has. */
const LANGUAGE_PREFERENCE = ['es_CO', 'es', 'es_LA', 'es_MX', 'es_ES'];

/** The approved template named `name` to remind with, in the language a Colombian lead reads best; `null` when none. */
export const reminderTemplate = (approved: readonly Template[], name: string): Template | null => {
  const named = approved.filter((t) => t.name === name && t.status === 'APPROVED');
  const rank = (t: Template) => {
    const i = LANGUAGE_PREFERENCE.indexOf(t.language);
    return i === -1 ? LANGUAGE_PREFERENCE.length : i;
  };
  return [...named].sort((a, b) => rank(a) - rank(b) || (a.language < b.language ? -1 : 1))[0] ?? null;
};
