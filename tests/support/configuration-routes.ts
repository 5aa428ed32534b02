import type { ConfigurationDeps } from '../../adapters/http/crm/configuration.router.ts';
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
import { leadRouter } from './lead-desk-routes.ts';

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

/** Event streams heartbeat this often here, so a test sees one. */
const HEARTBEAT_MS = 50;

/**
 * The configuration and event routes as the CRM reaches them: the desk's real app (`leadRouter`: API keys,
 * authentication, limits, every resource), with JSON bodies. Paths are relative to `/api/v1`. Call it before
 * anything else builds the desk's app: it shortens the event streams' heartbeat.
 */
export const configurationApi = (desk: Desk) => {
  desk.container.rebind(TOKENS.EventHeartbeatMs).toConstantValue(HEARTBEAT_MS);
  const api = leadRouter(desk);
  const send = (method: string) => (actor: string, path: string, body?: unknown) =>
    api.as(actor).send(path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    app: api.app,
    get: send('GET'),
    put: send('PUT'),
    post: send('POST'),
    /** Listeners on the desk's event hub: one per open event stream. */
    subscribers: () => desk.events.subscribers,
  };
};
