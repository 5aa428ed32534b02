import type { Lead, Visit } from '../../domain/lead/lead.ts';
import type { Appointment, AppointmentId } from '../../domain/visit/appointment.ts';
import type { Actor } from '../ports/actor.ts';
import type { AppointmentChange, DeskEvent } from '../ports/events.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { visibleVisit } from './visit-access.ts';

export type AppointmentNotFound = { readonly type: 'AppointmentNotFound'; readonly appointmentId: AppointmentId };

/**
 * The appointment, locked for the change, with its visit and lead if the actor may act on it as on the visit
 * (the lead's advisor, managers and admins), else `null`: another advisor's is "not found", as every other read.
 */
export const visibleAppointment = async (
  repos: Repositories,
  actor: Actor,
  appointmentId: AppointmentId,
): Promise<{ appointment: Appointment; visit: Visit; lead: Lead } | null> => {
  const appointment = await repos.appointments.byIdForUpdate(appointmentId);
  if (appointment === null) return null;
  const found = await visibleVisit(repos, actor, appointment.visitId);
  return found === null ? null : { appointment, ...found };
};

/** The live event for a change to `appointment`. */
export const appointmentChanged = (appointment: Appointment, change: AppointmentChange): DeskEvent => ({
  type: 'appointment_changed',
  leadId: appointment.leadId,
  visitId: appointment.visitId,
  appointmentId: appointment.id,
  advisorId: appointment.advisorId,
  status: appointment.status,
  change,
});
