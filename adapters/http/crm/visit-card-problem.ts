import type { Context } from 'hono';
import type { AuthoriseReservationError } from '../../../application/use-cases/authorise-reservation.ts';
import type { ChangeVisitStageError } from '../../../application/use-cases/change-visit-stage.ts';
import type { ListAgendaError } from '../../../application/use-cases/list-agenda.ts';
import type { ReserveUnitError } from '../../../application/use-cases/reserve-unit.ts';
import type { ScheduleAppointmentError } from '../../../application/use-cases/schedule-appointment.ts';
import { problem } from '../problem.ts';
import type { CrmProblemResponse } from './crm-problem.ts';

export type VisitCardError = ChangeVisitStageError | ScheduleAppointmentError | ListAgendaError | ReserveUnitError | AuthoriseReservationError;

const unreachable = (error: never): never => {
  throw new Error(`unmapped visit-card error: ${JSON.stringify(error)}`);
};

/** Every error of the visit card's actions as problem+json with a stable `code`; a new error type fails to compile here. */
export const visitCardProblem = (c: Context, error: VisitCardError): CrmProblemResponse => answer(c, error) as unknown as CrmProblemResponse;

const answer = (c: Context, error: VisitCardError) => {
  switch (error.type) {
    case 'VisitNotFound':
      return problem(c, 404, 'visit_not_found', 'Not Found', `There is no visit ${error.visitId}.`);
    case 'UnitNotFound':
      return problem(c, 404, 'unit_not_found', 'Not Found', `The visit's project has no unit ${error.unitId}.`);
    case 'ReservationNotFound':
      return problem(c, 404, 'reservation_not_found', 'Not Found', `There is no reservation ${error.reservationId}.`);
    case 'AdvisorNotFound':
      return problem(c, 404, 'advisor_not_found', 'Not Found', `There is no active user ${error.advisorId}.`);
    case 'AdvisorNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', 'An advisor can only book appointments in their own agenda.');
    case 'AgendaNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', 'An advisor can only see their own agenda.');
    case 'AuthorisationNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', 'Only managers and admins authorise reservations.');
    case 'InvalidStageTransition':
      return problem(c, 409, 'invalid_stage_transition', 'Conflict', `A visit cannot move from ${error.from} to ${error.to}.`, { from: error.from, to: error.to });
    case 'StageSetByReservation':
      return problem(c, 422, 'stage_set_by_reservation', 'Invalid stage', `The stage ${error.stage} follows a reservation.`);
    case 'AppointmentOverlaps':
      return problem(c, 409, 'appointment_overlaps', 'Conflict', `The advisor already has an appointment then.`, { appointmentId: error.appointmentId });
    case 'UnitNotAvailable':
      return problem(c, 409, 'unit_not_available', 'Conflict', `The unit ${error.unitId} is not available.`);
    case 'ReservationNotRequested':
      return problem(c, 409, 'reservation_not_requested', 'Conflict', `The reservation is ${error.status}.`, { status: error.status });
    case 'InvalidAppointmentTime':
      return problem(c, 422, 'invalid_appointment_time', 'Invalid appointment time',
        error.reason === 'too_long' ? 'An appointment lasts at most 4 hours.' : 'An appointment ends after it starts.');
    case 'AdvisorRequired':
      return problem(c, 422, 'advisor_required', 'Advisor required', 'Name the advisor (`advisorId`).');
    case 'InvalidAgendaRange':
      return problem(c, 422, 'invalid_agenda_range', 'Invalid range', '`to` must follow `from`, at most 92 days later.');
    default:
      return unreachable(error);
  }
};
