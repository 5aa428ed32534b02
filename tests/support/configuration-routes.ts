import { createCrmRouter } from '../../adapters/http/crm/crm-router.ts';
import { configurationRouter, type ConfigurationDeps } from '../../adapters/http/crm/configuration.router.ts';
import { eventsRouter, type SubscribeToEvents } from '../../adapters/http/crm/events.router.ts';
import { ResolveEventAudience } from '../../application/use-cases/resolve-event-audience.ts';
import { CreateAdvisorGroup } from '../../application/use-cases/create-advisor-group.ts';
import { GetBotSettings } from '../../application/use-cases/get-bot-settings.ts';
import { ListAdvisorGroups } from '../../application/use-cases/list-advisor-groups.ts';
import { ListLines } from '../../application/use-cases/list-lines.ts';
import { ListPriceBuckets } from '../../application/use-cases/list-price-buckets.ts';
import { ListProjects } from '../../application/use-cases/list-projects.ts';
import { ReplacePriceBuckets } from '../../application/use-cases/replace-price-buckets.ts';
import { SaveLine } from '../../application/use-cases/save-line.ts';
import { UpdateAdvisorGroup } from '../../application/use-cases/update-advisor-group.ts';
import { UpdateBotTexts } from '../../application/use-cases/update-bot-texts.ts';
import { UpdateDataPolicy } from '../../application/use-cases/update-data-policy.ts';
import { UpsertProject } from '../../application/use-cases/upsert-project.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { Desk } from './desk-harness.ts';
import { actorNamed } from './lead-desk-routes.ts';

/** The configuration use cases on the assembled desk's unit of work. */
export const configurationUseCases = (desk: Desk): ConfigurationDeps & { audience: ResolveEventAudience } => {
  const uow = desk.container.get(TOKENS.UnitOfWork);
  return {
    listAdvisorGroups: new ListAdvisorGroups(uow),
    createAdvisorGroup: new CreateAdvisorGroup(uow, desk.container.get(TOKENS.IdGenerator)),
    updateAdvisorGroup: new UpdateAdvisorGroup(uow),
    listLines: new ListLines(uow),
    saveLine: new SaveLine(uow),
    listProjects: new ListProjects(uow),
    upsertProject: new UpsertProject(uow),
    listPriceBuckets: new ListPriceBuckets(uow),
    replacePriceBuckets: new ReplacePriceBuckets(uow),
    getBotSettings: new GetBotSettings(uow),
    updateDataPolicy: new UpdateDataPolicy(uow),
    updateBotTexts: new UpdateBotTexts(uow),
    audience: new ResolveEventAudience(uow),
  };
};

/** Configuration and event routes behind a fake authentication reading the actor from `x-test-actor`. */
export const configurationTestRouter = (desk: Desk) => {
  const useCases = configurationUseCases(desk);
  let subscribers = 0;
  const subscribe: SubscribeToEvents = (listener) => {
    subscribers += 1;
    const unsubscribe = desk.events.subscribe(listener);
    return () => {
      subscribers -= 1;
      unsubscribe();
    };
  };
  const router = createCrmRouter();
  router.use(async (c, next) => {
    c.set('actor', actorNamed(c.req.header('x-test-actor') ?? 'admin'));
    await next();
  });
  router.route('/', configurationRouter(useCases));
  router.route('/', eventsRouter({ subscribe, audience: useCases.audience, heartbeatMs: 50 }));
  const send = (method: string) => (actor: string, path: string, body?: unknown) =>
    router.request(path, {
      method,
      headers: { 'x-test-actor': actor, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { router, useCases, get: send('GET'), put: send('PUT'), post: send('POST'), subscribers: () => subscribers };
};
