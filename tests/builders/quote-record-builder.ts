import type { QuoteRecord } from '../../application/ports/quote-repository.ts';
import { assembleSchedule, dueDateOf } from '../../domain/quote/payment-schedule.ts';
import type { Quote } from '../../domain/quote/quote.ts';
import { bogotaDateOf } from '../../domain/shared/calendar.ts';
import {
  asId,
  type ConversationId,
  type MediaId,
  type ProjectId,
  type QuoteId,
  type UnitId,
  type UnitTypeId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import { moneyOf } from '../../domain/shared/money.ts';
import { DAY_MS, type Instant } from '../../domain/shared/time.ts';
import { nextId } from './next-id.ts';

/** Figures consistent with a 30 % down payment in 24 instalments, separation credited; storage never recomputes them. */
const quoteFor = (id: QuoteId, issuedAt: Instant): Quote => ({
  id,
  number: 'COT-000001',
  version: 1,
  issuedAt,
  validUntil: issuedAt + 15 * DAY_MS,
  projectId: asId<ProjectId>('project-1'),
  projectName: 'Reserva del Parque',
  city: 'Bogotá',
  unitId: asId<UnitId>('unit-1'),
  unitCode: 'T1-502',
  unitTypeId: asId<UnitTypeId>('unit-type-1'),
  unitTypeName: 'Apartamento 2 alcobas',
  areaM2: 58,
  price: moneyOf(240_000_000),
  extras: [],
  totalPrice: moneyOf(240_000_000),
  separationFee: moneyOf(0),
  downPaymentBps: 3000,
  downPayment: moneyOf(72_000_000),
  savings: [],
  separationCredited: true,
  instalments: Array.from({ length: 24 }, () => moneyOf(3_000_000)),
  balanceToFinance: moneyOf(168_000_000),
  mortgage: null,
  deliveryDate: null,
  downPaymentCutOff: null,
  schedule: assembleSchedule({
    issuedAt,
    currency: 'COP',
    separationFee: moneyOf(0),
    monthly: Array.from({ length: 24 }, () => 3_000_000),
    monthlyDates: Array.from({ length: 24 }, (_, i) => dueDateOf(bogotaDateOf(issuedAt), i + 1)),
    extraordinary: [],
    extraordinaryDates: [],
    balance: moneyOf(168_000_000),
    deliveryDate: null,
  }),
  housingRegime: 'no_vis',
  priceRegime: { kind: 'fixed_in_pesos', cap: null },
  financing: 'housing_credit',
  savingsToConfirm: false,
});

export class QuoteRecordBuilder {
  #id: QuoteId = nextId<QuoteId>('quote');
  // Distinct by default: a number's versions are unique in storage.
  #number = `COT-${nextId('quote-number').slice('quote-number-'.length).padStart(6, '0')}`;
  #issuedAt: Instant = 0;
  #conversationId = asId<ConversationId>('conversation-1');
  #visitId: VisitId | null = null;
  #pdfMediaId: MediaId | null = null;
  #version = 1;

  withId(id: string): this {
    this.#id = asId<QuoteId>(id);
    return this;
  }

  numbered(number: string): this {
    this.#number = number;
    return this;
  }

  /** The quote's `version` of its number (1 by default). */
  versioned(version: number): this {
    this.#version = version;
    return this;
  }

  issuedAt(at: Instant): this {
    this.#issuedAt = at;
    return this;
  }

  inConversation(conversationId: string): this {
    this.#conversationId = asId<ConversationId>(conversationId);
    return this;
  }

  forVisit(visitId: string | null): this {
    this.#visitId = visitId === null ? null : asId<VisitId>(visitId);
    return this;
  }

  withPdf(mediaId: string | null): this {
    this.#pdfMediaId = mediaId === null ? null : asId<MediaId>(mediaId);
    return this;
  }

  build(): QuoteRecord {
    return {
      quote: { ...quoteFor(this.#id, this.#issuedAt), number: this.#number, version: this.#version },
      conversationId: this.#conversationId,
      visitId: this.#visitId,
      pdfMediaId: this.#pdfMediaId,
    };
  }
}

export const aQuoteRecord = (): QuoteRecordBuilder => new QuoteRecordBuilder();
