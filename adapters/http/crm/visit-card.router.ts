import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import * as handlers from './visit-card.handlers.ts';
import type { VisitCardDeps } from './visit-card.handlers.ts';
import * as routes from './visit-card.routes.ts';

export type { VisitCardDeps } from './visit-card.handlers.ts';

/** The visit card and its actions: stage, appointments and agenda, reservations. */
export const visitCardRouter = (deps: VisitCardDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.getVisitCardRoute, handlers.getVisitCard(deps));
  router.openapi(routes.changeStageRoute, handlers.changeStage(deps));
  router.openapi(routes.scheduleAppointmentRoute, handlers.scheduleAppointment(deps));
  router.openapi(routes.agendaRoute, handlers.agenda(deps));
  router.openapi(routes.reserveUnitRoute, handlers.reserveUnit(deps));
  router.openapi(routes.authoriseReservationRoute, handlers.authoriseReservation(deps));
  router.openapi(routes.cancelReservationRoute, handlers.cancelReservation(deps));
  router.openapi(routes.recordPaymentRoute, handlers.recordPayment(deps));
  return router;
};
