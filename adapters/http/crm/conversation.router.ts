import * as handlers from './conversation.handlers.ts';
import type { ConversationDeps } from './conversation.handlers.ts';
import * as routes from './conversation.routes.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';

export type { ConversationDeps } from './conversation.handlers.ts';

/** The chat panel: a lead's conversation, read receipts and sending. */
export const conversationRouter = (deps: ConversationDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.getConversationRoute, handlers.getConversation(deps));
  router.openapi(routes.markConversationReadRoute, handlers.markConversationRead(deps));
  router.openapi(routes.sendMessageRoute, handlers.sendMessage(deps));
  router.openapi(routes.takeOverRoute, handlers.takeOver(deps));
  router.openapi(routes.handBackRoute, handlers.handBack(deps));
  return router;
};
