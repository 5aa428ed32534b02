import type { InboundContent } from '../messaging/message.ts';
import type { UserId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';

/**
 * The ad or post a lead tapped to open the chat (a Click-to-WhatsApp referral): Meta sends it on that first
 * message only. See adapters/whatsapp/meta-cloud/README.md §F18.
 */
export type AdReferral = {
  /** `ad` or `post` as Meta says; `other` for a kind Meta adds later. */
  readonly sourceType: 'ad' | 'post' | 'other';
  /** Meta's id of the ad or post. */
  readonly sourceId: string | null;
  readonly sourceUrl: string | null;
  readonly headline: string | null;
  readonly body: string | null;
  /** `image` or `video`: what the ad showed. */
  readonly mediaType: string | null;
  /** The click's id, for Meta's conversion reports: tied to one person's click, so personal data. */
  readonly ctwaClid: string | null;
};

/** How a conversation began: its earliest message (what it said, when) and the ad that brought it, if any. */
export type FirstContact = {
  readonly referral: AdReferral | null;
  /** The first message's words (text, caption or the option tapped), cut to `FIRST_TEXT_MAX`; `null` for a file without caption, a location… */
  readonly text: string | null;
  readonly at: Instant;
};

/** How a CRM user says a lead they typed in reached the company. */
export const CRM_LEAD_SOURCES = ['walk_in', 'phone_call', 'referral', 'web', 'other'] as const;
export type CrmLeadSource = (typeof CRM_LEAD_SOURCES)[number];

/** Where a lead came from: a WhatsApp chat (maybe from an ad) or a CRM user's hand. */
export type LeadOrigin =
  | ({ readonly channel: 'whatsapp' } & FirstContact)
  | {
      readonly channel: 'crm';
      readonly source: CrmLeadSource;
      /** The user who typed the lead in (`bootstrap-admin` for the bootstrap key). */
      readonly createdBy: UserId;
      readonly note: string | null;
    };

/** Enough to tell what the lead first asked; a longer first message is cut on a character, not inside one. */
export const FIRST_TEXT_MAX = 280;

/** `text` cut to `max` characters (code points, so an emoji is never split), with `…` when it was cut. */
export const truncated = (text: string, max: number): string => {
  const chars = Array.from(text.trim());
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
};

const wordsOf = (content: InboundContent): string | null => {
  switch (content.kind) {
    case 'text':
      return content.body;
    case 'choice':
      return content.title;
    case 'media':
      return content.caption ?? null;
    default:
      return null;
  }
};

export const firstContactOf = (content: InboundContent, at: Instant, referral: AdReferral | null): FirstContact => {
  const words = wordsOf(content);
  return { referral, text: words === null || words.trim() === '' ? null : truncated(words, FIRST_TEXT_MAX), at };
};

/**
 * The first contact once another message is known: the earliest message wins (webhooks may arrive out of order),
 * and a referral is kept from whichever carried it (Meta sends it on the message written from the ad).
 */
export const earliestContact = (known: FirstContact | null, next: FirstContact): FirstContact => {
  if (known === null) return next;
  const first = next.at < known.at ? next : known;
  return { ...first, referral: first.referral ?? (first === next ? known.referral : next.referral) };
};

/** A WhatsApp lead's origin, from its conversation's first contact (`null` for conversations from before origins). */
export const whatsappOrigin = (contact: FirstContact | null): LeadOrigin | null =>
  contact === null ? null : { channel: 'whatsapp', ...contact };
