import type { LeadNote } from '../../../domain/visit/lead-note.ts';
import type { z } from '@hono/zod-openapi';
import type { ConsentRecord } from '../../../application/ports/lead-repository.ts';
import type { LeadDetail } from '../../../application/use-cases/get-lead.ts';
import type { LeadSummary, LeadWindow } from '../../../application/use-cases/lead-access.ts';
import type { Visit } from '../../../domain/lead/lead.ts';
import type { LeadOrigin } from '../../../domain/lead/origin.ts';
import type { Message } from '../../../domain/messaging/message.ts';
import { type MessageReference, shownText } from '../../../domain/messaging/message-references.ts';
import type { Instant } from '../../../domain/shared/time.ts';
import type { MessageSchema } from './conversation.schemas.ts';

/** A message's content as the contract describes it: its `kind`, and the rest of it as stored. */
type ContentJson = z.infer<typeof MessageSchema>['content'];

export const iso = (t: Instant): string => new Date(t).toISOString();

export const windowJson = (w: LeadWindow) => (w.open ? { open: true, closesAt: iso(w.closesAt) } : { open: false });

export const originJson = (origin: LeadOrigin | null) => {
  if (origin === null) return null;
  if (origin.channel === 'crm') return { ...origin };
  const { referral, text, at } = origin;
  return {
    channel: origin.channel,
    referral: referral === null ? null : { ...referral },
    firstMessage: { text, at: iso(at) },
  };
};

export const leadJson = ({ lead, hasWhatsApp, window, bot }: LeadSummary) => ({
  id: lead.id,
  lineId: lead.lineId,
  name: lead.name,
  phone: lead.phone,
  email: lead.email,
  advisorId: lead.advisorId,
  source: lead.source,
  origin: originJson(lead.origin),
  createdAt: iso(lead.createdAt),
  hasWhatsApp,
  window: windowJson(window),
  inBot: bot.inBot,
  step: bot.step,
});

export const consentJson = (c: ConsentRecord) => ({
  at: iso(c.at),
  policyVersion: c.policyVersion,
  policyTextHash: c.policyTextHash,
  messageId: c.messageId,
  email: c.email,
  evidenceOnlySince: c.evidenceOnlySince === null ? null : iso(c.evidenceOnlySince),
});

export const leadDetailJson = (detail: LeadDetail) => ({
  ...leadJson(detail),
  consents: detail.consents.map(consentJson),
});

export const visitJson = (v: Visit) => ({ ...v, criteria: { ...v.criteria }, createdAt: iso(v.createdAt) });

/** What the chat bubble shows: the text, a template's rendered text, a caption, a tapped option. */
const displayText = shownText;

export const referenceJson = (r: MessageReference | null) =>
  r === null ? null : { messageId: r.messageId, waMessageId: r.waMessageId, text: r.text };

const contentJson = (content: Message['content']): ContentJson => ({ ...content });

export const messageJson = (m: Message) => ({
  id: m.id,
  conversationId: m.conversationId,
  visitId: m.visitId,
  direction: m.direction,
  text: displayText(m),
  content: contentJson(m.content),
  status: m.direction === 'outbound' ? m.status : null,
  failure: m.direction === 'outbound' ? m.failure : null,
  author: m.direction === 'outbound' ? m.author : ({ kind: 'lead' } as const),
  createdAt: iso(m.createdAt),
});

export const noteJson = (n: LeadNote) => ({ visitId: n.visitId, text: n.text, at: iso(n.at) });
