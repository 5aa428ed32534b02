import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { quoteReference } from '../../domain/quote/quote.ts';
import { quoteSummaryText } from '../../domain/quote/quote-text.ts';
import type { MediaId, QuoteId, UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import {
  type AgentContent,
  type AgentMessageDeps,
  type AgentMessageError,
  queueAgentMessages,
} from './agent-messages.ts';
import { visibleLead } from './lead-access.ts';
import { newerVersionOf } from './get-quote.ts';
import { mayReadMedia } from './media-access.ts';

export type SendQuoteInput = { readonly actor: Actor; readonly author: UserId; readonly quoteId: QuoteId };

export type SendQuoteError =
  | { readonly type: 'QuoteNotFound'; readonly quoteId: QuoteId }
  /** A newer version of the quote exists: an outdated price is never sent to the buyer. */
  | {
      readonly type: 'QuoteSuperseded';
      readonly quoteId: QuoteId;
      readonly latestId: QuoteId;
      readonly latestVersion: number;
    }
  | AgentMessageError;

/** What was queued: the summary text, then the PDF (none when the quote has no stored PDF). */
export type SentQuote = { readonly text: OutboundMessage; readonly document: OutboundMessage | null };

/**
 * Sends a stored quote to its lead from the visit card: the summary as a message and the PDF as a document,
 * filed under the quote's visit, queued in one transaction (both or neither). Free-form messages, so the 24-hour
 * window must be open.
 */
export class SendQuote {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deps: AgentMessageDeps,
  ) {}

  async execute(input: SendQuoteInput): Promise<Result<SentQuote, SendQuoteError>> {
    const outcome = await this.uow.transaction(async (repos) => {
      const record = await repos.quotes.byId(input.quoteId);
      const conversation = record === null ? null : await repos.conversations.byId(record.conversationId);
      // The quote of a lead the actor may not see is "not found": nothing leaks.
      const lead = conversation?.leadId == null ? null : await visibleLead(repos, input.actor, conversation.leadId);
      if (record === null || lead === null) return err({ type: 'QuoteNotFound', quoteId: input.quoteId } as const);
      const latest = await newerVersionOf(repos, record);
      if (latest !== null) {
        return err({
          type: 'QuoteSuperseded',
          quoteId: record.quote.id,
          latestId: latest.quote.id,
          latestVersion: latest.quote.version,
        } as const);
      }
      const { quoteLabels } = await repos.settings.current();
      const contents: AgentContent[] = [{ kind: 'text', body: quoteSummaryText(record.quote, quoteLabels) }];
      const pdfId = record.pdfMediaId;
      if (pdfId !== null && (await this.pdfAttachable(repos, input.actor, pdfId)))
        contents.push({
          kind: 'media',
          mediaKind: 'document',
          mediaId: pdfId,
          mimeType: 'application/pdf',
          filename: `${quoteReference(record.quote)}.pdf`,
        });
      return queueAgentMessages(repos, this.deps, {
        actor: input.actor,
        leadId: lead.id,
        author: input.author,
        contents,
        ...(record.visitId === null ? {} : { visitId: record.visitId }),
      });
    });
    if (!outcome.ok) return outcome;
    const [text, document] = outcome.value;
    return ok({ text: text as OutboundMessage, document: document ?? null });
  }

  /**
   * A lost PDF, or one the actor may not attach (kept before owners were recorded), leaves the summary alone
   * rather than refusing the quote: the lead still gets its figures.
   */
  private async pdfAttachable(repos: Repositories, actor: Actor, pdfId: MediaId): Promise<boolean> {
    const stored = await this.deps.media.get(pdfId);
    return stored !== null && (await mayReadMedia(repos, actor, pdfId, stored.owner));
  }
}
