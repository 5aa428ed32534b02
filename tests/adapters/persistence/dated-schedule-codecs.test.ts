import { describe, expect, it } from 'vitest';
import { quoteJson } from '../../../adapters/http/crm/quote.presenters.ts';
import { paymentPlanCodec } from '../../../adapters/persistence/codecs/payment-plan-codec.ts';
import { quoteCodec } from '../../../adapters/persistence/codecs/quote-codec.ts';
import { simulateQuote } from '../../../domain/quote/quote.ts';
import { defaultQuoteLabels } from '../../../domain/quote/quote-labels.ts';
import { quoteSummaryText } from '../../../domain/quote/quote-text.ts';
import { asId, type ConversationId } from '../../../domain/shared/ids.ts';
import * as samples from '../../fixtures/stored-json/samples.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A quote as version 2 stored it: rounded instalments, no delivery, no schedule. */
const v2Quote = (() => {
  const {
    schedule: _s,
    deliveryDate: _d,
    downPaymentCutOff: _c,
    ...rest
  } = throughJson(samples.quotes.withoutMortgage) as Record<string, unknown>;
  return rest;
})();

describe('dated schedules (quote version 3)', () => {
  it('writes a version after 2 (3 added the schedule)', () => {
    expect(quoteCodec.version).toBeGreaterThanOrEqual(3);
    expect(quoteCodec.encode(samples.quotes.withoutMortgage).v).toBe(quoteCodec.version);
  });

  it('gives a version 2 quote the schedule its figures meant: separation on the issue day, then monthly, deed undated', () => {
    const read = quoteCodec.decode({ v: 2, value: v2Quote });

    expect(read.deliveryDate).toBeNull();
    expect(read.downPaymentCutOff).toBeNull();
    expect(read.schedule[0]).toEqual({ kind: 'separation', dueDate: '2025-03-15', amount: read.separationFee });
    const monthly = read.schedule.filter((e) => e.kind === 'monthly');
    expect(monthly.map((e) => e.amount)).toEqual(read.instalments);
    expect(monthly.map((e) => e.dueDate).slice(0, 3)).toEqual(['2025-04-15', '2025-05-15', '2025-06-15']);
    expect(monthly.at(-1)?.dueDate).toBe('2027-03-15');
    expect(read.schedule.at(-1)).toEqual({ kind: 'deed', dueDate: null, amount: read.balanceToFinance });
    // Exactly what the domain dates today for a plan without delivery date.
    expect(read).toEqual(samples.quotes.withoutMortgage);
  });

  it('presents an old quote in the text and the API, with its dates', () => {
    const read = quoteCodec.decode({ v: 2, value: v2Quote });
    const text = quoteSummaryText(read, defaultQuoteLabels);
    expect(text).toContain('Del 15/04/2025 al 15/03/2027, una cada mes');
    expect(text).toContain('Se paga al escriturar');
    expect(text).not.toContain('Entrega prevista');
    const json = quoteJson({
      quote: read,
      visitId: null,
      conversationId: asId<ConversationId>('conversation-1'),
      pdfMediaId: null,
    });
    expect(json.schedule).toHaveLength(read.instalments.length + 2);
    expect(json.schedule.at(-1)).toMatchObject({ kind: 'deed', number: null, dueDate: null });
  });

  it('reads a dated quote back as issued', () => {
    const q = simulateQuote(
      aQuoteRequest()
        .withPlan({ deliveryDate: '2027-06-30', extraordinaryInstalments: { months: [6, 12], shareBps: 2000 } })
        .build(),
    );
    if (!q.ok) throw new Error(q.error.type);
    expect(quoteCodec.decode(throughJson(quoteCodec.encode(q.value)))).toEqual(q.value);
  });
});

describe('payment plans stored before delivery dates', () => {
  const older = throughJson(samples.paymentPlans.withMortgage);

  it('read as they were, and quote as they did: plan.instalments monthly instalments, no delivery', () => {
    for (const stored of [older, { v: 1, value: older }]) {
      const plan = paymentPlanCodec.decode(stored);
      expect(plan).toEqual(samples.paymentPlans.withMortgage);
      const q = simulateQuote({
        ...aQuoteRequest().build(),
        project: { ...aQuoteRequest().build().project, paymentPlan: plan },
      });
      expect(q.ok && [q.value.instalments.length, q.value.deliveryDate]).toEqual([24, null]);
    }
  });

  it('keep every dated field through a save', () => {
    const dated = {
      ...samples.paymentPlans.withMortgage,
      deliveryDate: '2028-06-30',
      cutOffMonthsBeforeDelivery: 2,
      minimumInstalments: 6,
      extraordinaryInstalments: { months: [6, 12], shareBps: 2500 },
    };
    expect(paymentPlanCodec.decode(throughJson(paymentPlanCodec.encode(dated)))).toEqual(dated);
    expect(paymentPlanCodec.read({ v: 1, value: { ...dated, deliveryDate: 20280630 } }).ok).toBe(false);
  });
});
