import type { VisitStage } from '../lead/lead.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { DEFAULT_RESERVATION_DAYS, MAX_RESERVATION_DAYS } from './reservation.ts';

/** What people read for each stage: the API speaks in codes, screens show these. */
export type StageLabels = Readonly<Record<VisitStage, string>>;

/** A Colombian sales room's words for its funnel. */
export const defaultStageLabels: StageLabels = {
  new: 'Prospecto',
  contacted: 'Contactado',
  appointment: 'Cita agendada',
  visited: 'Visita realizada',
  quoted: 'Cotizado',
  reserved: 'Separado',
  promise: 'Promesa firmada',
  deeded: 'Escriturado',
  delivered: 'Entregado',
  withdrawn: 'Desistido',
  lost: 'Perdido',
};

export const MAX_STAGE_LABEL_LENGTH = 60;

export type InvalidStageLabels =
  | { readonly type: 'UnknownStages'; readonly stages: readonly string[] }
  | { readonly type: 'InvalidStageLabel'; readonly stage: VisitStage };

/** Merges some labels over the current ones: unknown stages and empty or over-long labels are refused. */
export const patchStageLabels = (
  current: StageLabels,
  patch: Readonly<Record<string, string>>,
): Result<StageLabels, InvalidStageLabels> => {
  const unknown = Object.keys(patch).filter((k) => !Object.hasOwn(current, k));
  if (unknown.length > 0) return err({ type: 'UnknownStages', stages: unknown });
  const trimmed: Record<string, string> = {};
  for (const [stage, label] of Object.entries(patch)) {
    const text = label.trim();
    if (text === '' || text.length > MAX_STAGE_LABEL_LENGTH)
      return err({ type: 'InvalidStageLabel', stage: stage as VisitStage });
    trimmed[stage] = text;
  }
  return ok({ ...current, ...trimmed });
};

/** How the sales room runs its separations. */
export type ReservationSettings = {
  /** Days a separated unit waits for the promesa before it is released. */
  readonly expiryDays: number;
};

export const defaultReservationSettings: ReservationSettings = { expiryDays: DEFAULT_RESERVATION_DAYS };

export type InvalidReservationSettings = { readonly type: 'InvalidReservationSettings'; readonly max: number };

/** Between 1 and 90 whole days. */
export const reservationSettings = (expiryDays: number): Result<ReservationSettings, InvalidReservationSettings> =>
  Number.isInteger(expiryDays) && expiryDays >= 1 && expiryDays <= MAX_RESERVATION_DAYS
    ? ok({ expiryDays })
    : err({ type: 'InvalidReservationSettings', max: MAX_RESERVATION_DAYS });
