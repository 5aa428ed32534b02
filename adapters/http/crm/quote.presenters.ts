import type { QuoteRecord } from '../../../application/ports/quote-repository.ts';
import { quoteReference } from '../../../domain/quote/quote.ts';
import { instalmentRuns } from '../../../domain/quote/quote-text.ts';
import { formatMoney, type Money } from '../../../domain/shared/money.ts';
import { iso } from './leads.presenters.ts';

const moneyJson = (m: Money) => ({ amount: m.amount, currency: m.currency, formatted: formatMoney(m) });

/**
 * A stored quote as the visit card shows it: every figure, with amounts in minor units and formatted; `superseded`
 * when a newer version of it exists.
 */
export const quoteJson = ({ quote: q, visitId, conversationId, pdfMediaId }: QuoteRecord, superseded = false) => ({
  id: q.id,
  number: q.number,
  version: q.version,
  reference: quoteReference(q),
  superseded,
  visitId,
  conversationId,
  issuedAt: iso(q.issuedAt),
  validUntil: iso(q.validUntil),
  projectId: q.projectId,
  projectName: q.projectName,
  city: q.city,
  unitId: q.unitId,
  unitCode: q.unitCode,
  unitTypeId: q.unitTypeId,
  unitTypeName: q.unitTypeName,
  areaM2: q.areaM2,
  price: moneyJson(q.price),
  extras: q.extras.map((e) => ({
    extraId: e.extraId,
    kind: e.kind,
    label: e.label,
    price: moneyJson(e.price),
    included: e.included,
  })),
  totalPrice: moneyJson(q.totalPrice),
  separationFee: moneyJson(q.separationFee),
  separationCredited: q.separationCredited,
  downPaymentBps: q.downPaymentBps,
  downPayment: moneyJson(q.downPayment),
  savings: q.savings.map((s) => ({ kind: s.kind, label: s.label, amount: moneyJson(s.amount) })),
  savingsToConfirm: q.savingsToConfirm,
  instalments: instalmentRuns(q.instalments).map((r) => ({ count: r.count, amount: moneyJson(r.amount) })),
  balanceToFinance: moneyJson(q.balanceToFinance),
  mortgage:
    q.mortgage === null
      ? null
      : {
          annualRateBps: q.mortgage.annualRateBps,
          rateBasis: q.mortgage.rateBasis,
          nominalMonthlyBps: q.mortgage.nominalMonthlyBps,
          years: q.mortgage.years,
          monthlyPayment: moneyJson(q.mortgage.monthlyPayment),
          minimumIncome: q.mortgage.minimumIncome === null ? null : moneyJson(q.mortgage.minimumIncome),
        },
  deliveryDate: q.deliveryDate,
  downPaymentCutOff: q.downPaymentCutOff,
  schedule: q.schedule.map((e) => ({
    kind: e.kind,
    number: e.kind === 'monthly' || e.kind === 'extraordinary' ? e.number : null,
    dueDate: e.dueDate,
    amount: moneyJson(e.amount),
  })),
  housingRegime: q.housingRegime,
  priceRegime:
    q.priceRegime === null
      ? null
      : {
          kind: q.priceRegime.kind,
          cap:
            q.priceRegime.cap === null
              ? null
              : {
                  ...q.priceRegime.cap,
                  smmlv: moneyJson(q.priceRegime.cap.smmlv),
                  cap: moneyJson(q.priceRegime.cap.cap),
                },
        },
  financing: q.financing,
  pdfMediaId,
});
