import type { VisitStage } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type UnitId, type VisitId } from '../../domain/shared/ids.ts';
import { DAY_MS, type Instant } from '../../domain/shared/time.ts';
import type {
  FrozenQuote,
  Reservation,
  ReservationId,
  ReservationStatus,
  SeparationPayment,
} from '../../domain/visit/reservation.ts';
import { nextId } from './next-id.ts';

export class ReservationBuilder {
  #r: Reservation = {
    id: nextId<ReservationId>('resv'),
    unitId: asId<UnitId>('unit-1'),
    visitId: asId<VisitId>('visit-1'),
    leadId: asId<LeadId>('lead-1'),
    status: 'requested',
    requestedBy: 'u-ana',
    authorisedBy: null,
    createdAt: 0,
    authorisedAt: null,
    quote: null,
    payment: null,
    expiresAt: 8 * DAY_MS,
    stageBefore: 'contacted',
  };

  withId(id: string): this {
    return this.#set({ id: asId<ReservationId>(id) });
  }

  ofUnit(unitId: string): this {
    return this.#set({ unitId: asId<UnitId>(unitId) });
  }

  forVisit(visitId: string, leadId: string): this {
    return this.#set({ visitId: asId<VisitId>(visitId), leadId: asId<LeadId>(leadId) });
  }

  withStatus(status: ReservationStatus): this {
    return this.#set({ status });
  }

  /** Made at `at`, expiring `days` later. */
  madeAt(at: Instant, days = 8): this {
    return this.#set({ createdAt: at, expiresAt: at + days * DAY_MS });
  }

  withQuote(quote: FrozenQuote): this {
    return this.#set({ quote });
  }

  withPayment(payment: SeparationPayment): this {
    return this.#set({ payment });
  }

  reservedFrom(stage: VisitStage): this {
    return this.#set({ stageBefore: stage });
  }

  build(): Reservation {
    return this.#r;
  }

  #set(patch: Partial<Reservation>): this {
    this.#r = { ...this.#r, ...patch };
    return this;
  }
}

export const aReservation = () => new ReservationBuilder();
