import type { ResolutionContext } from 'inversify';
import { createCrmApi, type CrmApi } from '../adapters/http/crm/crm-api.ts';
import { createCrmRouter, type CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { registerLeadRoutes } from '../adapters/http/crm/leads.router.ts';
import { usersRouter } from '../adapters/http/crm/users.router.ts';
import { deadLettersRouter } from '../adapters/http/crm/dead-letters.router.ts';
import { chatToolsRouter } from './chat-tools-api.ts';
import { configurationRouter, eventsRouter } from './configuration-api.ts';
import { visitCardRouter } from './visit-card-api.ts';
import { TOKENS } from './tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/**
 * The resource routers of `/api/v1`, each built from its use cases. To add a resource, build its router with
 * `createCrmRouter()` (paths relative to `/api/v1`, actor in `c.get('actor')`) and append it here: it then sits
 * behind authentication and appears in `/api/v1/openapi.json` and `/docs`.
 */
export const crmRouters = (context: Context): CrmRouter[] => [
  usersRouter({
    listUsers: context.get(TOKENS.ListUsers),
    createUser: context.get(TOKENS.CreateUser),
    issueApiKey: context.get(TOKENS.IssueApiKey),
    revokeApiKey: context.get(TOKENS.RevokeApiKey),
    listApiKeys: context.get(TOKENS.ListApiKeys),
    deactivateUser: context.get(TOKENS.DeactivateUser),
    reactivateUser: context.get(TOKENS.ReactivateUser),
  }),
  registerLeadRoutes(createCrmRouter(), {
    listLeads: context.get(TOKENS.ListLeads),
    getLead: context.get(TOKENS.GetLead),
    createLead: context.get(TOKENS.CreateLead),
    listVisits: context.get(TOKENS.ListVisits),
    openVisit: context.get(TOKENS.OpenVisit),
    getConversation: context.get(TOKENS.GetConversation),
    markConversationRead: context.get(TOKENS.MarkConversationRead),
    sendAgentMessage: context.get(TOKENS.SendAgentMessage),
  }),
  visitCardRouter(context),
  chatToolsRouter(context),
  configurationRouter(context),
  eventsRouter(context),
  deadLettersRouter({
    listDeadLetters: context.get(TOKENS.ListDeadLetters),
    getDeadLetter: context.get(TOKENS.GetDeadLetter),
    retryDeadLetter: context.get(TOKENS.RetryDeadLetter),
    discardDeadLetter: context.get(TOKENS.DiscardDeadLetter),
  }),
];

/** The CRM API as the HTTP app mounts it. */
export const crmApi = (context: Context): CrmApi =>
  createCrmApi({
    authenticate: context.get(TOKENS.AuthenticateApiKey),
    guard: { limits: context.get(TOKENS.RequestLimits), clientIp: context.get(TOKENS.ClientIp) },
    routers: crmRouters(context),
  });
