import type { CreateAdvisorGroup } from '../../../application/use-cases/create-advisor-group.ts';
import type { GetBotSettings } from '../../../application/use-cases/get-bot-settings.ts';
import type { ListAdvisorGroups } from '../../../application/use-cases/list-advisor-groups.ts';
import type { ListLines } from '../../../application/use-cases/list-lines.ts';
import type { ListPriceBuckets } from '../../../application/use-cases/list-price-buckets.ts';
import type { ListProjects } from '../../../application/use-cases/list-projects.ts';
import type { ReplacePriceBuckets } from '../../../application/use-cases/replace-price-buckets.ts';
import type { SaveLine } from '../../../application/use-cases/save-line.ts';
import type { UpdateAdvisorGroup } from '../../../application/use-cases/update-advisor-group.ts';
import type { UpdateBotTexts } from '../../../application/use-cases/update-bot-texts.ts';
import type { UpdateDataPolicy } from '../../../application/use-cases/update-data-policy.ts';
import type { UpsertProject } from '../../../application/use-cases/upsert-project.ts';
import { asId, type AdvisorGroupId, type LineId, type ProjectId, type UserId } from '../../../domain/shared/ids.ts';
import {
  botTextsJson,
  bucketsOf,
  groupBody,
  lineBody,
  projectBody,
  projectEntryOf,
} from './configuration.presenters.ts';
import type * as routes from './configuration.routes.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';

/** What the configuration routes need: their use cases. */
export type ConfigurationDeps = {
  readonly listAdvisorGroups: Pick<ListAdvisorGroups, 'execute'>;
  readonly createAdvisorGroup: Pick<CreateAdvisorGroup, 'execute'>;
  readonly updateAdvisorGroup: Pick<UpdateAdvisorGroup, 'execute'>;
  readonly listLines: Pick<ListLines, 'execute'>;
  readonly saveLine: Pick<SaveLine, 'execute'>;
  readonly listProjects: Pick<ListProjects, 'execute'>;
  readonly upsertProject: Pick<UpsertProject, 'execute'>;
  readonly listPriceBuckets: Pick<ListPriceBuckets, 'execute'>;
  readonly replacePriceBuckets: Pick<ReplacePriceBuckets, 'execute'>;
  readonly getBotSettings: Pick<GetBotSettings, 'execute'>;
  readonly updateDataPolicy: Pick<UpdateDataPolicy, 'execute'>;
  readonly updateBotTexts: Pick<UpdateBotTexts, 'execute'>;
};

export const listAdvisorGroups =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.listAdvisorGroupsRoute> =>
  async (c) =>
    c.json({ groups: (await deps.listAdvisorGroups.execute()).map(groupBody) }, 200);

export const createAdvisorGroup =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.createAdvisorGroupRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const result = await deps.createAdvisorGroup.execute({
      name: body.name,
      advisorIds: body.advisorIds.map((id) => asId<UserId>(id)),
    });
    return result.ok ? c.json(groupBody(result.value), 201) : crmProblem(c, result.error);
  };

export const updateAdvisorGroup =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.updateAdvisorGroupRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const result = await deps.updateAdvisorGroup.execute({
      id: asId<AdvisorGroupId>(c.req.valid('param').id),
      name: body.name,
      advisorIds: body.advisorIds.map((id) => asId<UserId>(id)),
    });
    return result.ok ? c.json(groupBody(result.value), 200) : crmProblem(c, result.error);
  };

export const listLines =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.listLinesRoute> =>
  async (c) =>
    c.json({ lines: (await deps.listLines.execute()).map(lineBody) }, 200);

export const saveLine =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.saveLineRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const result = await deps.saveLine.execute({
      ...body,
      id: asId<LineId>(c.req.valid('param').id),
      advisorGroupId: asId<AdvisorGroupId>(body.advisorGroupId),
      projectIds: body.projectIds.map((id) => asId<ProjectId>(id)),
    });
    return result.ok ? c.json(lineBody(result.value), 200) : crmProblem(c, result.error);
  };

export const listProjects =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.listProjectsRoute> =>
  async (c) =>
    c.json({ projects: (await deps.listProjects.execute()).map(projectBody) }, 200);

export const upsertProject =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.upsertProjectRoute> =>
  async (c) => {
    const result = await deps.upsertProject.execute(projectEntryOf(c.req.valid('param').id, c.req.valid('json')));
    return result.ok ? c.json(projectBody(result.value), 200) : crmProblem(c, result.error);
  };

export const listPriceBuckets =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.listPriceBucketsRoute> =>
  async (c) =>
    c.json({ buckets: [...(await deps.listPriceBuckets.execute())] }, 200);

export const replacePriceBuckets =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.replacePriceBucketsRoute> =>
  async (c) => {
    const result = await deps.replacePriceBuckets.execute(bucketsOf(c.req.valid('json').buckets));
    return result.ok ? c.json({ buckets: result.value }, 200) : crmProblem(c, result.error);
  };

export const getDataPolicy =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.getDataPolicyRoute> =>
  async (c) =>
    c.json((await deps.getBotSettings.execute()).policy, 200);

export const updateDataPolicy =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.updateDataPolicyRoute> =>
  async (c) => {
    const result = await deps.updateDataPolicy.execute(c.req.valid('json'));
    return result.ok ? c.json(result.value, 200) : crmProblem(c, result.error);
  };

export const getBotTexts =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.getBotTextsRoute> =>
  async (c) => {
    const settings = await deps.getBotSettings.execute();
    return c.json(botTextsJson(c.req.valid('query').formality === 'usted' ? settings.textsUsted : settings.texts), 200);
  };

export const updateBotTexts =
  (deps: ConfigurationDeps): CrmHandler<typeof routes.updateBotTextsRoute> =>
  async (c) => {
    const result = await deps.updateBotTexts.execute(c.req.valid('json'), c.req.valid('query').formality);
    return result.ok ? c.json(botTextsJson(result.value), 200) : crmProblem(c, result.error);
  };
