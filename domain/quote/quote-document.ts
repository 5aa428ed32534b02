import type { BuilderProfile } from '../builder/builder-profile.ts';
import { formatMoney } from '../shared/money.ts';
import type { Instant } from '../shared/time.ts';
import type { Quote } from './quote.ts';
import { fillLabel, type QuoteLabels } from './quote-labels.ts';
import { formatAreaM2, formatDateCo, type QuoteFigureRow } from './quote-text.ts';

/** Who the proposal is for or from, as the desk knows them when it is issued; any part may be unknown. */
export type QuoteContact = {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
};

/**
 * Everything the proposal PDF prints: the frozen quote and, beside it, who issues it (the builder, `null` until
 * an administrator configures one), who it is for (the lead, or the WhatsApp profile while the bot has not
 * registered one) and the advisor handling the lead (`null` while unassigned). Built inside the transaction that
 * issues the quote, rendered outside it; the stored PDF is the snapshot that is resent.
 */
export type QuoteDocument = {
  readonly quote: Quote;
  readonly labels: QuoteLabels;
  readonly builder: BuilderProfile | null;
  readonly client: QuoteContact;
  readonly advisor: (QuoteContact & { readonly name: string }) | null;
  /** Where the data-treatment policy is published (the bot's data policy). */
  readonly dataPolicyUrl: string | null;
};

/** `+573001234567` → `+57 300 123 4567`; any other number as stored. */
export const formatPhoneCo = (phone: string): string => {
  const mobile = /^\+57(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return mobile === null ? phone : `+57 ${mobile[1]} ${mobile[2]} ${mobile[3]}`;
};

/** The unit's description, label and value, in print order. Project attributes (floor, estrato…) join here. */
export const propertyRows = (q: Quote, l: QuoteLabels): QuoteFigureRow[] => [
  { label: l.project, value: q.projectName, detail: false },
  { label: l.city, value: q.city, detail: false },
  { label: l.unitType, value: q.unitTypeName, detail: false },
  { label: l.unit, value: q.unitCode, detail: false },
  { label: l.area, value: formatAreaM2(q.areaM2, l), detail: false },
];

/** One line of the payment schedule: what is paid, when (once plans are dated), and how much. */
export type ScheduleRow = {
  readonly label: string;
  readonly dueDate: Instant | null;
  readonly amount: string;
  /** The separation and the balance frame the instalments: printed in bold. */
  readonly emphasis: boolean;
};

/**
 * The schedule as the proposal's table reads it: the separation, every monthly instalment, then the balance
 * paid at the deed. No dates yet: `dueDate` stays `null` until payment plans carry them.
 */
export const scheduleRows = (q: Quote, l: QuoteLabels): ScheduleRow[] => [
  { label: l.separation, dueDate: null, amount: formatMoney(q.separationFee), emphasis: true },
  ...q.instalments.map((m, i) => ({
    label: fillLabel(l.scheduleInstalment, { number: i + 1 }),
    dueDate: null,
    amount: formatMoney(m),
    emphasis: false,
  })),
  { label: l.balanceToFinance, dueDate: null, amount: formatMoney(q.balanceToFinance), emphasis: true },
];

export const formatDueDate = (row: ScheduleRow): string => (row.dueDate === null ? '' : formatDateCo(row.dueDate));
