import * as handlers from './appointments.handlers.ts';
import type { AppointmentsDeps } from './appointments.handlers.ts';
import * as routes from './appointments.routes.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';

export type { AppointmentsDeps } from './appointments.handlers.ts';

/** An appointment's own actions: reschedule, cancel, status (booking and the agenda are on the visit card). */
export const appointmentsRouter = (deps: AppointmentsDeps): CrmRouter => {
  const router = createCrmRouter();
  router.openapi(routes.rescheduleAppointmentRoute, handlers.rescheduleAppointment(deps));
  router.openapi(routes.cancelAppointmentRoute, handlers.cancelAppointment(deps));
  router.openapi(routes.setAppointmentStatusRoute, handlers.setAppointmentStatus(deps));
  return router;
};
