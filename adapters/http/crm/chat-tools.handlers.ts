import { authorOf } from '../../../application/ports/actor.ts';
import type { CreateVisitQuote } from '../../../application/use-cases/create-visit-quote.ts';
import type { GetQuote } from '../../../application/use-cases/get-quote.ts';
import type { GetMedia } from '../../../application/use-cases/get-media.ts';
import type { ListTemplates } from '../../../application/use-cases/list-templates.ts';
import type { ListVisitQuotes } from '../../../application/use-cases/list-visit-quotes.ts';
import type { RefreshTemplates } from '../../../application/use-cases/refresh-templates.ts';
import type { SendQuote } from '../../../application/use-cases/send-quote.ts';
import type { UploadMedia } from '../../../application/use-cases/upload-media.ts';
import {
  asId,
  type MediaId,
  type QuoteId,
  type UnitId,
  type UnitTypeId,
  type VisitId,
} from '../../../domain/shared/ids.ts';
import { fileResponse } from '../file-response.ts';
import type * as routes from './chat-tools.routes.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import { messageJson } from './leads.presenters.ts';
import { quoteJson } from './quote.presenters.ts';

/** What the chat tools routes need: their use cases (queuing a message wakes the senders by itself). */
export type ChatToolsDeps = {
  readonly listTemplates: Pick<ListTemplates, 'execute'>;
  readonly refreshTemplates: Pick<RefreshTemplates, 'execute'>;
  readonly uploadMedia: Pick<UploadMedia, 'execute'>;
  readonly getMedia: Pick<GetMedia, 'execute'>;
  readonly createVisitQuote: Pick<CreateVisitQuote, 'execute'>;
  readonly listVisitQuotes: Pick<ListVisitQuotes, 'execute'>;
  readonly getQuote: Pick<GetQuote, 'execute'>;
  readonly sendQuote: Pick<SendQuote, 'execute'>;
};

export const listTemplates =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.listTemplatesRoute> =>
  async (c) =>
    c.json({ items: await deps.listTemplates.execute() }, 200);

export const syncTemplates =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.syncTemplatesRoute> =>
  async (c) => {
    const synced = await deps.refreshTemplates.execute();
    return synced.ok ? c.json(synced.value, 200) : crmProblem(c, synced.error);
  };

export const uploadMedia =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.uploadMediaRoute> =>
  async (c) => {
    const { file } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const filename = file.name === '' ? null : file.name;
    const uploaded = await deps.uploadMedia.execute({ actor: c.get('actor'), bytes, mimeType: file.type, filename });
    return uploaded.ok ? c.json(uploaded.value, 201) : crmProblem(c, uploaded.error);
  };

export const getMedia =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.getMediaRoute> =>
  async (c) => {
    const id = asId<MediaId>(c.req.valid('param').id);
    const found = await deps.getMedia.execute({ actor: c.get('actor'), mediaId: id });
    if (!found.ok) return crmProblem(c, found.error);
    const { body, size, mimeType, filename } = found.value;
    return fileResponse(c, { body, size, mimeType, filename: filename ?? id });
  };

export const createQuote =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.createQuoteRoute> =>
  async (c) => {
    const { unitId, unitTypeId, extras, savings } = c.req.valid('json');
    const created = await deps.createVisitQuote.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
      ...(unitId === undefined ? {} : { unitId: asId<UnitId>(unitId) }),
      ...(unitTypeId === undefined ? {} : { unitTypeId: asId<UnitTypeId>(unitTypeId) }),
      extraIds: extras,
      savings: savings.map(({ label, ...s }) => ({ ...s, ...(label === undefined ? {} : { label }) })),
    });
    return created.ok ? c.json(quoteJson(created.value), 201) : crmProblem(c, created.error);
  };

export const listQuotes =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.listQuotesRoute> =>
  async (c) => {
    const listed = await deps.listVisitQuotes.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
    });
    return listed.ok
      ? c.json({ items: listed.value.map((v) => quoteJson(v.record, v.superseded)) }, 200)
      : crmProblem(c, listed.error);
  };

export const getQuote =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.getQuoteRoute> =>
  async (c) => {
    const found = await deps.getQuote.execute({
      actor: c.get('actor'),
      quoteId: asId<QuoteId>(c.req.valid('param').id),
    });
    return found.ok ? c.json(quoteJson(found.value.record, found.value.superseded), 200) : crmProblem(c, found.error);
  };

export const sendQuote =
  (deps: ChatToolsDeps): CrmHandler<typeof routes.sendQuoteRoute> =>
  async (c) => {
    const actor = c.get('actor');
    const sent = await deps.sendQuote.execute({
      actor,
      author: authorOf(actor),
      quoteId: asId<QuoteId>(c.req.valid('param').id),
    });
    if (!sent.ok) return crmProblem(c, sent.error);
    const messages = sent.value.document === null ? [sent.value.text] : [sent.value.text, sent.value.document];
    return c.json({ messages: messages.map(messageJson) }, 202);
  };
