import { formatNit } from '../../domain/builder/nit.ts';
import {
  formatDueDate,
  paymentChannelRows,
  propertyRows,
  scheduleRows,
  type QuoteDocument,
} from '../../domain/quote/quote-document.ts';
import { fillLabel } from '../../domain/quote/quote-labels.ts';
import {
  creditHeading,
  disclaimerText,
  mortgageRows,
  quoteFigureRows,
  type QuoteFigureRow,
  regimeRows,
} from '../../domain/quote/quote-text.ts';
import { ACCENT, CONTENT_WIDTH, MARGIN, MUTED, type PdfCursor, RIGHT } from './pdf-layout.ts';
import { drawTable, type TableColumn } from './pdf-table.ts';

/**
 * One block of the proposal, drawn from the document at the cursor. The proposal is `PROPOSAL_SECTIONS` in order:
 * a new block (the extras and savings, the fiducia, the credit per financing type) is one more function here.
 */
export type ProposalSection = (c: PdfCursor, d: QuoteDocument) => void;

const heading = (c: PdfCursor, text: string, room = 60): void => {
  // The heading keeps `room` points of its block with it: never alone at the foot of a page.
  c.ensure(room);
  c.down(6);
  c.text(text, MARGIN, { size: 10.5, bold: true, color: ACCENT });
  c.down(15);
  c.canvas.line(c.page, c.y, MARGIN, RIGHT, ACCENT, 0.8);
  c.down(7);
};

/** Cells of label (small, quiet) over value (up to two lines), `columns` to a line. */
const grid = (c: PdfCursor, cells: readonly (readonly [string, string])[], columns: number): void => {
  const cellWidth = CONTENT_WIDTH / columns;
  const value = { size: 10, bold: true } as const;
  for (let start = 0; start < cells.length; start += columns) {
    const line = cells.slice(start, start + columns).map(([label, text]) => ({
      label,
      lines: c.canvas.lines(text, value, cellWidth - 10, 2),
    }));
    const height = 17 + 12 * Math.max(...line.map((cell) => cell.lines.length));
    c.ensure(height);
    line.forEach((cell, i) => {
      const x = MARGIN + i * cellWidth;
      c.text(cell.label, x, { size: 7.5, color: MUTED, maxWidth: cellWidth - 10 });
      cell.lines.forEach((text, n) => {
        c.canvas.text(c.page, text, x, c.y - 20 - 12 * n, value);
      });
    });
    c.down(height);
  }
};

const PARTY_LABEL = 62;

/** Label and value rows in a column `width` wide from `x`, values on up to two lines; the height they took. */
const contactRows = (c: PdfCursor, x: number, width: number, rows: readonly (readonly [string, string])[]): number => {
  let y = c.y;
  rows.forEach(([label, text], i) => {
    const value = { size: 9.5, bold: i === 0 } as const;
    const lines = c.canvas.lines(text, value, width - PARTY_LABEL, 2);
    c.canvas.text(c.page, label, x, y - 9, { size: 8, color: MUTED, maxWidth: PARTY_LABEL - 4 });
    lines.forEach((line, n) => {
      c.canvas.text(c.page, line, x + PARTY_LABEL, y - 9 - 11 * n, value);
    });
    y -= 4 + 11 * lines.length;
  });
  return c.y - y;
};

/** The client and the advisor, side by side. */
const parties: ProposalSection = (c, { labels: l, client, advisor, builder }) => {
  const half = (CONTENT_WIDTH - 24) / 2;
  const right = MARGIN + half + 24;
  const value = (v: string | null) => v ?? l.notGiven;
  c.ensure(120);
  c.down(6);
  c.text(l.clientHeading, MARGIN, { size: 10.5, bold: true, color: ACCENT });
  c.text(l.advisorHeading, right, { size: 10.5, bold: true, color: ACCENT });
  c.down(15);
  c.canvas.line(c.page, c.y, MARGIN, MARGIN + half, ACCENT, 0.8);
  c.canvas.line(c.page, c.y, right, RIGHT, ACCENT, 0.8);
  c.down(7);
  const left = contactRows(c, MARGIN, half, [
    [l.contactName, value(client.name)],
    [l.contactPhone, value(client.phone)],
    [l.contactEmail, value(client.email)],
  ]);
  const top = c.y;
  let other: number;
  if (advisor === null) {
    c.paragraph(l.advisorPending, { size: 9, color: MUTED }, right, half);
    other = top - c.y;
  } else
    other = contactRows(c, right, half, [
      [l.contactName, advisor.name],
      [l.contactEmail, value(advisor.email)],
      ...(builder === null ? [] : [[l.salesRoom, builder.salesPhone] as const]),
    ]);
  c.y = top - Math.max(left, other) - 4;
};

