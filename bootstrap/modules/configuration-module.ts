import { ContainerModule } from 'inversify';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { ResolveEventAudience } from '../../application/use-cases/resolve-event-audience.ts';
import { CreateAdvisorGroup } from '../../application/use-cases/create-advisor-group.ts';
import { GetBotSettings } from '../../application/use-cases/get-bot-settings.ts';
import { GetBuilderProfile } from '../../application/use-cases/get-builder-profile.ts';
import { ListAdvisorGroups } from '../../application/use-cases/list-advisor-groups.ts';
import { ListLines } from '../../application/use-cases/list-lines.ts';
import { ListPriceBuckets } from '../../application/use-cases/list-price-buckets.ts';
import { ListProjects } from '../../application/use-cases/list-projects.ts';
import { ReplacePriceBuckets } from '../../application/use-cases/replace-price-buckets.ts';
import { SaveLine } from '../../application/use-cases/save-line.ts';
import { UpdateAdvisorGroup } from '../../application/use-cases/update-advisor-group.ts';
import { UpdateBotTexts } from '../../application/use-cases/update-bot-texts.ts';
import { UpdateFunnelSettings } from '../../application/use-cases/update-funnel-settings.ts';
import { UpdateBuilderProfile } from '../../application/use-cases/update-builder-profile.ts';
import { UpdateDataPolicy } from '../../application/use-cases/update-data-policy.ts';
import { UpsertProject } from '../../application/use-cases/upsert-project.ts';
import { TOKENS } from '../tokens.ts';

/** Configuration (groups, lines, catalogue, bot settings, the builder) and live-event visibility. */
export const configurationModule = () =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.ListAdvisorGroups).toResolvedValue(
      (uow: UnitOfWork) => new ListAdvisorGroups(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.CreateAdvisorGroup).toResolvedValue(
      (uow: UnitOfWork, ids: IdGenerator) => new CreateAdvisorGroup(uow, ids),
      [TOKENS.UnitOfWork, TOKENS.IdGenerator],
    );
    bind(TOKENS.UpdateAdvisorGroup).toResolvedValue(
      (uow: UnitOfWork) => new UpdateAdvisorGroup(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.ListLines).toResolvedValue((uow: UnitOfWork) => new ListLines(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.SaveLine).toResolvedValue((uow: UnitOfWork) => new SaveLine(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.ListProjects).toResolvedValue((uow: UnitOfWork) => new ListProjects(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.UpsertProject).toResolvedValue((uow: UnitOfWork) => new UpsertProject(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.ListPriceBuckets).toResolvedValue((uow: UnitOfWork) => new ListPriceBuckets(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.ReplacePriceBuckets).toResolvedValue(
      (uow: UnitOfWork) => new ReplacePriceBuckets(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.GetBotSettings).toResolvedValue((uow: UnitOfWork) => new GetBotSettings(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.UpdateDataPolicy).toResolvedValue((uow: UnitOfWork) => new UpdateDataPolicy(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.UpdateBotTexts).toResolvedValue((uow: UnitOfWork) => new UpdateBotTexts(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.UpdateFunnelSettings).toResolvedValue(
      (uow: UnitOfWork) => new UpdateFunnelSettings(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.GetBuilderProfile).toResolvedValue(
      (uow: UnitOfWork) => new GetBuilderProfile(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.UpdateBuilderProfile).toResolvedValue(
      (uow: UnitOfWork) => new UpdateBuilderProfile(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.ResolveEventAudience).toResolvedValue(
      (uow: UnitOfWork) => new ResolveEventAudience(uow),
      [TOKENS.UnitOfWork],
    );
  });
