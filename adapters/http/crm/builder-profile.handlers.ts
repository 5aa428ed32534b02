import type { GetBuilderProfile } from '../../../application/use-cases/get-builder-profile.ts';
import type { UpdateBuilderProfile } from '../../../application/use-cases/update-builder-profile.ts';
import type { BuilderProfile } from '../../../domain/builder/builder-profile.ts';
import type * as routes from './builder-profile.routes.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';

/** What the builder-profile routes need: their use cases. */
export type BuilderProfileDeps = {
  readonly getBuilderProfile: Pick<GetBuilderProfile, 'execute'>;
  readonly updateBuilderProfile: Pick<UpdateBuilderProfile, 'execute'>;
};

const builderProfileJson = ({ logo, ...profile }: BuilderProfile) => ({
  ...profile,
  logo:
    logo === null
      ? null
      : {
          mimeType: logo.mimeType,
          size: logo.bytes.length,
          widthPx: logo.widthPx,
          heightPx: logo.heightPx,
          dataUrl: `data:${logo.mimeType};base64,${Buffer.from(logo.bytes).toString('base64')}`,
        },
});

export const getBuilderProfile =
  (deps: BuilderProfileDeps): CrmHandler<typeof routes.getBuilderProfileRoute> =>
  async (c) => {
    const result = await deps.getBuilderProfile.execute();
    return result.ok ? c.json(builderProfileJson(result.value), 200) : crmProblem(c, result.error);
  };

export const updateBuilderProfile =
  (deps: BuilderProfileDeps): CrmHandler<typeof routes.updateBuilderProfileRoute> =>
  async (c) => {
    const { website, logo, dataRequestsContact, ...body } = c.req.valid('json');
    const result = await deps.updateBuilderProfile.execute({
      ...body,
      website: website ?? null,
      dataRequestsContact: dataRequestsContact ?? null,
      logo:
        logo === undefined
          ? 'unchanged'
          : logo === null
            ? null
            : { mimeType: logo.mimeType, bytes: new Uint8Array(Buffer.from(logo.base64, 'base64')) },
    });
    return result.ok ? c.json(builderProfileJson(result.value), 200) : crmProblem(c, result.error);
  };
