import type { ServiceIdentifier } from 'inversify';
import type { CancelReservation } from '../application/use-cases/cancel-reservation.ts';
import type { AuthoriseReservation } from '../application/use-cases/authorise-reservation.ts';
import type { ChangeVisitStage } from '../application/use-cases/change-visit-stage.ts';
import type { GetVisitCard } from '../application/use-cases/get-visit-card.ts';
import type { ListAgenda } from '../application/use-cases/list-agenda.ts';
import type { ReserveUnit } from '../application/use-cases/reserve-unit.ts';
import type { ScheduleAppointment } from '../application/use-cases/schedule-appointment.ts';

/** Container keys of the visit card's use cases (see `TOKENS` for the rest). */
export const VISIT_CARD_TOKENS = {
  GetVisitCard: Symbol.for('GetVisitCard') as ServiceIdentifier<GetVisitCard>,
  ChangeVisitStage: Symbol.for('ChangeVisitStage') as ServiceIdentifier<ChangeVisitStage>,
  ScheduleAppointment: Symbol.for('ScheduleAppointment') as ServiceIdentifier<ScheduleAppointment>,
  ListAgenda: Symbol.for('ListAgenda') as ServiceIdentifier<ListAgenda>,
  ReserveUnit: Symbol.for('ReserveUnit') as ServiceIdentifier<ReserveUnit>,
  AuthoriseReservation: Symbol.for('AuthoriseReservation') as ServiceIdentifier<AuthoriseReservation>,
  CancelReservation: Symbol.for('CancelReservation') as ServiceIdentifier<CancelReservation>,
} as const;
