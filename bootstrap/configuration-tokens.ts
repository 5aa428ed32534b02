import type { ServiceIdentifier } from 'inversify';
import type { ResolveEventAudience } from '../application/use-cases/resolve-event-audience.ts';
import type { CreateAdvisorGroup } from '../application/use-cases/create-advisor-group.ts';
import type { GetBotSettings } from '../application/use-cases/get-bot-settings.ts';
import type { ListAdvisorGroups } from '../application/use-cases/list-advisor-groups.ts';
import type { ListLines } from '../application/use-cases/list-lines.ts';
import type { ListPriceBuckets } from '../application/use-cases/list-price-buckets.ts';
import type { ListProjects } from '../application/use-cases/list-projects.ts';
import type { ReplacePriceBuckets } from '../application/use-cases/replace-price-buckets.ts';
import type { SaveLine } from '../application/use-cases/save-line.ts';
import type { UpdateAdvisorGroup } from '../application/use-cases/update-advisor-group.ts';
import type { UpdateBotTexts } from '../application/use-cases/update-bot-texts.ts';
import type { UpdateDataPolicy } from '../application/use-cases/update-data-policy.ts';
import type { UpsertProject } from '../application/use-cases/upsert-project.ts';

const token = <T>(name: string) => Symbol.for(name) as ServiceIdentifier<T>;

/** Container keys of the configuration and live-events use cases. */
export const CONFIGURATION_TOKENS = {
  ListAdvisorGroups: token<ListAdvisorGroups>('ListAdvisorGroups'),
  CreateAdvisorGroup: token<CreateAdvisorGroup>('CreateAdvisorGroup'),
  UpdateAdvisorGroup: token<UpdateAdvisorGroup>('UpdateAdvisorGroup'),
  ListLines: token<ListLines>('ListLines'),
  SaveLine: token<SaveLine>('SaveLine'),
  ListProjects: token<ListProjects>('ListProjects'),
  UpsertProject: token<UpsertProject>('UpsertProject'),
  ListPriceBuckets: token<ListPriceBuckets>('ListPriceBuckets'),
  ReplacePriceBuckets: token<ReplacePriceBuckets>('ReplacePriceBuckets'),
  GetBotSettings: token<GetBotSettings>('GetBotSettings'),
  UpdateDataPolicy: token<UpdateDataPolicy>('UpdateDataPolicy'),
  UpdateBotTexts: token<UpdateBotTexts>('UpdateBotTexts'),
  ResolveEventAudience: token<ResolveEventAudience>('ResolveEventAudience'),
} as const;
