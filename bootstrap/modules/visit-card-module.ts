import { ContainerModule } from 'inversify';
import type { Clock } from '../../application/ports/clock.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { CancelReservation } from '../../application/use-cases/cancel-reservation.ts';
import { AuthoriseReservation } from '../../application/use-cases/authorise-reservation.ts';
import { ChangeVisitStage } from '../../application/use-cases/change-visit-stage.ts';
import { ExpireReservations } from '../../application/use-cases/expire-reservations.ts';
import { GetVisitCard } from '../../application/use-cases/get-visit-card.ts';
import { ListAgenda } from '../../application/use-cases/list-agenda.ts';
import { RecordSeparationPayment } from '../../application/use-cases/record-separation-payment.ts';
import { ReserveUnit } from '../../application/use-cases/reserve-unit.ts';
import { ScheduleAppointment } from '../../application/use-cases/schedule-appointment.ts';
import { RescheduleAppointment } from '../../application/use-cases/reschedule-appointment.ts';
import { ChangeAppointmentStatus } from '../../application/use-cases/change-appointment-status.ts';
import type { Config } from '../config.ts';
import { TOKENS } from '../tokens.ts';

/** The visit card and its actions: stage moves, appointments and agenda, reservations and their authorisation. */
export const visitCardModule = () =>
  new ContainerModule(({ bind }) => {
    const { UnitOfWork: Uow, Clock: C, IdGenerator: Ids, Config: Cfg } = TOKENS;
    bind(TOKENS.GetVisitCard).toResolvedValue((uow: UnitOfWork) => new GetVisitCard(uow), [Uow]);
    bind(TOKENS.ChangeVisitStage).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new ChangeVisitStage(uow, clock),
      [Uow, C],
    );
    bind(TOKENS.ScheduleAppointment).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, config: Config) =>
        new ScheduleAppointment(uow, clock, ids, config.reminders),
      [Uow, C, Ids, Cfg],
    );
    bind(TOKENS.RescheduleAppointment).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, config: Config) => new RescheduleAppointment(uow, clock, config.reminders),
      [Uow, C, Cfg],
    );
    bind(TOKENS.ChangeAppointmentStatus).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new ChangeAppointmentStatus(uow, clock),
      [Uow, C],
    );
    bind(TOKENS.ListAgenda).toResolvedValue((uow: UnitOfWork) => new ListAgenda(uow), [Uow]);
    bind(TOKENS.ReserveUnit).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator) => new ReserveUnit(uow, clock, ids),
      [Uow, C, Ids],
    );
    bind(TOKENS.AuthoriseReservation).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new AuthoriseReservation(uow, clock),
      [Uow, C],
    );
    bind(TOKENS.CancelReservation).toResolvedValue((uow: UnitOfWork) => new CancelReservation(uow), [Uow]);
    bind(TOKENS.RecordSeparationPayment).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new RecordSeparationPayment(uow, clock),
      [Uow, C],
    );
    bind(TOKENS.ExpireReservations).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new ExpireReservations(uow, clock),
      [Uow, C],
    );
  });
