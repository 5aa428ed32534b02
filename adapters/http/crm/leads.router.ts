import { registerConversationHandlers } from './conversation.handlers.ts';
import type { CrmRouter } from './crm-router.ts';
import type { LeadRouteDeps } from './leads.deps.ts';
import { registerLeadHandlers } from './leads.handlers.ts';

export type { LeadRouteDeps } from './leads.deps.ts';

/** The visitors list and the chat panel: leads, visits, the conversation and sending. */
export const registerLeadRoutes = (router: CrmRouter, deps: LeadRouteDeps): CrmRouter => {
  registerLeadHandlers(router, deps);
  registerConversationHandlers(router, deps);
  return router;
};
