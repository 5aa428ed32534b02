import type { Unit } from '../catalog/catalog.ts';
import type { VisitStage } from '../lead/lead.ts';
import type { Quote } from '../quote/quote.ts';
import { isoDateOf, parseIsoDate, type IsoDate } from '../shared/calendar.ts';
import type { Branded, LeadId, QuoteId, UnitId, VisitId } from '../shared/ids.ts';
import type { Money } from '../shared/money.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { DAY_MS, type Instant } from '../shared/time.ts';

export type ReservationId = Branded<string, 'ReservationId'>;

/**
 * requested → authorised (a manager approves the separation) → confirmed (the promesa is signed: the unit is sold);
 * requested or authorised → cancelled, or expired when the promesa is not signed in time. Withdrawing a visit
 * (desistido) cancels even a confirmed one.
 */
export type ReservationStatus = 'requested' | 'authorised' | 'confirmed' | 'cancelled' | 'expired';

/** The quote whose price the separation freezes, as it was issued. */
export type FrozenQuote = {
  readonly quoteId: QuoteId;
  readonly number: string;
  readonly version: number;
  readonly price: Money;
};

/** The separation payment (cuota de separación) the lead made, as the sales room recorded it. */
export type SeparationPayment = {
  readonly amount: Money;
  readonly paidOn: IsoDate;
  /** The bank transfer's or receipt's reference; null when there is none (cash). */
  readonly reference: string | null;
};

/** A unit separated for a visit until the promesa is signed, the reservation cancelled, or it expires. */
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
  /** Null when the visit had no quote for the unit. */
  readonly quote: FrozenQuote | null;
  readonly payment: SeparationPayment | null;
  /** The unit is released at this time unless the promesa was signed. */
  readonly expiresAt: Instant;
  /** The visit's stage when the unit was reserved (where it may go back to). */
  readonly stageBefore: VisitStage;
};

export const DEFAULT_RESERVATION_DAYS = 8;
export const MAX_RESERVATION_DAYS = 90;

export type UnitNotAvailable = { readonly type: 'UnitNotAvailable'; readonly unitId: UnitId };
export type ReservationNotRequested = {
  readonly type: 'ReservationNotRequested';
  readonly reservationId: ReservationId;
  readonly status: ReservationStatus;
};
/** Cancelled or expired, or the promesa signed: nothing more is done with it (withdraw the visit instead). */
export type ReservationClosed = {
  readonly type: 'ReservationClosed';
  readonly reservationId: ReservationId;
  readonly status: ReservationStatus;
};

/** A reservation holds its unit until it is cancelled or expires. */
export const isActive = (r: Reservation): boolean =>
  r.status === 'requested' || r.status === 'authorised' || r.status === 'confirmed';

/** Still waiting for the promesa: it may be cancelled, and it expires. */
export const isOpen = (r: Reservation): r is Reservation & { status: 'requested' | 'authorised' } =>
  r.status === 'requested' || r.status === 'authorised';

/** Open and past its expiry: the unit is released (even before the worker notices). */
export const isDue = (r: Reservation, now: Instant): boolean => isOpen(r) && r.expiresAt <= now;

/** When a reservation made at `at` expires, `days` later. */
export const expiryOf = (at: Instant, days: number): Instant => at + days * DAY_MS;

/** What a reservation keeps of the quote it freezes. */
export const frozen = (quote: Quote): FrozenQuote => ({
  quoteId: quote.id,
  number: quote.number,
  version: quote.version,
  price: quote.price,
});

/** available → reserved. */
export const holdUnit = (unit: Unit): Result<Unit, UnitNotAvailable> =>
  unit.status === 'available'
    ? ok({ ...unit, status: 'reserved' })
    : err({ type: 'UnitNotAvailable', unitId: unit.id });

/** reserved → sold, when the promesa is signed. */
export const sellUnit = (unit: Unit): Unit => ({ ...unit, status: 'sold' });

/** reserved (or sold, when a buyer withdraws) → available. */
export const releaseUnit = (unit: Unit): Unit => ({ ...unit, status: 'available' });

/** requested → authorised, by a manager, before it expires. */
export const authorise = (r: Reservation, by: string, at: Instant): Result<Reservation, ReservationNotRequested> => {
  if (r.status !== 'requested' || isDue(r, at))
    return err({ type: 'ReservationNotRequested', reservationId: r.id, status: isDue(r, at) ? 'expired' : r.status });
  return ok({ ...r, status: 'authorised', authorisedBy: by, authorisedAt: at });
};

const closed = (r: Reservation): ReservationClosed => ({
  type: 'ReservationClosed',
  reservationId: r.id,
  status: r.status,
});

/** requested or authorised → cancelled: the lead changed their mind before signing the promesa. */
export const cancel = (r: Reservation): Result<Reservation, ReservationClosed> =>
  isOpen(r) ? ok({ ...r, status: 'cancelled' }) : err(closed(r));

/** requested or authorised → expired, once past `expiresAt`. */
export const expire = (r: Reservation, now: Instant): Result<Reservation, ReservationClosed> =>
  isDue(r, now) ? ok({ ...r, status: 'expired' }) : err(closed(r));

/** authorised → confirmed: the promesa is signed (the unit is sold). */
export const confirm = (r: Reservation): Reservation => ({ ...r, status: 'confirmed' });

/** Any active → cancelled, when the visit is withdrawn or lost. */
export const withdraw = (r: Reservation): Reservation => ({ ...r, status: 'cancelled' });

/** Records (or corrects) the separation payment of a reservation still active. */
export const withPayment = (r: Reservation, payment: SeparationPayment): Result<Reservation, ReservationClosed> =>
  isActive(r) ? ok({ ...r, payment }) : err(closed(r));

export type InvalidSeparationPayment = {
  readonly type: 'InvalidSeparationPayment';
  readonly reason: 'amount' | 'currency' | 'date' | 'reference';
};

/**
 * A payment in the unit's currency, of a positive amount, paid on a real calendar day no later than `today`
 * (Bogotá), with a reference of at most 100 characters when there is one.
 */
export const separationPayment = (
  payment: SeparationPayment,
  unit: Pick<Unit, 'price'>,
  today: IsoDate,
): Result<SeparationPayment, InvalidSeparationPayment> => {
  const bad = (reason: InvalidSeparationPayment['reason']) =>
    err({ type: 'InvalidSeparationPayment', reason } as const);
  if (!Number.isSafeInteger(payment.amount.amount) || payment.amount.amount <= 0) return bad('amount');
  if (payment.amount.currency !== unit.price.currency) return bad('currency');
  const day = parseIsoDate(payment.paidOn);
  if (day === null || isoDateOf(day) > today) return bad('date');
  const reference = payment.reference?.trim() ?? '';
  if (reference.length > 100) return bad('reference');
  return ok({ ...payment, paidOn: isoDateOf(day), reference: reference === '' ? null : reference });
};
