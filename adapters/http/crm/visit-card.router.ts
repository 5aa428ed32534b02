import type { AuthoriseReservation } from '../../../application/use-cases/authorise-reservation.ts';
import type { CancelReservation } from '../../../application/use-cases/cancel-reservation.ts';
import type { ChangeVisitStage } from '../../../application/use-cases/change-visit-stage.ts';
import type { GetVisitCard } from '../../../application/use-cases/get-visit-card.ts';
import type { ListAgenda } from '../../../application/use-cases/list-agenda.ts';
import type { ReserveUnit } from '../../../application/use-cases/reserve-unit.ts';
import type { ScheduleAppointment } from '../../../application/use-cases/schedule-appointment.ts';
import { asId, type UnitId, type UserId, type VisitId } from '../../../domain/shared/ids.ts';
import type { ReservationId } from '../../../domain/visit/reservation.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import { crmProblem } from './crm-problem.ts';
import {
  agendaRoute,
  authoriseReservationRoute,
  cancelReservationRoute,
  changeStageRoute,
  getVisitCardRoute,
  reserveUnitRoute,
  scheduleAppointmentRoute,
} from './visit-card.routes.ts';
import { appointmentBody, reservationBody, visitBody, visitCardBody } from './visit-card.schemas.ts';

export type VisitCardUseCases = {
  readonly getVisitCard: Pick<GetVisitCard, 'execute'>;
  readonly changeVisitStage: Pick<ChangeVisitStage, 'execute'>;
  readonly scheduleAppointment: Pick<ScheduleAppointment, 'execute'>;
  readonly listAgenda: Pick<ListAgenda, 'execute'>;
  readonly reserveUnit: Pick<ReserveUnit, 'execute'>;
  readonly authoriseReservation: Pick<AuthoriseReservation, 'execute'>;
  readonly cancelReservation: Pick<CancelReservation, 'execute'>;
};

const at = (iso: string): number => Date.parse(iso);

/** The visit card and its actions: stage, appointments and agenda, reservations. Pass `router` to add them to an existing one. */
export const registerVisitCardRoutes = (router: CrmRouter, useCases: VisitCardUseCases): CrmRouter => {
  router.openapi(getVisitCardRoute, async (c) => {
    const result = await useCases.getVisitCard.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
    });
    return result.ok ? c.json(visitCardBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(changeStageRoute, async (c) => {
    const visitId = asId<VisitId>(c.req.valid('param').id);
    const result = await useCases.changeVisitStage.execute({
      actor: c.get('actor'),
      visitId,
      stage: c.req.valid('json').stage,
    });
    return result.ok ? c.json(visitBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(scheduleAppointmentRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await useCases.scheduleAppointment.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
      startsAt: at(body.startsAt),
      endsAt: at(body.endsAt),
      note: body.note ?? null,
      ...(body.advisorId === undefined ? {} : { advisorId: asId<UserId>(body.advisorId) }),
    });
    return result.ok ? c.json(appointmentBody(result.value), 201) : crmProblem(c, result.error);
  });

  router.openapi(agendaRoute, async (c) => {
    const query = c.req.valid('query');
    const result = await useCases.listAgenda.execute({
      actor: c.get('actor'),
      from: at(query.from),
      to: at(query.to),
      ...(query.advisorId === undefined ? {} : { advisorId: asId<UserId>(query.advisorId) }),
    });
    return result.ok ? c.json({ items: result.value.map(appointmentBody) }, 200) : crmProblem(c, result.error);
  });

  router.openapi(reserveUnitRoute, async (c) => {
    const visitId = asId<VisitId>(c.req.valid('param').id);
    const result = await useCases.reserveUnit.execute({
      actor: c.get('actor'),
      visitId,
      unitId: asId<UnitId>(c.req.valid('json').unitId),
    });
    return result.ok ? c.json(reservationBody(result.value), 201) : crmProblem(c, result.error);
  });

  router.openapi(authoriseReservationRoute, async (c) => {
    const reservationId = asId<ReservationId>(c.req.valid('param').id);
    const result = await useCases.authoriseReservation.execute({ actor: c.get('actor'), reservationId });
    return result.ok ? c.json(reservationBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(cancelReservationRoute, async (c) => {
    const reservationId = asId<ReservationId>(c.req.valid('param').id);
    const result = await useCases.cancelReservation.execute({ actor: c.get('actor'), reservationId });
    return result.ok ? c.json(reservationBody(result.value), 200) : crmProblem(c, result.error);
  });

  return router;
};

/** A router of its own with the visit-card routes. */
export const visitCardRoutes = (useCases: VisitCardUseCases): CrmRouter =>
  registerVisitCardRoutes(createCrmRouter(), useCases);
