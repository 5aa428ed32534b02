import type { ServiceIdentifier } from 'inversify';
import type { CreateVisitQuote } from '../application/use-cases/create-visit-quote.ts';
import type { GetMedia } from '../application/use-cases/get-media.ts';
import type { ListTemplates } from '../application/use-cases/list-templates.ts';
import type { ListVisitQuotes } from '../application/use-cases/list-visit-quotes.ts';
import type { RefreshTemplates } from '../application/use-cases/refresh-templates.ts';
import type { SendQuote } from '../application/use-cases/send-quote.ts';
import type { UploadMedia } from '../application/use-cases/upload-media.ts';

/** Container keys of the chat tools (templates, media, visit quotes); see `TOKENS` for why `Symbol.for`. */
export const CHAT_TOOLS_TOKENS = {
  ListTemplates: Symbol.for('ListTemplates') as ServiceIdentifier<ListTemplates>,
  RefreshTemplates: Symbol.for('RefreshTemplates') as ServiceIdentifier<RefreshTemplates>,
  UploadMedia: Symbol.for('UploadMedia') as ServiceIdentifier<UploadMedia>,
  GetMedia: Symbol.for('GetMedia') as ServiceIdentifier<GetMedia>,
  CreateVisitQuote: Symbol.for('CreateVisitQuote') as ServiceIdentifier<CreateVisitQuote>,
  ListVisitQuotes: Symbol.for('ListVisitQuotes') as ServiceIdentifier<ListVisitQuotes>,
  SendQuote: Symbol.for('SendQuote') as ServiceIdentifier<SendQuote>,
} as const;
