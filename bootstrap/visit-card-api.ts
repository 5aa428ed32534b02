import type { ResolutionContext } from 'inversify';
import type { CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { visitCardRoutes } from '../adapters/http/crm/visit-card.router.ts';
import { TOKENS } from './tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/** The visit card's routes (`/visits/{id}`, stage, appointments, `/agenda`, reservations), for `crmRouters`. */
export const visitCardRouter = (context: Context): CrmRouter =>
  visitCardRoutes({
    getVisitCard: context.get(TOKENS.GetVisitCard),
    changeVisitStage: context.get(TOKENS.ChangeVisitStage),
    scheduleAppointment: context.get(TOKENS.ScheduleAppointment),
    listAgenda: context.get(TOKENS.ListAgenda),
    reserveUnit: context.get(TOKENS.ReserveUnit),
    authoriseReservation: context.get(TOKENS.AuthoriseReservation),
    cancelReservation: context.get(TOKENS.CancelReservation),
  });
