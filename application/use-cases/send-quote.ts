import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { quoteSummaryText } from '../../domain/quote/quote-text.ts';
import type { LeadId, QuoteId, UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';
import { mayReadMedia } from './media-access.ts';
import type { SendAgentMessage, SendAgentMessageError } from './send-agent-message.ts';

export type SendQuoteInput = { readonly actor: Actor; readonly author: UserId; readonly quoteId: QuoteId };

export type SendQuoteError = { readonly type: 'QuoteNotFound'; readonly quoteId: QuoteId } | SendAgentMessageError;

/** What was queued: the summary text, then the PDF (none when the quote has no stored PDF). */
export type SentQuote = { readonly text: OutboundMessage; readonly document: OutboundMessage | null };

type Target = { readonly record: QuoteRecord; readonly leadId: LeadId; readonly text: string; readonly pdf: boolean };

/**
 * Sends a stored quote to its lead from the visit card: the summary as a message and the PDF as a document,
 * filed under the quote's visit. Free-form messages, so the 24-hour window must be open.
 */
export class SendQuote {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly send: Pick<SendAgentMessage, 'execute'>,
    private readonly media: MediaStore,
  ) {}

  async execute(input: SendQuoteInput): Promise<Result<SentQuote, SendQuoteError>> {
    const target = await this.target(input);
    if (target === null) return err({ type: 'QuoteNotFound', quoteId: input.quoteId });
    const { record, leadId } = target;
    const visit = record.visitId === null ? {} : { visitId: record.visitId };
    const text = await this.send.execute({
      actor: input.actor,
      leadId,
      author: input.author,
      content: { kind: 'text', body: target.text },
      ...visit,
    });
    if (!text.ok) return text;
    if (record.pdfMediaId === null || !target.pdf) return ok({ text: text.value, document: null });
    const document = await this.send.execute({
      actor: input.actor,
      leadId,
      author: input.author,
      content: {
        kind: 'media',
        mediaKind: 'document',
        mediaId: record.pdfMediaId,
        mimeType: 'application/pdf',
        filename: `${record.quote.number}.pdf`,
      },
      ...visit,
    });
    return document.ok ? ok({ text: text.value, document: document.value }) : document;
  }

  /** The quote and its lead, if the actor may see the lead; `null` otherwise (nothing leaks). */
  private async target(input: SendQuoteInput): Promise<Target | null> {
    const found = await this.uow.transaction(async (repos) => {
      const record = await repos.quotes.byId(input.quoteId);
      const conversation = record === null ? null : await repos.conversations.byId(record.conversationId);
      if (record === null || conversation?.leadId == null) return null;
      const lead = await visibleLead(repos, input.actor, conversation.leadId);
      if (lead === null) return null;
      const { quoteLabels } = await repos.settings.current();
      return { record, leadId: lead.id, text: quoteSummaryText(record.quote, quoteLabels) };
    });
    if (found === null) return null;
    // Checked before the text goes out, so a lost PDF, or one the actor may not attach (kept before owners
    // were recorded), does not leave the lead with half a quote.
    const pdfId = found.record.pdfMediaId;
    const stored = pdfId === null ? null : await this.media.get(pdfId);
    const pdf =
      pdfId !== null &&
      stored !== null &&
      (await this.uow.transaction((repos) => mayReadMedia(repos, input.actor, pdfId, stored.owner)));
    return { ...found, pdf };
  }
}
