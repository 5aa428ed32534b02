import type { ResolutionContext } from 'inversify';
import { configurationRouter as buildConfigurationRouter } from '../adapters/http/crm/configuration.router.ts';
import type { CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { eventsRouter as buildEventsRouter } from '../adapters/http/crm/events.router.ts';
import { TOKENS } from './tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/** Advisor groups, lines, projects, price buckets and bot settings under `/api/v1`. */
export const configurationRouter = (context: Context): CrmRouter =>
  buildConfigurationRouter({
    listAdvisorGroups: context.get(TOKENS.ListAdvisorGroups),
    createAdvisorGroup: context.get(TOKENS.CreateAdvisorGroup),
    updateAdvisorGroup: context.get(TOKENS.UpdateAdvisorGroup),
    listLines: context.get(TOKENS.ListLines),
    saveLine: context.get(TOKENS.SaveLine),
    listProjects: context.get(TOKENS.ListProjects),
    upsertProject: context.get(TOKENS.UpsertProject),
    listPriceBuckets: context.get(TOKENS.ListPriceBuckets),
    replacePriceBuckets: context.get(TOKENS.ReplacePriceBuckets),
    getBotSettings: context.get(TOKENS.GetBotSettings),
    updateDataPolicy: context.get(TOKENS.UpdateDataPolicy),
    updateBotTexts: context.get(TOKENS.UpdateBotTexts),
  });

/** `GET /api/v1/events`: the live event stream, filtered per caller. */
export const eventsRouter = (context: Context): CrmRouter => {
  const events = context.get(TOKENS.Events);
  const { limits } = context.get(TOKENS.Config);
  return buildEventsRouter({
    subscribe: (listener) => events.subscribe(listener),
    audience: context.get(TOKENS.ResolveEventAudience),
    caps: { perKey: limits.eventStreamsPerKey, total: limits.eventStreams },
  });
};
