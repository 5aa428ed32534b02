import type { GetBotSettings } from '../../../application/use-cases/get-bot-settings.ts';
import type { FunnelSettings, UpdateFunnelSettings } from '../../../application/use-cases/update-funnel-settings.ts';
import { isFinal, VISIT_STAGES } from '../../../domain/visit/funnel.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import type * as routes from './funnel-settings.routes.ts';

/** What the funnel-settings routes need: their use cases. */
export type FunnelSettingsDeps = {
  readonly getBotSettings: Pick<GetBotSettings, 'execute'>;
  readonly updateFunnelSettings: Pick<UpdateFunnelSettings, 'execute'>;
};

const funnelJson = (settings: FunnelSettings) => ({
  stages: VISIT_STAGES.map((stage) => ({ stage, label: settings.stageLabels[stage], final: isFinal(stage) })),
  reservationExpiryDays: settings.reservations.expiryDays,
});

export const getFunnelSettings =
  (deps: FunnelSettingsDeps): CrmHandler<typeof routes.getFunnelSettingsRoute> =>
  async (c) =>
    c.json(funnelJson(await deps.getBotSettings.execute()), 200);

export const updateFunnelSettings =
  (deps: FunnelSettingsDeps): CrmHandler<typeof routes.updateFunnelSettingsRoute> =>
  async (c) => {
    const { stageLabels, reservationExpiryDays } = c.req.valid('json');
    const labels = Object.fromEntries(
      Object.entries(stageLabels ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const result = await deps.updateFunnelSettings.execute({
      stageLabels: labels,
      ...(reservationExpiryDays === undefined ? {} : { reservationExpiryDays }),
    });
    return result.ok ? c.json(funnelJson(result.value), 200) : crmProblem(c, result.error);
  };
