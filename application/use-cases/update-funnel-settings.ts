import { ok, type Result } from '../../domain/shared/result.ts';
import {
  patchStageLabels,
  reservationSettings,
  type InvalidReservationSettings,
  type InvalidStageLabels,
  type ReservationSettings,
  type StageLabels,
} from '../../domain/visit/stage-labels.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type UpdateFunnelSettingsInput = {
  /** Some stages' labels, merged over the current ones. */
  readonly stageLabels?: Readonly<Record<string, string>>;
  readonly reservationExpiryDays?: number;
};

export type FunnelSettings = { readonly stageLabels: StageLabels; readonly reservations: ReservationSettings };

export type UpdateFunnelSettingsError = InvalidStageLabels | InvalidReservationSettings;

/** Saves the stage labels people read and the days a separation waits for the promesa (admins). */
export class UpdateFunnelSettings {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateFunnelSettingsInput): Promise<Result<FunnelSettings, UpdateFunnelSettingsError>> {
    return this.uow.transaction(async (repos) => {
      const current = await repos.settings.current();
      const labels = patchStageLabels(current.stageLabels, input.stageLabels ?? {});
      if (!labels.ok) return labels;
      const days = input.reservationExpiryDays;
      const reservations = days === undefined ? ok(current.reservations) : reservationSettings(days);
      if (!reservations.ok) return reservations;
      await repos.settings.save({ ...current, stageLabels: labels.value, reservations: reservations.value });
      return ok({ stageLabels: labels.value, reservations: reservations.value });
    });
  }
}
