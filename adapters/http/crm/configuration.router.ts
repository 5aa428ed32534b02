import type { ListAdvisorGroups } from '../../../application/use-cases/list-advisor-groups.ts';
import type { CreateAdvisorGroup } from '../../../application/use-cases/create-advisor-group.ts';
import type { UpdateAdvisorGroup } from '../../../application/use-cases/update-advisor-group.ts';
import type { ListLines } from '../../../application/use-cases/list-lines.ts';
import type { SaveLine } from '../../../application/use-cases/save-line.ts';
import type { ListProjects } from '../../../application/use-cases/list-projects.ts';
import type { UpsertProject } from '../../../application/use-cases/upsert-project.ts';
import type { ListPriceBuckets } from '../../../application/use-cases/list-price-buckets.ts';
import type { ReplacePriceBuckets } from '../../../application/use-cases/replace-price-buckets.ts';
import type { GetBotSettings } from '../../../application/use-cases/get-bot-settings.ts';
import type { UpdateDataPolicy } from '../../../application/use-cases/update-data-policy.ts';
import type { UpdateBotTexts } from '../../../application/use-cases/update-bot-texts.ts';
import { asId, type AdvisorGroupId, type LineId, type ProjectId, type UserId } from '../../../domain/shared/ids.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import { crmProblem } from './crm-problem.ts';
import * as routes from './configuration.routes.ts';
import {
  botTextsJson,
  bucketsOf,
  groupBody,
  lineBody,
  projectBody,
  projectEntryOf,
} from './configuration.presenters.ts';

type UseCase<T extends { execute: (...args: never[]) => unknown }> = Pick<T, 'execute'>;

export type ConfigurationUseCases = {
  readonly listAdvisorGroups: UseCase<ListAdvisorGroups>;
  readonly createAdvisorGroup: UseCase<CreateAdvisorGroup>;
  readonly updateAdvisorGroup: UseCase<UpdateAdvisorGroup>;
  readonly listLines: UseCase<ListLines>;
  readonly saveLine: UseCase<SaveLine>;
  readonly listProjects: UseCase<ListProjects>;
  readonly upsertProject: UseCase<UpsertProject>;
  readonly listPriceBuckets: UseCase<ListPriceBuckets>;
  readonly replacePriceBuckets: UseCase<ReplacePriceBuckets>;
  readonly getBotSettings: UseCase<GetBotSettings>;
  readonly updateDataPolicy: UseCase<UpdateDataPolicy>;
  readonly updateBotTexts: UseCase<UpdateBotTexts>;
};

/** Advisor groups, lines, the catalogue and the bot's settings: admins write, managers read. */
export const configurationRouter = (u: ConfigurationUseCases): CrmRouter => {
  const router = createCrmRouter();

  router.openapi(routes.listAdvisorGroupsRoute, async (c) =>
    c.json({ groups: (await u.listAdvisorGroups.execute()).map(groupBody) }, 200),
  );
  router.openapi(routes.createAdvisorGroupRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await u.createAdvisorGroup.execute({
      name: body.name,
      advisorIds: body.advisorIds.map((id) => asId<UserId>(id)),
    });
    return result.ok ? c.json(groupBody(result.value), 201) : crmProblem(c, result.error);
  });
  router.openapi(routes.updateAdvisorGroupRoute, async (c) => {
    const body = c.req.valid('json');
    const input = {
      id: asId<AdvisorGroupId>(c.req.valid('param').id),
      name: body.name,
      advisorIds: body.advisorIds.map((id) => asId<UserId>(id)),
    };
    const result = await u.updateAdvisorGroup.execute(input);
    return result.ok ? c.json(groupBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(routes.listLinesRoute, async (c) =>
    c.json({ lines: (await u.listLines.execute()).map(lineBody) }, 200),
  );
  router.openapi(routes.saveLineRoute, async (c) => {
    const body = c.req.valid('json');
    const line = {
      ...body,
      id: asId<LineId>(c.req.valid('param').id),
      advisorGroupId: asId<AdvisorGroupId>(body.advisorGroupId),
      projectIds: body.projectIds.map((id) => asId<ProjectId>(id)),
    };
    const result = await u.saveLine.execute(line);
    return result.ok ? c.json(lineBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(routes.listProjectsRoute, async (c) =>
    c.json({ projects: (await u.listProjects.execute()).map(projectBody) }, 200),
  );
  router.openapi(routes.upsertProjectRoute, async (c) => {
    const result = await u.upsertProject.execute(projectEntryOf(c.req.valid('param').id, c.req.valid('json')));
    return result.ok ? c.json(projectBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(routes.listPriceBucketsRoute, async (c) =>
    c.json({ buckets: [...(await u.listPriceBuckets.execute())] }, 200),
  );
  router.openapi(routes.replacePriceBucketsRoute, async (c) => {
    const result = await u.replacePriceBuckets.execute(bucketsOf(c.req.valid('json').buckets));
    return result.ok ? c.json({ buckets: result.value }, 200) : crmProblem(c, result.error);
  });

  router.openapi(routes.getDataPolicyRoute, async (c) => c.json((await u.getBotSettings.execute()).policy, 200));
  router.openapi(routes.updateDataPolicyRoute, async (c) => {
    const result = await u.updateDataPolicy.execute(c.req.valid('json'));
    return result.ok ? c.json(result.value, 200) : crmProblem(c, result.error);
  });
  router.openapi(routes.getBotTextsRoute, async (c) =>
    c.json(botTextsJson((await u.getBotSettings.execute()).texts), 200),
  );
  router.openapi(routes.updateBotTextsRoute, async (c) => {
    const result = await u.updateBotTexts.execute(c.req.valid('json'));
    return result.ok ? c.json(botTextsJson(result.value), 200) : crmProblem(c, result.error);
  });

  return router;
};
