import type { Override } from '../../bootstrap/container.ts';
import type { ChatToolsDeps } from '../../adapters/http/crm/chat-tools.router.ts';
import { chatToolsModule } from '../../bootstrap/modules/chat-tools-module.ts';
import type { Desk } from './desk-harness.ts';
import { leadRouter } from './lead-desk-routes.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';

/** The chat tools use cases as `chatToolsModule()` binds them on the assembled desk. */
export const chatToolsUseCases = (desk: Desk): ChatToolsDeps => {
  if (!desk.container.isBound(TOKENS.ListTemplates)) desk.container.load(chatToolsModule());
  const get = desk.container.get.bind(desk.container);
  return {
    listTemplates: get(TOKENS.ListTemplates),
    refreshTemplates: get(TOKENS.RefreshTemplates),
    uploadMedia: get(TOKENS.UploadMedia),
    getMedia: get(TOKENS.GetMedia),
    createVisitQuote: get(TOKENS.CreateVisitQuote),
    listVisitQuotes: get(TOKENS.ListVisitQuotes),
    getQuote: get(TOKENS.GetQuote),
    sendQuote: get(TOKENS.SendQuote),
  };
};

type TokenOf<T> = Override<T>['token'];

const TOKEN_OF: { readonly [K in keyof ChatToolsDeps]-?: TokenOf<ChatToolsDeps[K]> } = {
  listTemplates: TOKENS.ListTemplates,
  refreshTemplates: TOKENS.RefreshTemplates,
  uploadMedia: TOKENS.UploadMedia,
  getMedia: TOKENS.GetMedia,
  createVisitQuote: TOKENS.CreateVisitQuote,
  listVisitQuotes: TOKENS.ListVisitQuotes,
  getQuote: TOKENS.GetQuote,
  sendQuote: TOKENS.SendQuote,
};

/**
 * The real CRM API (`leadRouter`), with an upload helper, so one test can upload a file and send it from the
 * chat panel. `overrides` replace use cases in the desk's container (e.g. a sync that fails) before the app is
 * first built, so they reach the routes through the composition root like any binding.
 */
export const chatToolsRouter = (desk: Desk, overrides: Partial<ChatToolsDeps> = {}) => {
  for (const [key, value] of Object.entries(overrides) as [keyof ChatToolsDeps, unknown][])
    desk.container.rebind(TOKEN_OF[key] as TokenOf<unknown>).toConstantValue(value);
  const leads = leadRouter(desk);
  const as = (actor: string) => ({
    ...leads.as(actor),
    upload: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return leads.as(actor).send('/media', { method: 'POST', body: form });
    },
  });
  return { ...leads, as };
};
