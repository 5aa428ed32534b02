import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import type { MessageGateway } from '../ports/message-gateway.ts';

/** The lead's message the bot is answering, and the line that answers it. */
export type TypingFor = { readonly line: BusinessLine; readonly waMessageId: WaMessageId };

/**
 * The bot is about to answer a lead's message: they see it read and "escribiendo…" until the replies leave.
 * Called by the message pipeline once the inbox entry (and its replies) committed, never inside a transaction.
 * Best effort: a channel refusal or an outage costs only the indicator, never the turn, and never throws.
 */
export class ShowTyping {
  constructor(private readonly gateway: Pick<MessageGateway, 'showTyping'>) {}

  async execute(typing: TypingFor): Promise<'shown' | 'failed'> {
    try {
      await this.gateway.showTyping(typing.line, typing.waMessageId);
      return 'shown';
    } catch {
      return 'failed';
    }
  }
}
