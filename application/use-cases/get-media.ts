import type { LeadId, MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { seesAllLeads, type Actor } from '../ports/actor.ts';
import type { MediaReader, MediaStore } from '../ports/media-store.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';

export type MediaNotFound = { readonly type: 'MediaNotFound'; readonly mediaId: MediaId };

/**
 * A kept file (upload, quote PDF, media a lead sent), to show or download in the CRM. Managers and admins get
 * any file. Uploads are not tracked by uploader, so an advisor gets a file that a message or quote of a lead
 * they see references, or that nothing references yet (their fresh upload); any other file is "not found".
 */
export class GetMedia {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly media: MediaStore,
  ) {}

  /** The file as a stream: a 100 MB document is served without being held whole. */
  async execute(input: { readonly actor: Actor; readonly mediaId: MediaId }): Promise<Result<MediaReader, MediaNotFound>> {
    const notFound = err({ type: 'MediaNotFound', mediaId: input.mediaId } as const);
    if (!seesAllLeads(input.actor) && !(await this.uow.transaction((repos) => mayGet(repos, input.actor, input.mediaId)))) {
      return notFound;
    }
    const stored = await this.media.getStream(input.mediaId);
    return stored === null ? notFound : ok(stored);
  }
}

const mayGet = async (repos: Repositories, actor: Actor, mediaId: MediaId): Promise<boolean> => {
  const fromMessages = await repos.messages.leadsReferencingMedia(mediaId);
  const fromQuotes = await Promise.all((await repos.quotes.byPdfMedia(mediaId)).map((q) => leadOfQuote(repos, q)));
  const leads = [...fromMessages, ...fromQuotes];
  if (leads.length === 0) return true;
  for (const leadId of new Set(leads)) {
    if (leadId !== null && (await visibleLead(repos, actor, leadId)) !== null) return true;
  }
  return false;
};

const leadOfQuote = async (repos: Repositories, record: QuoteRecord): Promise<LeadId | null> => {
  const visit = record.visitId === null ? null : await repos.visits.byId(record.visitId);
  if (visit !== null) return visit.leadId;
  return (await repos.conversations.byId(record.conversationId))?.leadId ?? null;
};
