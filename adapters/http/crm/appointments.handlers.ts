import type { ChangeAppointmentStatus } from '../../../application/use-cases/change-appointment-status.ts';
import type { RescheduleAppointment } from '../../../application/use-cases/reschedule-appointment.ts';
import { asId } from '../../../domain/shared/ids.ts';
import type { AppointmentId } from '../../../domain/visit/appointment.ts';
import type * as routes from './appointments.routes.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import { appointmentBody } from './visit-card.schemas.ts';

/** What the appointment routes need: their use cases. */
export type AppointmentsDeps = {
  readonly rescheduleAppointment: Pick<RescheduleAppointment, 'execute'>;
  readonly changeAppointmentStatus: Pick<ChangeAppointmentStatus, 'execute'>;
};

export const rescheduleAppointment =
  (deps: AppointmentsDeps): CrmHandler<typeof routes.rescheduleAppointmentRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const result = await deps.rescheduleAppointment.execute({
      actor: c.get('actor'),
      appointmentId: asId<AppointmentId>(c.req.valid('param').id),
      startsAt: Date.parse(body.startsAt),
      endsAt: Date.parse(body.endsAt),
    });
    return result.ok ? c.json(appointmentBody(result.value), 200) : crmProblem(c, result.error);
  };

export const cancelAppointment =
  (deps: AppointmentsDeps): CrmHandler<typeof routes.cancelAppointmentRoute> =>
  async (c) => {
    const result = await deps.changeAppointmentStatus.execute({
      actor: c.get('actor'),
      appointmentId: asId<AppointmentId>(c.req.valid('param').id),
      status: 'cancelled',
    });
    return result.ok ? c.json(appointmentBody(result.value), 200) : crmProblem(c, result.error);
  };

export const setAppointmentStatus =
  (deps: AppointmentsDeps): CrmHandler<typeof routes.setAppointmentStatusRoute> =>
  async (c) => {
    const result = await deps.changeAppointmentStatus.execute({
      actor: c.get('actor'),
      appointmentId: asId<AppointmentId>(c.req.valid('param').id),
      status: c.req.valid('json').status,
    });
    return result.ok ? c.json(appointmentBody(result.value), 200) : crmProblem(c, result.error);
  };
