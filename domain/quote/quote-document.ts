import type { BuilderProfile } from '../builder/builder-profile.ts';
import type { Fiduciary, Project, Unit } from '../catalog/catalog.ts';
import { formatMoney, type Money } from '../shared/money.ts';
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
  readonly property: PropertyDetails;
};

/** What the catalogue says about the unit and its project beyond the quote's figures, as of the quote's issue. */
export type PropertyDetails = {
  readonly floor: number | null;
  readonly builtAreaM2: number | null;
  readonly estrato: number | null;
  /** Estimated monthly administration fee: the project's fee per m² times the unit's private area. */
  readonly adminFee: Money | null;
  readonly fiduciary: Fiduciary | null;
  readonly paymentChannel: string | null;
};

export const noPropertyDetails: PropertyDetails = {
  floor: null,
  builtAreaM2: null,
  estrato: null,
  adminFee: null,
  fiduciary: null,
  paymentChannel: null,
};

/** The unit's and project's details the proposal prints; the fee rounded to the peso (the cent in dollars). */
export const propertyDetailsOf = (project: Project, unit: Unit): PropertyDetails => ({
  floor: unit.floor,
  builtAreaM2: unit.builtAreaM2,
  estrato: project.estrato,
  adminFee:
    project.adminFeePerM2 === null
      ? null
      : { amount: Math.round(project.adminFeePerM2.amount * unit.areaM2), currency: project.adminFeePerM2.currency },
  fiduciary: project.fiduciary,
  paymentChannel: project.paymentChannel,
});

/** `+573001234567` → `+57 300 123 4567`; any other number as stored. */
export const formatPhoneCo = (phone: string): string => {
  const mobile = /^\+57(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return mobile === null ? phone : `+57 ${mobile[1]} ${mobile[2]} ${mobile[3]}`;
};

/** The unit's description, label and value, in print order: the quote's, then the catalogue's details when stated. */
export const propertyRows = (
  q: Quote,
  l: QuoteLabels,
  details: PropertyDetails = noPropertyDetails,
): QuoteFigureRow[] => {
  const row = (label: string, value: string): QuoteFigureRow => ({ label, value, detail: false });
  return [
    row(l.project, q.projectName),
    row(l.city, q.city),
    row(l.unitType, q.unitTypeName),
    row(l.unit, q.unitCode),
    row(l.area, formatAreaM2(q.areaM2, l)),
    ...(details.builtAreaM2 === null ? [] : [row(l.builtArea, formatAreaM2(details.builtAreaM2, l))]),
    ...(details.floor === null ? [] : [row(l.floor, String(details.floor))]),
    ...(details.estrato === null ? [] : [row(l.estrato, String(details.estrato))]),
    ...(details.adminFee === null
      ? []
      : [row(l.adminFee, fillLabel(l.adminFeeValue, { amount: formatMoney(details.adminFee) }))]),
    ...(q.deliveryDate === null ? [] : [row(l.deliveryDate, formatIsoDateCo(q.deliveryDate))]),
  ];
};

/** How the buyer pays: the trust holding the money and the payment channel; empty when the project says neither. */
export const paymentChannelRows = (details: PropertyDetails, l: QuoteLabels): QuoteFigureRow[] => [
  ...(details.fiduciary === null
    ? []
    : [
        {
          label: l.fiduciary,
          value: [details.fiduciary.name, details.fiduciary.note].filter((t) => t !== '').join(' · '),
          detail: false,
        },
      ]),
  ...(details.paymentChannel === null
    ? []
    : [{ label: l.paymentChannel, value: details.paymentChannel, detail: false }]),
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
