import type { AuthoriseReservation } from '../../../application/use-cases/authorise-reservation.ts';
import type { CancelReservation } from '../../../application/use-cases/cancel-reservation.ts';
import type { ChangeVisitStage } from '../../../application/use-cases/change-visit-stage.ts';
import type { GetVisitCard } from '../../../application/use-cases/get-visit-card.ts';
import type { ListAgenda } from '../../../application/use-cases/list-agenda.ts';
import type { RecordSeparationPayment } from '../../../application/use-cases/record-separation-payment.ts';
import type { ReserveUnit } from '../../../application/use-cases/reserve-unit.ts';
import type { ScheduleAppointment } from '../../../application/use-cases/schedule-appointment.ts';
import { asId, type QuoteId, type UnitId, type UserId, type VisitId } from '../../../domain/shared/ids.ts';
import type { ReservationId, SeparationPayment } from '../../../domain/visit/reservation.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import type * as routes from './visit-card.routes.ts';
import { appointmentBody, reservationBody, visitBody, visitCardBody } from './visit-card.schemas.ts';

/** What the visit-card routes need: their use cases. */
export type VisitCardDeps = {
  readonly getVisitCard: Pick<GetVisitCard, 'execute'>;
  readonly changeVisitStage: Pick<ChangeVisitStage, 'execute'>;
  readonly scheduleAppointment: Pick<ScheduleAppointment, 'execute'>;
  readonly listAgenda: Pick<ListAgenda, 'execute'>;
  readonly reserveUnit: Pick<ReserveUnit, 'execute'>;
  readonly authoriseReservation: Pick<AuthoriseReservation, 'execute'>;
  readonly cancelReservation: Pick<CancelReservation, 'execute'>;
  readonly recordSeparationPayment: Pick<RecordSeparationPayment, 'execute'>;
};

type PaymentBody = {
  readonly amount: SeparationPayment['amount'];
  readonly paidOn: string;
  readonly reference: string | null;
};
const paymentOf = (p: PaymentBody): SeparationPayment => ({
  amount: p.amount,
  paidOn: p.paidOn,
  reference: p.reference,
});

const at = (iso: string): number => Date.parse(iso);

export const getVisitCard =
  (deps: VisitCardDeps): CrmHandler<typeof routes.getVisitCardRoute> =>
  async (c) => {
    const result = await deps.getVisitCard.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
    });
    return result.ok ? c.json(visitCardBody(result.value), 200) : crmProblem(c, result.error);
  };

export const changeStage =
  (deps: VisitCardDeps): CrmHandler<typeof routes.changeStageRoute> =>
  async (c) => {
    const result = await deps.changeVisitStage.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
      stage: c.req.valid('json').stage,
    });
    return result.ok ? c.json(visitBody(result.value), 200) : crmProblem(c, result.error);
  };

export const scheduleAppointment =
  (deps: VisitCardDeps): CrmHandler<typeof routes.scheduleAppointmentRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const result = await deps.scheduleAppointment.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
      startsAt: at(body.startsAt),
      endsAt: at(body.endsAt),
      note: body.note ?? null,
      ...(body.advisorId === undefined ? {} : { advisorId: asId<UserId>(body.advisorId) }),
    });
    return result.ok ? c.json(appointmentBody(result.value), 201) : crmProblem(c, result.error);
  };

export const agenda =
  (deps: VisitCardDeps): CrmHandler<typeof routes.agendaRoute> =>
  async (c) => {
    const query = c.req.valid('query');
    const result = await deps.listAgenda.execute({
      actor: c.get('actor'),
      from: at(query.from),
      to: at(query.to),
      ...(query.advisorId === undefined ? {} : { advisorId: asId<UserId>(query.advisorId) }),
    });
    return result.ok ? c.json({ items: result.value.map(appointmentBody) }, 200) : crmProblem(c, result.error);
  };

export const reserveUnit =
  (deps: VisitCardDeps): CrmHandler<typeof routes.reserveUnitRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const result = await deps.reserveUnit.execute({
      actor: c.get('actor'),
      visitId: asId<VisitId>(c.req.valid('param').id),
      unitId: asId<UnitId>(body.unitId),
      ...(body.quoteId === undefined ? {} : { quoteId: asId<QuoteId>(body.quoteId) }),
      ...(body.payment === undefined ? {} : { payment: paymentOf(body.payment) }),
    });
    return result.ok ? c.json(reservationBody(result.value), 201) : crmProblem(c, result.error);
  };

export const authoriseReservation =
  (deps: VisitCardDeps): CrmHandler<typeof routes.authoriseReservationRoute> =>
  async (c) => {
    const reservationId = asId<ReservationId>(c.req.valid('param').id);
    const result = await deps.authoriseReservation.execute({ actor: c.get('actor'), reservationId });
    return result.ok ? c.json(reservationBody(result.value), 200) : crmProblem(c, result.error);
  };

export const cancelReservation =
  (deps: VisitCardDeps): CrmHandler<typeof routes.cancelReservationRoute> =>
  async (c) => {
    const reservationId = asId<ReservationId>(c.req.valid('param').id);
    const result = await deps.cancelReservation.execute({ actor: c.get('actor'), reservationId });
    return result.ok ? c.json(reservationBody(result.value), 200) : crmProblem(c, result.error);
  };

export const recordPayment =
  (deps: VisitCardDeps): CrmHandler<typeof routes.recordPaymentRoute> =>
  async (c) => {
    const result = await deps.recordSeparationPayment.execute({
      actor: c.get('actor'),
      reservationId: asId<ReservationId>(c.req.valid('param').id),
      payment: paymentOf(c.req.valid('json')),
    });
    return result.ok ? c.json(reservationBody(result.value), 200) : crmProblem(c, result.error);
  };
