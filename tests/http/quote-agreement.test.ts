import { describe, expect, it } from 'vitest';
import { textOf } from '../../adapters/whatsapp/fake/sent-message.ts';
import { demoCatalog } from '../../bootstrap/demo/demo-catalog.ts';
import { referenceUnit } from '../../domain/catalog/search.ts';
import { type Quote, simulateQuote } from '../../domain/quote/quote.ts';
import { formatDateCo, formatIsoDateCo, formatPercentBps } from '../../domain/quote/quote-text.ts';
import { asId, type QuoteId, type UnitTypeId } from '../../domain/shared/ids.ts';
import { formatMoney, type Money } from '../../domain/shared/money.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { chatToolsRouter } from '../support/chat-tools-routes.ts';
import { startDesk } from '../support/desk-harness.ts';
import { pdfStrings } from '../support/pdf-text.ts';

const PHONE = '+573007770041';

type MoneyJson = { amount: number; currency: string; formatted: string };
type QuoteJson = {
  id: string;
  number: string;
  issuedAt: string;
  validUntil: string;
  price: MoneyJson;
  separationFee: MoneyJson;
  downPayment: MoneyJson;
  balanceToFinance: MoneyJson;
  deliveryDate: string | null;
  mortgage: { monthlyPayment: MoneyJson; minimumIncome: MoneyJson | null } | null;
  schedule: { kind: string; dueDate: string | null; amount: MoneyJson }[];
  pdfMediaId: string;
};

/** The demo's first project, quoted from its cheapest available two-bedroom flat. */
const projectId = 'p-bog-1';
const unitTypeId = asId<UnitTypeId>('p-bog-1-t1');

/**
 * The figures a buyer must read identically everywhere, computed once from the catalogue: the domain's quote for the
 * same unit, number and day, and a plain-arithmetic check of its headline figures (so a shared bug in the domain
 * would not pass unseen).
 */
const expectedFigures = (created: QuoteJson): { quote: Quote; shown: string[] } => {
  const project = demoCatalog.projects.find((p) => p.id === projectId);
  const unitType = demoCatalog.unitTypes.find((t) => t.id === unitTypeId);
  const unit = referenceUnit(demoCatalog, unitTypeId);
  if (project === undefined || unitType === undefined || unit === null) throw new Error('demo catalogue changed');
  const simulated = simulateQuote({
    id: asId<QuoteId>(created.id),
    number: created.number,
    issuedAt: Date.parse(created.issuedAt),
    project,
    unitType,
    unit,
  });
  if (!simulated.ok) throw new Error(simulated.error.type);
  const quote = simulated.value;
  const plan = project.paymentPlan;

  // Independent arithmetic: the down payment's share, the balance, the E.A. annuity rounded up to the peso.
  expect(quote.downPayment.amount).toBe(Math.round((unit.price.amount * plan.downPaymentBps) / 10_000));
  expect(quote.balanceToFinance.amount).toBe(unit.price.amount - quote.downPayment.amount);
  if (plan.mortgage !== null) {
    const i = (1 + plan.mortgage.annualRateBps / 10_000) ** (1 / 12) - 1;
    const n = plan.mortgage.years * 12;
    const annuity = (quote.balanceToFinance.amount * i) / (1 - (1 + i) ** -n);
    expect(quote.mortgage?.monthlyPayment.amount).toBeGreaterThanOrEqual(annuity - 1e-6);
    expect(quote.mortgage?.monthlyPayment.amount).toBeLessThan(annuity + 1);
  }
  const paidInInstalments = quote.schedule.filter((e) => e.kind === 'monthly' || e.kind === 'extraordinary');
  const credited = plan.separationCreditedToDownPayment ? plan.separationFee.amount : 0;
  expect(paidInInstalments.reduce((a, e) => a + e.amount.amount, 0)).toBe(quote.downPayment.amount - credited);

  const money = (m: Money | undefined | null): string[] => (m == null ? [] : [formatMoney(m)]);
  const instalmentAmounts = [...new Set(paidInInstalments.map((e) => formatMoney(e.amount)))];
  return {
    quote,
    shown: [
      quote.number,
      formatDateCo(quote.issuedAt),
      formatDateCo(quote.validUntil),
      ...money(quote.price),
      ...money(quote.separationFee),
      ...money(quote.downPayment),
      formatPercentBps(quote.downPaymentBps),
      ...instalmentAmounts,
      ...money(quote.balanceToFinance),
      ...(quote.deliveryDate === null ? [] : [formatIsoDateCo(quote.deliveryDate)]),
      ...(quote.mortgage === null
        ? []
        : [
            ...money(quote.mortgage.monthlyPayment),
            ...money(quote.mortgage.minimumIncome),
            `${formatPercentBps(quote.mortgage.annualRateBps)} E.A.`,
            `${formatPercentBps(quote.mortgage.nominalMonthlyBps)} N.M.V.`,
          ]),
    ],
  };
};

describe('one quote, three faces: the WhatsApp text, the PDF and the CRM API agree on every figure', () => {
  it('shows the same figures in POST /visits/{id}/quotes, the summary sent to the lead and the PDF', async () => {
    const desk = await startDesk();
    const { lead } = await registerThroughBot(desk, PHONE, 'Andrés Molina');
    await desk.idle();
    const { as } = chatToolsRouter(desk);
    const advisor = lead.advisorId ?? 'u-ana';
    const visit = (await (await as('admin').post(`/leads/${lead.id}/visits`, { projectId })).json()) as {
      id: string;
    };
    const response = await as(advisor).post(`/visits/${visit.id}/quotes`, { unitTypeId });
    const created = (await response.json()) as QuoteJson;
    expect((await as(advisor).post(`/quotes/${created.id}/send`, {})).status).toBe(202);
    await desk.idle();
    const [sentText] = desk.whatsapp.sentTo(PHONE).slice(-2);
    const text = textOf(sentText?.content ?? { kind: 'text', body: '' });
    const pdf = await desk.media.get(asId(created.pdfMediaId));
    const pdfText = (await pdfStrings(pdf?.bytes ?? new Uint8Array())).flat();

    const { quote, shown } = expectedFigures(created);

    expect(response.status).toBe(201);
    // The API: every amount in minor units, as the domain computed it.
    expect(created).toMatchObject({
      price: { amount: quote.price.amount, formatted: formatMoney(quote.price) },
      separationFee: { amount: quote.separationFee.amount },
      downPayment: { amount: quote.downPayment.amount },
      balanceToFinance: { amount: quote.balanceToFinance.amount },
      deliveryDate: quote.deliveryDate,
      mortgage:
        quote.mortgage === null
          ? null
          : {
              monthlyPayment: { amount: quote.mortgage.monthlyPayment.amount },
              minimumIncome: { amount: quote.mortgage.minimumIncome?.amount },
            },
    });
    expect(created.schedule.map((e) => [e.kind, e.dueDate, e.amount.amount])).toEqual(
      quote.schedule.map((e) => [e.kind, e.dueDate, e.amount.amount]),
    );
    // The WhatsApp text and the PDF: every figure, formatted the same way.
    for (const figure of shown) {
      expect(text, `the WhatsApp text shows ${figure}`).toContain(figure);
      expect(
        pdfText.some((s) => s.includes(figure)),
        `the PDF shows ${figure}`,
      ).toBe(true);
    }
    // The PDF's schedule table: every due date and amount of the schedule, in its own cells.
    for (const entry of quote.schedule) {
      if (entry.dueDate !== null) expect(pdfText).toContain(formatIsoDateCo(entry.dueDate));
      expect(pdfText).toContain(formatMoney(entry.amount));
    }
  });
});
