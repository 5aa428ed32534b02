import type { ResolutionContext } from 'inversify';
import type { CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { visitCardRoutes } from '../adapters/http/crm/visit-card.router.ts';
import { VISIT_CARD_TOKENS as V } from './visit-card-tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/** The visit card's routes (`/visits/{id}`, stage, appointments, `/agenda`, reservations), for `crmRouters`. */
export const visitCardRouter = (context: Context): CrmRouter =>
  visitCardRoutes({
    getVisitCard: context.get(V.GetVisitCard),
    changeVisitStage: context.get(V.ChangeVisitStage),
    scheduleAppointment: context.get(V.ScheduleAppointment),
    listAgenda: context.get(V.ListAgenda),
    reserveUnit: context.get(V.ReserveUnit),
    authoriseReservation: context.get(V.AuthoriseReservation),
    cancelReservation: context.get(V.CancelReservation),
  });
