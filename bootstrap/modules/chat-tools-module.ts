import { ContainerModule } from 'inversify';
import type { ContentTypeDetector } from '../../application/ports/content-type-detector.ts';
import type { MediaStore } from '../../application/ports/media-store.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { AgentMessageDeps } from '../../application/use-cases/agent-messages.ts';
import { CreateVisitQuote } from '../../application/use-cases/create-visit-quote.ts';
import { GetMedia } from '../../application/use-cases/get-media.ts';
import { ListTemplates } from '../../application/use-cases/list-templates.ts';
import { ListVisitQuotes } from '../../application/use-cases/list-visit-quotes.ts';
import { RefreshTemplates } from '../../application/use-cases/refresh-templates.ts';
import { GetQuote } from '../../application/use-cases/get-quote.ts';
import { SendQuote } from '../../application/use-cases/send-quote.ts';
import type { QuoteUnitDeps } from '../../application/steps/quote-unit.ts';
import type { SyncTemplates } from '../../application/use-cases/sync-templates.ts';
import { UploadMedia } from '../../application/use-cases/upload-media.ts';
import { TOKENS } from '../tokens.ts';

/** The chat panel's tools: the template menu and sync, file upload and download, and the quotes of a visit. */
export const chatToolsModule = () =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.ListTemplates).toResolvedValue((uow: UnitOfWork) => new ListTemplates(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.RefreshTemplates).toResolvedValue(
      (sync: SyncTemplates) => new RefreshTemplates(sync),
      [TOKENS.SyncTemplates],
    );
    bind(TOKENS.UploadMedia).toResolvedValue(
      (media: MediaStore, detector: ContentTypeDetector) => new UploadMedia(media, detector),
      [TOKENS.MediaStore, TOKENS.ContentTypeDetector],
    );
    bind(TOKENS.GetMedia).toResolvedValue(
      (uow: UnitOfWork, media: MediaStore) => new GetMedia(uow, media),
      [TOKENS.UnitOfWork, TOKENS.MediaStore],
    );
    bind(TOKENS.CreateVisitQuote).toResolvedValue(
      (uow: UnitOfWork, deps: QuoteUnitDeps) => new CreateVisitQuote(uow, deps),
      [TOKENS.UnitOfWork, TOKENS.QuoteUnitDeps],
    );
    bind(TOKENS.ListVisitQuotes).toResolvedValue((uow: UnitOfWork) => new ListVisitQuotes(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.GetQuote).toResolvedValue((uow: UnitOfWork) => new GetQuote(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.SendQuote).toResolvedValue(
      (uow: UnitOfWork, deps: AgentMessageDeps) => new SendQuote(uow, deps),
      [TOKENS.UnitOfWork, TOKENS.AgentMessageDeps],
    );
  });
