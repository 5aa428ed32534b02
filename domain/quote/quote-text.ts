import { formatMoney, type Money } from '../shared/money.ts';
import { bogotaDateOf, formatCivilDateCo, type IsoDate, parseIsoDate } from '../shared/calendar.ts';
import type { Instant } from '../shared/time.ts';
import { HOUSING_PAYMENT_TO_INCOME_BPS, type Quote } from './quote.ts';
import { fillLabel, type QuoteLabels } from './quote-labels.ts';
import { creditHeading, type QuoteFigureRow, regimeRows, savingLabel } from './quote-lines.ts';

export { creditHeading, regimeRows, savingLabel } from './quote-lines.ts';

/** WhatsApp rejects text messages longer than this. */
export const WHATSAPP_TEXT_LIMIT = 4096;
/** Extras or savings listed one by one before the rest collapse into "y N más". */
const MAX_LISTED = 10;
const MAX_NAME = 80;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `dd/mm/yyyy` as a Colombian reads the instant on a wall calendar (America/Bogota). */
export const formatDateCo = (instant: Instant): string => formatCivilDateCo(bogotaDateOf(instant));

/** Colombian decimals: `1.234,5`; at most two decimals, trailing zeros dropped. */
const formatDecimal = (value: number): string => {
  const cents = Math.round(value * 100);
  const whole = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = pad(Math.abs(cents % 100), 2).replace(/0+$/, '');
  return frac === '' ? whole : `${whole},${frac}`;
};

/** `3000` → `30 %`, `1250` → `12,5 %`. */
export const formatPercentBps = (bps: number): string => `${formatDecimal(bps / 100)} %`;
export const formatAreaM2 = (areaM2: number, labels: QuoteLabels): string =>
  fillLabel(labels.areaValue, { area: formatDecimal(areaM2) });

/** Cuts at `max` UTF-16 units without splitting a surrogate pair, marking the cut with `…`. */
export const clipText = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
};

/** Consecutive equal instalments as runs: at most two, since amounts differ by at most one unit. */
export const instalmentRuns = (instalments: readonly Money[]): { count: number; amount: Money }[] => {
  const runs: { count: number; amount: Money }[] = [];
  for (const amount of instalments) {
    const last = runs.at(-1);
    if (last !== undefined && last.amount.amount === amount.amount) last.count += 1;
    else runs.push({ count: 1, amount });
  }
  return runs;
};

export const describeRun = (run: { count: number; amount: Money }, labels: QuoteLabels): string =>
  fillLabel(run.count === 1 ? labels.instalmentRunOne : labels.instalmentRunMany, {
    count: run.count,
    amount: formatMoney(run.amount),
  });

export type { QuoteFigureRow } from './quote-lines.ts';

const listRows = <T>(items: readonly T[], row: (item: T) => QuoteFigureRow, labels: QuoteLabels): QuoteFigureRow[] => [
  ...items.slice(0, MAX_LISTED).map(row),
  ...(items.length > MAX_LISTED
    ? [{ label: fillLabel(labels.moreItems, { count: items.length - MAX_LISTED }), value: '', detail: true }]
    : []),
];

/** `2027-06-05` → `05/06/2027`; a date that does not parse is printed as stored. */
export const formatIsoDateCo = (date: IsoDate): string => {
  const civil = parseIsoDate(date);
  return civil === null ? date : formatCivilDateCo(civil);
};

/** Round instalments then the adjustment one read "23 cuotas de $ X y la última (ajuste) de $ Y". */
const describeInstalments = (amounts: readonly Money[], l: QuoteLabels): string => {
  const runs = instalmentRuns(amounts);
  const [round, last] = runs;
  if (runs.length === 2 && round !== undefined && last !== undefined && last.count === 1)
    return `${describeRun(round, l)} ${l.listAnd} ${fillLabel(l.instalmentAdjustment, { amount: formatMoney(last.amount) })}`;
  // Older quotes split evenly: at most two runs ("16 cuotas de $ 7.166.667 y 8 cuotas de $ 7.166.666").
  return runs.map((r) => describeRun(r, l)).join(` ${l.listAnd} `);
};

