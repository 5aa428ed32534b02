import { z } from 'zod';
import type { InboxEntry } from '../../../application/ports/inbox-repository.ts';
import { parsePhoneE164 } from '../../../domain/contact/phone.ts';
import type { WaIdentity } from '../../../domain/lead/lead.ts';
import type { AdReferral } from '../../../domain/lead/origin.ts';
import { asId, type WaMessageId } from '../../../domain/shared/ids.ts';
import type { Instant } from '../../../domain/shared/time.ts';
import { toContent } from './webhook-content.ts';
import { instantOf, type MetaContact } from './webhook-envelope.ts';

/** What every message needs to be kept at all: its id and a sender (phone digits and/or business-scoped id). */
const MessageBase = z.looseObject({
  id: z.string().min(1),
  from: z.string().min(1).optional().catch(undefined),
  from_user_id: z.string().min(1).optional().catch(undefined),
  timestamp: z.unknown().optional(),
  type: z.string().min(1).catch('unknown'),
});

type Base = z.infer<typeof MessageBase>;

/** A referral's text, bounded: an ad's body is the advertiser's, but a webhook is not trusted to keep it short. */
const field = z
  .string()
  .transform((v) => v.trim().slice(0, 2_000))
  .optional()
  .catch(undefined);

/**
 * `referral` on a message written from a Click-to-WhatsApp ad or post (adapters/whatsapp/meta-cloud/README.md §F18): every field optional, a
 * malformed one dropped, a malformed referral as a whole read as none; it never costs the message.
 */
const Referral = z.looseObject({
  source_url: field,
  source_id: field,
  source_type: field,
  headline: field,
  body: field,
  media_type: field,
  ctwa_clid: field,
});

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

const referralOf = (raw: unknown): AdReferral | null => {
  if (typeof raw !== 'object' || raw === null || !('referral' in raw)) return null;
  const parsed = Referral.safeParse(raw.referral);
  if (!parsed.success) return null;
  const r = parsed.data;
  return {
    sourceType: r.source_type === 'ad' || r.source_type === 'post' ? r.source_type : 'other',
    sourceId: orNull(r.source_id),
    sourceUrl: orNull(r.source_url),
    headline: orNull(r.headline),
    body: orNull(r.body),
    mediaType: orNull(r.media_type),
    ctwaClid: orNull(r.ctwa_clid),
  };
};
/**
 * `context` on a quoted reply (adapters/whatsapp/meta-cloud/README.md §F20): `id` is Meta's id of the message
 * replied to. A forwarded message carries `context` without an `id` (`forwarded`), which is no reply; a malformed
 * context is read as none and never costs the message.
 */
const Context = z.looseObject({ id: z.string().min(1).max(200).optional().catch(undefined) });

const replyToOf = (raw: unknown): WaMessageId | null => {
  if (typeof raw !== 'object' || raw === null || !('context' in raw)) return null;
  const parsed = Context.safeParse(raw.context);
  return parsed.success && parsed.data.id !== undefined ? asId<WaMessageId>(parsed.data.id) : null;
};

type MessageEntry = Extract<InboxEntry, { kind: 'message' }>;

export type MessageLine = {
  readonly phoneNumberId: string;
  readonly contacts: readonly MetaContact[];
  readonly receivedAt: Instant;
};

const sender = (m: Base, contacts: readonly MetaContact[]): { from: WaIdentity; profileName: string | null } | null => {
  const contact = contacts.find(
    (c) =>
      (m.from !== undefined && c.wa_id === m.from) || (m.from_user_id !== undefined && c.user_id === m.from_user_id),
  );
  const digits = m.from ?? contact?.wa_id;
  const parsedPhone = digits === undefined ? null : parsePhoneE164(digits);
  const phone = parsedPhone?.ok === true ? parsedPhone.value : null;
  const userId = m.from_user_id ?? contact?.user_id ?? null;
  if (phone === null && userId === null) return null;
  const name = contact?.profile?.name;
  return { from: { phone, userId }, profileName: name === undefined || name === '' ? null : name };
};

/**
 * One inbound message as an inbox entry, or `null` when it has no id or no usable sender (the caller counts
 * it as skipped). A message whose payload does not parse still arrives, as `unsupported`. `context.id` (the
 * message a quoted reply answers) and `referral` (an ad click) are kept.
 */
export const toMessageEntry = (raw: unknown, line: MessageLine): MessageEntry | null => {
  const base = MessageBase.safeParse(raw);
  if (!base.success) return null;
  const who = sender(base.data, line.contacts);
  if (who === null) return null;
  const referral = referralOf(raw);
  const replyTo = replyToOf(raw);
  return {
    kind: 'message',
    envelope: {
      phoneNumberId: line.phoneNumberId,
      waMessageId: asId<WaMessageId>(base.data.id),
      from: who.from,
      profileName: who.profileName,
      sentAt: instantOf(base.data.timestamp, line.receivedAt),
      content: toContent(base.data.type, base.data),
      ...(referral === null ? {} : { referral }),
      ...(replyTo === null ? {} : { replyTo }),
    },
  };
};