const property: ProposalSection = (c, d) => {
  heading(c, d.labels.propertyHeading);
  grid(
    c,
    propertyRows(d.quote, d.labels, d.property).map((r) => [r.label, r.value]),
    3,
  );
  const regime = regimeRows(d.quote, d.labels);
  if (regime.length > 0) {
    c.down(4);
    figures(c, regime);
  }
};

/** The trust that holds the buyer's money and how to pay; nothing when the project states neither. */
const payments: ProposalSection = (c, d) => {
  const rows = paymentChannelRows(d.property, d.labels);
  if (rows.length === 0) return;
  heading(c, d.labels.paymentsHeading);
  grid(
    c,
    rows.map((r) => [r.label, r.value]),
    1,
  );
};

/** Label on the left, amount flush right; detail rows are indented and quieter. */
const figures = (c: PdfCursor, rows: readonly QuoteFigureRow[]): void => {
  for (const row of rows) {
    const size = row.detail ? 8.5 : 9.5;
    c.ensure(16);
    const style = { size, bold: !row.detail, ...(row.detail ? { color: MUTED } : {}) };
    const indent = row.detail ? 12 : 0;
    // The label keeps at most half the line; the value takes whatever width the label leaves free, so a long
    // value ("23 cuotas de … y la última (ajuste) de …") prints whole.
    const labelWidth = Math.min(c.canvas.width(row.label, style), CONTENT_WIDTH * 0.48 - indent);
    const value = {
      size,
      align: 'right',
      bold: !row.detail,
      maxWidth: CONTENT_WIDTH - indent - (row.label === '' ? 12 : labelWidth + 10),
    } as const;
    // A line with no label of its own (the credit's terms, a note) may take the whole width.
    if (row.label === '') c.text(row.value, RIGHT, { ...value, bold: false, color: MUTED });
    else {
      c.text(row.label, MARGIN + indent, { ...style, maxWidth: CONTENT_WIDTH * 0.48 - indent });
      c.text(row.value, RIGHT, value);
    }
    c.down(size + 4);
    if (!row.detail) c.rule();
    c.down(2.5);
  }
};

const payment: ProposalSection = (c, d) => {
  heading(c, d.labels.figuresHeading);
  figures(c, quoteFigureRows(d.quote, d.labels));
};

const mortgage: ProposalSection = (c, d) => {
  if (d.quote.mortgage === null) return;
  heading(c, creditHeading(d.quote, d.labels) ?? d.labels.mortgageHeading);
  figures(c, mortgageRows(d.quote, d.labels));
};

/** Past this many rows the table is printed in two bands side by side. */
const ONE_BAND_ROWS = 14;

/** Cuota | Fecha | Valor; the date column only once the schedule has dates. */
const schedule: ProposalSection = (c, { quote, labels: l }) => {
  if (quote.instalments.length === 0) return;
  const rows = scheduleRows(quote, l);
  const dated = rows.some((r) => r.dueDate !== null);
  const columns: TableColumn[] = dated
    ? [
        { head: l.scheduleNumber, share: 0.4, align: 'left' },
        { head: l.scheduleDate, share: 0.25, align: 'left' },
        { head: l.scheduleAmount, share: 0.35, align: 'right' },
      ]
    : [
        { head: l.scheduleNumber, share: 0.55, align: 'left' },
        { head: l.scheduleAmount, share: 0.45, align: 'right' },
      ];
  heading(c, l.scheduleHeading, 100);
  drawTable(
    c,
    columns,
    rows.map((r) => ({
      cells: dated ? [r.label, formatDueDate(r), r.amount] : [r.label, r.amount],
      bold: r.emphasis,
    })),
    { bands: rows.length > ONE_BAND_ROWS ? 2 : 1, size: 8.5, rowHeight: 12 },
  );
};

const dataProtection = (d: QuoteDocument): string =>
  d.dataPolicyUrl === null
    ? d.labels.dataProtection.replace(/\s*\(?\{policy\}\)?/, '')
    : fillLabel(d.labels.dataProtection, { policy: d.dataPolicyUrl });

const legal: ProposalSection = (c, d) => {
  heading(c, d.labels.legalHeading, 55);
  const small = { size: 7.5, color: MUTED } as const;
  c.paragraph(disclaimerText(d.quote, d.labels), small);
  if (d.quote.mortgage !== null) c.paragraph(d.labels.mortgageDisclaimer, small);
  c.paragraph(dataProtection(d), small);
  if (d.builder !== null)
    c.paragraph(`${d.builder.name} · ${d.labels.nit} ${formatNit(d.builder.nit)} · ${d.builder.address}`, small);
};

/** The proposal's body, in print order. */
export const PROPOSAL_SECTIONS: readonly ProposalSection[] = [
  parties,
  property,
  payment,
  mortgage,
  schedule,
  payments,
  legal,
];
