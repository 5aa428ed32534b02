import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from './crm-auth.ts';
import { authResponses, problemResponse, roleResponses } from './crm-responses.ts';
import {
  AgendaQuery,
  AppointmentSchema,
  IdParam,
  NewAppointmentBody,
  NewReservationBody,
  ReservationSchema,
  SeparationPaymentSchema,
  StageBody,
  VisitBodySchema,
  VisitCardSchema,
} from './visit-card.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });
const visitNotFound = problemResponse('No such visit, or not one of the caller’s leads (`visit_not_found`).');
const invalid = (codes: string) => problemResponse(`Invalid input (\`validation_failed\`${codes}).`);

export const getVisitCardRoute = createRoute({
  method: 'get',
  path: '/visits/{id}',
  tags: ['Visit card'],
  summary: 'The visit card: funnel stage, the project’s units with status, appointments and reservations',
  request: { params: IdParam },
  responses: { 200: { description: 'The card', content: json(VisitCardSchema) }, ...authResponses, 404: visitNotFound },
});

export const changeStageRoute = createRoute({
  method: 'patch',
  path: '/visits/{id}/stage',
  tags: ['Visit card'],
  summary: 'Move the visit along the funnel (valid transitions only)',
  request: { params: IdParam, body: { required: true, content: json(StageBody) } },
  responses: {
    200: { description: 'The moved visit', content: json(VisitBodySchema) },
    ...authResponses,
    404: visitNotFound,
    409: problemResponse(
      'Not a valid move from the current stage (`invalid_stage_transition`), e.g. `promise` while the reservation is not authorised.',
    ),
    422: invalid(', `stage_set_by_reservation`'),
  },
});

export const scheduleAppointmentRoute = createRoute({
  method: 'post',
  path: '/visits/{id}/appointments',
  tags: ['Appointments'],
  summary: 'Schedule an appointment with the lead (at most 4 h; never overlapping the advisor’s others)',
  description:
    'The slot must not have started and must lie inside one span of the advisor’s working hours (their own, ' +
    'else the desk’s: Monday to Friday 08:00–18:00, Saturday 08:00–13:00, Bogotá time; Sundays and Colombian public ' +
    'holidays closed). The appointment starts `scheduled`, with a reminder to the lead due ' +
    '`APPOINTMENT_REMINDER_BEFORE_MINUTES` before it (24 h by default).',
  request: { params: IdParam, body: { required: true, content: json(NewAppointmentBody) } },
  responses: {
    201: { description: 'Booked', content: json(AppointmentSchema) },
    ...roleResponses,
    404: problemResponse('Unknown visit or advisor (`visit_not_found`, `advisor_not_found`).'),
    409: problemResponse('The advisor has an overlapping appointment (`appointment_overlaps`).'),
    422: invalid(', `invalid_appointment_time`, `appointment_in_past`, `outside_working_hours`, `advisor_required`'),
  },
});

export const agendaRoute = createRoute({
  method: 'get',
  path: '/agenda',
  tags: ['Appointments'],
  summary: 'An advisor’s appointments overlapping [from, to), by start, whatever their status',
  request: { query: AgendaQuery },
  responses: {
    200: { description: 'The agenda', content: json(z.object({ items: z.array(AppointmentSchema) })) },
    ...roleResponses,
    422: invalid(', `invalid_agenda_range`, `advisor_required`'),
  },
});

export const reserveUnitRoute = createRoute({
  method: 'post',
  path: '/visits/{id}/reservations',
  tags: ['Reservations'],
  summary: 'Separate an available unit of the visit’s project; unit and visit become reserved (separado)',
  description:
    'The reservation freezes the quote given (`quoteId`), else the visit’s newest quote for the unit, and expires ' +
    '`reservationExpiryDays` (settings, 8 by default) from now unless the promesa is signed (the visit moves to ' +
    '`promise`); an expired one is released by a background worker and the lead’s advisor hears `reservation_expired`. ' +
    'The separation payment may be given now or recorded later (`PUT /reservations/{id}/payment`).',
  request: { params: IdParam, body: { required: true, content: json(NewReservationBody) } },
  responses: {
    201: { description: 'Requested', content: json(ReservationSchema) },
    ...authResponses,
    404: problemResponse('Unknown visit or unit (`visit_not_found`, `unit_not_found`).'),
    409: problemResponse(
      'The unit is not available (`unit_not_available`), the visit already holds an active reservation (`visit_already_reserved`: cancel it first), the visit cannot be reserved (`invalid_stage_transition`: from `quoted` or before only) or the quote named has a newer version (`quote_superseded`).',
    ),
    422: invalid(', `quote_not_for_unit`, `invalid_separation_payment`'),
  },
});

export const cancelReservationRoute = createRoute({
  method: 'post',
  path: '/reservations/{id}/cancel',
  tags: ['Reservations'],
  summary:
    'Cancel a reservation before the promesa (requested or authorised): the unit is available again and the visit goes back (quoted if it has quotes, else appointment if it had one, else the stage it reserved from)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Cancelled', content: json(ReservationSchema) },
    ...authResponses,
    404: problemResponse('No such reservation, or not one of your leads’ (`reservation_not_found`).'),
    409: problemResponse(
      'Already cancelled or expired, or the promesa is signed (`reservation_closed`: withdraw the visit instead).',
    ),
  },
});

export const authoriseReservationRoute = createRoute({
  method: 'post',
  path: '/reservations/{id}/authorise',
  tags: ['Reservations'],
  summary:
    'Authorise a requested reservation (managers and admins): the unit stays separated until the visit moves to promise',
  middleware: [requireRole('manager', 'admin')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'Authorised', content: json(ReservationSchema) },
    ...roleResponses,
    404: problemResponse('No such reservation (`reservation_not_found`).'),
    409: problemResponse('Not a requested reservation, or past its expiry (`reservation_not_requested`).'),
  },
});

export const recordPaymentRoute = createRoute({
  method: 'put',
  path: '/reservations/{id}/payment',
  tags: ['Reservations'],
  summary: 'Record (or correct) the separation payment of an active reservation',
  request: { params: IdParam, body: { required: true, content: json(SeparationPaymentSchema) } },
  responses: {
    200: { description: 'The reservation with its payment', content: json(ReservationSchema) },
    ...authResponses,
    404: problemResponse('No such reservation, or not one of your leads’ (`reservation_not_found`).'),
    409: problemResponse('Cancelled or expired (`reservation_closed`).'),
    422: invalid(', `invalid_separation_payment`'),
  },
});
