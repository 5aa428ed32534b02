import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { OutboundContent } from '../../domain/messaging/outbound.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import type { Result } from '../../domain/shared/result.ts';

/** Why WhatsApp did not take a message, and whether trying again later may work. */
export type SendFailure = {
  readonly type: 'SendFailed';
  readonly retryable: boolean;
  readonly code: string;
  readonly title: string;
  /** A hint from the channel (rate limits) for the earliest retry. */
  readonly retryAfterMs?: number;
};

export type SendRequest = {
  readonly line: BusinessLine;
  readonly to: WaIdentity;
  readonly content: OutboundContent;
};

/** The WhatsApp channel, outbound. */
export interface MessageGateway {
  /** Sends one message; Meta's message id, or a classified failure. Throws only on bugs. */
  send(request: SendRequest): Promise<Result<{ readonly waMessageId: WaMessageId }, SendFailure>>;
  /** Shows the lead their message was read (blue ticks); best effort, never throws for a channel refusal. */
  markRead(line: BusinessLine, waMessageId: WaMessageId): Promise<void>;
  /**
   * Marks the message read and shows the lead "escribiendo…" until the next message we send (or about 25 s):
   * for a reply being prepared. Best effort like `markRead`: never throws for a channel refusal or an outage.
   */
  showTyping(line: BusinessLine, waMessageId: WaMessageId): Promise<void>;
}
