import type { ResolutionContext } from 'inversify';
import { configurationRouter as buildConfigurationRouter } from '../adapters/http/crm/configuration.router.ts';
import type { CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { eventsRouter as buildEventsRouter } from '../adapters/http/crm/events.router.ts';
import { CONFIGURATION_TOKENS as T } from './configuration-tokens.ts';
import { TOKENS } from './tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/** Advisor groups, lines, projects, price buckets and bot settings under `/api/v1`. */
export const configurationRouter = (context: Context): CrmRouter =>
  buildConfigurationRouter({
    listAdvisorGroups: context.get(T.ListAdvisorGroups),
    createAdvisorGroup: context.get(T.CreateAdvisorGroup),
    updateAdvisorGroup: context.get(T.UpdateAdvisorGroup),
    listLines: context.get(T.ListLines),
    saveLine: context.get(T.SaveLine),
    listProjects: context.get(T.ListProjects),
    upsertProject: context.get(T.UpsertProject),
    listPriceBuckets: context.get(T.ListPriceBuckets),
    replacePriceBuckets: context.get(T.ReplacePriceBuckets),
    getBotSettings: context.get(T.GetBotSettings),
    updateDataPolicy: context.get(T.UpdateDataPolicy),
    updateBotTexts: context.get(T.UpdateBotTexts),
  });

/** `GET /api/v1/events`: the live event stream, filtered per caller. */
export const eventsRouter = (context: Context): CrmRouter => {
  const events = context.get(TOKENS.Events);
  const { limits } = context.get(TOKENS.Config);
  return buildEventsRouter({
    subscribe: (listener) => events.subscribe(listener),
    audience: context.get(T.ResolveEventAudience),
    caps: { perKey: limits.eventStreamsPerKey, total: limits.eventStreams },
  });
};
