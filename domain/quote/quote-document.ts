import type { BuilderProfile } from '../builder/builder-profile.ts';
import { formatMoney } from '../shared/money.ts';
import type { IsoDate } from '../shared/calendar.ts';
import type { Quote } from './quote.ts';
import type { ScheduleEntry } from './payment-schedule.ts';
import { fillLabel, type QuoteLabels } from './quote-labels.ts';
import { formatAreaM2, formatIsoDateCo, type QuoteFigureRow } from './quote-text.ts';

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
  ...(q.deliveryDate === null
    ? []
    : [{ label: l.deliveryDate, value: formatIsoDateCo(q.deliveryDate), detail: false }]),
];

/** One line of the payment schedule: what is paid, when, and how much. */
export type ScheduleRow = {
  readonly label: string;
  /** `YYYY-MM-DD`; `null` for a balance whose deed has no date yet. */
  readonly dueDate: IsoDate | null;
  readonly amount: string;
  /** The separation and the balance frame the instalments: printed in bold. */
  readonly emphasis: boolean;
};

/**
 * The schedule as the proposal's table reads it, in paying order: the separation, the monthly instalments (the last
 * one the adjustment) and the extraordinary ones by date, then the balance paid at the deed.
 */
export const scheduleRows = (q: Quote, l: QuoteLabels): ScheduleRow[] => {
  const lastMonthly = Math.max(0, ...q.schedule.map((e) => (e.kind === 'monthly' ? e.number : 0)));
  const labelOf = (e: ScheduleEntry): string =>
    e.kind === 'separation'
      ? l.separation
      : e.kind === 'deed'
        ? l.scheduleDeed
        : e.kind === 'extraordinary'
          ? fillLabel(l.scheduleExtraordinary, { number: e.number })
          : fillLabel(e.number === lastMonthly && lastMonthly > 1 ? l.scheduleAdjustment : l.scheduleInstalment, {
              number: e.number,
            });
  return q.schedule.map((e) => ({
    label: labelOf(e),
    dueDate: e.dueDate,
    amount: formatMoney(e.amount),
    emphasis: e.kind === 'separation' || e.kind === 'deed',
  }));
};

export const formatDueDate = (row: ScheduleRow): string => (row.dueDate === null ? '' : formatIsoDateCo(row.dueDate));