/** `junio y diciembre`, `marzo, junio y septiembre`: the months of the dates, in calendar order. */
const monthList = (dates: readonly IsoDate[], l: QuoteLabels): string => {
  const names = l.monthNames.split(',').map((n) => n.trim());
  const months = [...new Set(dates.map((d) => Number(d.slice(5, 7))))].sort((a, b) => a - b);
  const words = months.map((m) => names[m - 1] ?? String(m));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${l.listAnd} ${words.at(-1)}`;
};

const periodRow = (dates: readonly IsoDate[], one: string, many: string, months: string): QuoteFigureRow => {
  const first = formatIsoDateCo(dates[0] ?? '');
  const last = formatIsoDateCo(dates.at(-1) ?? '');
  return { label: '', value: fillLabel(dates.length === 1 ? one : many, { first, last, months }), detail: true };
};

/** Monthly, then extraordinary instalments, each with its dates; the cut-off; the balance paid at the deed. */
const paymentRows = (q: Quote, l: QuoteLabels): QuoteFigureRow[] => {
  const monthly = q.schedule.flatMap((e) => (e.kind === 'monthly' ? [e.dueDate] : []));
  const extraordinary = q.schedule.flatMap((e) => (e.kind === 'extraordinary' ? [e] : []));
  const deed = q.schedule.find((e) => e.kind === 'deed');
  const extraDates = extraordinary.map((e) => e.dueDate);
  const noCredit = q.financing === 'none' && q.priceRegime !== null;
  return [
    ...(q.instalments.length === 0
      ? [{ label: l.instalments, value: l.noInstalments, detail: false }]
      : [
          { label: l.instalments, value: describeInstalments(q.instalments, l), detail: false },
          ...(monthly.length === 0 ? [] : [periodRow(monthly, l.instalmentPeriodOne, l.instalmentPeriod, '')]),
        ]),
    ...(extraordinary.length === 0
      ? []
      : [
          {
            label: l.extraordinaryInstalments,
            value: describeInstalments(
              extraordinary.map((e) => e.amount),
              l,
            ),
            detail: false,
          },
          periodRow(extraDates, l.extraordinaryPeriodOne, l.extraordinaryPeriod, monthList(extraDates, l)),
        ]),
    ...(q.downPaymentCutOff === null
      ? []
      : [{ label: l.downPaymentCutOff, value: formatIsoDateCo(q.downPaymentCutOff), detail: false }]),
    { label: l.balanceToFinance, value: formatMoney(q.balanceToFinance), detail: false },
    ...(deed === undefined
      ? []
      : [
          {
            label: '',
            value:
              deed.dueDate === null
                ? l.balanceAtDeedUndated
                : fillLabel(l.balanceAtDeed, { date: formatIsoDateCo(deed.dueDate) }),
            detail: true,
          },
        ]),
    ...(noCredit ? [{ label: '', value: l.noCreditEstimate, detail: true }] : []),
  ];
};

/**
 * The credit estimate, printed under `creditHeading`; empty when the plan has none or the type is not financed.
 * Commercial credit has no household-income line (banks judge the business), housing credit and leasing do.
 */
export const mortgageRows = (q: Quote, l: QuoteLabels): QuoteFigureRow[] => {
  const mortgage = q.mortgage;
  if (mortgage === null) return [];
  const commercial = q.financing === 'commercial_credit';
  const terms =
    mortgage.rateBasis === 'effective_annual'
      ? fillLabel(l.mortgageTerms, {
          rate: formatPercentBps(mortgage.annualRateBps),
          nominal: formatPercentBps(mortgage.nominalMonthlyBps),
          years: mortgage.years,
        })
      : fillLabel(l.mortgageTermsNominal, { rate: formatPercentBps(mortgage.annualRateBps), years: mortgage.years });
  return [
    {
      label: q.financing === 'housing_leasing' ? l.leasingPayment : l.mortgagePayment,
      value: formatMoney(mortgage.monthlyPayment),
      detail: false,
    },
    { label: '', value: terms, detail: true },
    ...(commercial ? [{ label: '', value: l.commercialCreditDetail, detail: true }] : []),
    ...(mortgage.minimumIncome === null
      ? []
      : [
          { label: l.minimumIncome, value: formatMoney(mortgage.minimumIncome), detail: false },
          {
            label: '',
            value: fillLabel(l.minimumIncomeDetail, { percent: formatPercentBps(HOUSING_PAYMENT_TO_INCOME_BPS) }),
            detail: true,
          },
        ]),
    ...(mortgage.rateBasis === 'effective_annual' ? [{ label: '', value: l.mortgageInsurance, detail: true }] : []),
  ];
};

/** The price and down-payment figures in print order, shared by the WhatsApp text and the PDF so both always agree. */
export const quoteFigureRows = (q: Quote, l: QuoteLabels): QuoteFigureRow[] => {
  const credited = q.separationCredited ? l.separationCredited : l.separationNotCredited;
  return [
    { label: l.price, value: formatMoney(q.price), detail: false },
    ...listRows(
      q.extras,
      (e) => ({
        label: clipText(e.label, MAX_NAME),
        value: e.included ? l.included : formatMoney(e.price),
        detail: true,
      }),
      l,
    ),
    ...(q.extras.some((e) => !e.included)
      ? [{ label: l.totalPrice, value: formatMoney(q.totalPrice), detail: false }]
      : []),
    {
      label: l.separation,
      value: fillLabel(l.separationValue, {
        amount: formatMoney(q.separationFee),
        date: formatDateCo(q.issuedAt),
        credited,
      }),
      detail: false,
    },
    {
      label: fillLabel(l.downPayment, { percent: formatPercentBps(q.downPaymentBps) }),
      value: formatMoney(q.downPayment),
      detail: false,
    },
    ...(q.savings.length > 0 ? [{ label: l.savingsHeading, value: '', detail: false }] : []),
    ...listRows(
      q.savings,
      (s) => ({ label: clipText(savingLabel(s, l), MAX_NAME), value: `- ${formatMoney(s.amount)}`, detail: true }),
      l,
    ),
    ...(q.savingsToConfirm ? [{ label: '', value: l.savingsToConfirm, detail: true }] : []),
    ...paymentRows(q, l),
  ];
};

const textRow = (r: QuoteFigureRow): string => {
  const label = r.label === '' ? '' : r.detail ? `${r.label}: ` : `*${r.label}:* `;
  return `${label}${r.value}`.trimEnd();
};

/** The legal line under the figures: until when the price holds (the text and the PDF print the same). */
export const disclaimerText = (quote: Quote, labels: QuoteLabels): string =>
  fillLabel(labels.disclaimer, { validUntil: formatDateCo(quote.validUntil) });

/** "Cotización COT-000042", or "Cotización COT-000042 (versión 2)" from its second version on. */
export const quoteTitle = (quote: Quote, labels: QuoteLabels): string =>
  quote.version === 1
    ? fillLabel(labels.titleWithNumber, { number: quote.number })
    : fillLabel(labels.titleWithVersion, { number: quote.number, version: quote.version });

/** The quote as one WhatsApp message: bold headings, one figure per line, never over the size limit. */
export const quoteSummaryText = (quote: Quote, labels: QuoteLabels): string => {
  const name = (s: string): string => clipText(s, MAX_NAME);
  const lines = [
    `*${quoteTitle(quote, labels)}*`,
    `${labels.issuedOn}: ${formatDateCo(quote.issuedAt)}`,
    `${labels.validUntil}: ${formatDateCo(quote.validUntil)}`,
    '',
    `*${labels.project}:* ${name(quote.projectName)}`,
    `*${labels.city}:* ${name(quote.city)}`,
    `*${labels.unit}:* ${name(quote.unitTypeName)} · ${name(quote.unitCode)}`,
    `*${labels.area}:* ${formatAreaM2(quote.areaM2, labels)}`,
    ...(quote.deliveryDate === null ? [] : [`*${labels.deliveryDate}:* ${formatIsoDateCo(quote.deliveryDate)}`]),
    ...regimeRows(quote, labels).map(textRow),
    '',
    `*${labels.figuresHeading}*`,
    ...quoteFigureRows(quote, labels).map(textRow),
    ...(quote.mortgage === null
      ? []
      : ['', `*${creditHeading(quote, labels)}*`, ...mortgageRows(quote, labels).map(textRow)]),
    '',
    `_${disclaimerText(quote, labels)}_`,
    ...(quote.mortgage === null ? [] : [`_${labels.mortgageDisclaimer}_`]),
  ];
  return clipText(lines.join('\n'), WHATSAPP_TEXT_LIMIT);
};
