import type { Unit } from '../catalog/catalog.ts';
import type { Branded, LeadId, UnitId, VisitId } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { Instant } from '../shared/time.ts';

export type ReservationId = Branded<string, 'ReservationId'>;
export type ReservationStatus = 'requested' | 'authorised' | 'cancelled';

/** A unit held for a visit until a manager authorises the sale (or it is cancelled). */
export type Reservation = {
  readonly id: ReservationId;
  readonly unitId: UnitId;
  readonly visitId: VisitId;
  readonly leadId: LeadId;
  readonly status: ReservationStatus;
  /** The user who asked for it (`bootstrap-admin` for the deployment's admin key). */
  readonly requestedBy: string;
  readonly authorisedBy: string | null;
  readonly createdAt: Instant;
  readonly authorisedAt: Instant | null;
};

export type UnitNotAvailable = { readonly type: 'UnitNotAvailable'; readonly unitId: UnitId };
export type ReservationNotRequested = {
  readonly type: 'ReservationNotRequested';
  readonly reservationId: ReservationId;
  readonly status: ReservationStatus;
};

/** A reservation holds its unit until cancelled. */
export const isActive = (r: Reservation): boolean => r.status !== 'cancelled';

/** available → reserved. */
export const holdUnit = (unit: Unit): Result<Unit, UnitNotAvailable> =>
  unit.status === 'available'
    ? ok({ ...unit, status: 'reserved' })
    : err({ type: 'UnitNotAvailable', unitId: unit.id });

/** reserved → sold, on authorisation. */
export const sellUnit = (unit: Unit): Unit => ({ ...unit, status: 'sold' });

/** reserved → available, on cancellation. */
export const releaseUnit = (unit: Unit): Unit => ({ ...unit, status: 'available' });

/** requested → authorised, by a manager. */
export const authorise = (r: Reservation, by: string, at: Instant): Result<Reservation, ReservationNotRequested> =>
  r.status === 'requested'
    ? ok({ ...r, status: 'authorised', authorisedBy: by, authorisedAt: at })
    : err({ type: 'ReservationNotRequested', reservationId: r.id, status: r.status });

/** requested → cancelled. */
export const cancel = (r: Reservation): Result<Reservation, ReservationNotRequested> =>
  r.status === 'requested'
    ? ok({ ...r, status: 'cancelled' })
    : err({ type: 'ReservationNotRequested', reservationId: r.id, status: r.status });
