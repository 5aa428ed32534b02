import { createRoute } from '@hono/zod-openapi';
import { authResponses, problemResponse } from './crm-responses.ts';
import { AppointmentIdParam, AppointmentStatusBody, RescheduleBody } from './appointments.schemas.ts';
import { AppointmentSchema } from './visit-card.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });
const notFound = problemResponse(
  'No such appointment, or not one of the caller’s leads’ (`appointment_not_found`); its advisor is gone (`advisor_not_found`).',
);
const who = 'The lead’s advisor, managers and admins (as for every visit action).';

export const rescheduleAppointmentRoute = createRoute({
  method: 'post',
  path: '/appointments/{id}/reschedule',
  tags: ['Appointments'],
  summary: 'Move a scheduled or confirmed appointment to another time; it is scheduled again, with a new reminder',
  description:
    `${who} The new slot is checked as a new booking: not started, inside the advisor’s working hours, not ` +
    'overlapping another of their active appointments (it may overlap its own old slot). The old reminder is ' +
    'replaced by one before the new time, even if it was already sent.',
  request: { params: AppointmentIdParam, body: { required: true, content: json(RescheduleBody) } },
  responses: {
    200: { description: 'Moved', content: json(AppointmentSchema) },
    ...authResponses,
    404: notFound,
    409: problemResponse(
      'The advisor has an overlapping appointment (`appointment_overlaps`), or the appointment is done, missed or ' +
        'cancelled (`invalid_appointment_transition`).',
    ),
    422: problemResponse(
      'Invalid input (`validation_failed`, `invalid_appointment_time`, `appointment_in_past`, `outside_working_hours`).',
    ),
  },
});

export const cancelAppointmentRoute = createRoute({
  method: 'post',
  path: '/appointments/{id}/cancel',
  tags: ['Appointments'],
  summary: 'Cancel a scheduled or confirmed appointment: its slot is free again and no reminder is sent',
  description: `${who} The same as setting the status to \`cancelled\`.`,
  request: { params: AppointmentIdParam },
  responses: {
    200: { description: 'Cancelled', content: json(AppointmentSchema) },
    ...authResponses,
    404: notFound,
    409: problemResponse('Already done, missed or cancelled (`invalid_appointment_transition`).'),
  },
});

export const setAppointmentStatusRoute = createRoute({
  method: 'patch',
  path: '/appointments/{id}/status',
  tags: ['Appointments'],
  summary: 'Set an appointment’s status: confirmed, done, no_show or cancelled (valid transitions only)',
  description: `${who} A reminder still waiting is dropped once the appointment is done, missed or cancelled.`,
  request: { params: AppointmentIdParam, body: { required: true, content: json(AppointmentStatusBody) } },
  responses: {
    200: { description: 'The appointment in its new status', content: json(AppointmentSchema) },
    ...authResponses,
    404: notFound,
    409: problemResponse(
      'Not a valid move from the current status (`invalid_appointment_transition`), or done/no_show before the ' +
        'appointment starts (`appointment_not_started`).',
    ),
    422: problemResponse('Invalid body (`validation_failed`).'),
  },
});
