import { ContainerModule } from 'inversify';
import type { Clock } from '../../application/ports/clock.ts';
import type { EventPublisher } from '../../application/ports/events.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { CancelReservation } from '../../application/use-cases/cancel-reservation.ts';
import { AuthoriseReservation } from '../../application/use-cases/authorise-reservation.ts';
import { ChangeVisitStage } from '../../application/use-cases/change-visit-stage.ts';
import { GetVisitCard } from '../../application/use-cases/get-visit-card.ts';
import { ListAgenda } from '../../application/use-cases/list-agenda.ts';
import { ReserveUnit } from '../../application/use-cases/reserve-unit.ts';
import { ScheduleAppointment } from '../../application/use-cases/schedule-appointment.ts';
import { TOKENS } from '../tokens.ts';

/** The visit card and its actions: stage moves, appointments and agenda, reservations and their authorisation. */
export const visitCardModule = () =>
  new ContainerModule(({ bind }) => {
    const { UnitOfWork: Uow, Clock: C, IdGenerator: Ids, EventPublisher: Ev } = TOKENS;
    bind(TOKENS.GetVisitCard).toResolvedValue((uow: UnitOfWork) => new GetVisitCard(uow), [Uow]);
    bind(TOKENS.ChangeVisitStage).toResolvedValue(
      (uow: UnitOfWork, events: EventPublisher) => new ChangeVisitStage(uow, events),
      [Uow, Ev],
    );
    bind(TOKENS.ScheduleAppointment).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, events: EventPublisher) =>
        new ScheduleAppointment(uow, clock, ids, events),
      [Uow, C, Ids, Ev],
    );
    bind(TOKENS.ListAgenda).toResolvedValue((uow: UnitOfWork) => new ListAgenda(uow), [Uow]);
    bind(TOKENS.ReserveUnit).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, events: EventPublisher) =>
        new ReserveUnit(uow, clock, ids, events),
      [Uow, C, Ids, Ev],
    );
    bind(TOKENS.AuthoriseReservation).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, events: EventPublisher) => new AuthoriseReservation(uow, clock, events),
      [Uow, C, Ev],
    );
    bind(TOKENS.CancelReservation).toResolvedValue(
      (uow: UnitOfWork, events: EventPublisher) => new CancelReservation(uow, events),
      [Uow, Ev],
    );
  });
