import { DAY_MS, type Instant } from '../shared/time.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { isFreeForm, type OutboundContent } from '../messaging/outbound.ts';

/**
 * WhatsApp's customer-service window: free-form messages only within 24 h of the lead's last message
 * (adapters/whatsapp/meta-cloud/README.md §F13).
 */
export type ConversationWindow = { readonly kind: 'open'; readonly closesAt: Instant } | { readonly kind: 'closed' };

export const windowAt = (lastInboundAt: Instant | null, now: Instant): ConversationWindow =>
  lastInboundAt !== null && now - lastInboundAt < DAY_MS
    ? { kind: 'open', closesAt: lastInboundAt + DAY_MS }
    : { kind: 'closed' };

export type WindowClosed = { readonly type: 'WindowClosed' };

/** Templates may always be sent; anything else needs the window open. */
export const mayBeSent = (
  content: OutboundContent,
  lastInboundAt: Instant | null,
  now: Instant,
): Result<OutboundContent, WindowClosed> =>
  !isFreeForm(content) || windowAt(lastInboundAt, now).kind === 'open' ? ok(content) : err({ type: 'WindowClosed' });
