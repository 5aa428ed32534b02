import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { QuoteDocumentRenderer } from '../../application/ports/quote-document-renderer.ts';
import type { Quote } from '../../domain/quote/quote.ts';
import { fillLabel, type QuoteLabels } from '../../domain/quote/quote-labels.ts';
import {
  creditHeading,
  formatAreaM2,
  formatDateCo,
  disclaimerText,
  mortgageRows,
  quoteFigureRows,
  type QuoteFigureRow,
} from '../../domain/quote/quote-text.ts';
import { formatMoney } from '../../domain/shared/money.ts';
import { CONTENT_WIDTH, drawPageNumbers, INK, MARGIN, MUTED, PAGE_WIDTH, PdfCursor } from './pdf-layout.ts';

const RIGHT = PAGE_WIDTH - MARGIN;
const MAX_SCHEDULE_COLUMNS = 6;

const header = (c: PdfCursor, q: Quote, l: QuoteLabels): void => {
  c.text(fillLabel(l.titleWithNumber, { number: q.number }), MARGIN, {
    size: 20,
    bold: true,
    maxWidth: CONTENT_WIDTH * 0.6,
  });
  c.text(`${l.issuedOn}: ${formatDateCo(q.issuedAt)}`, RIGHT, { size: 10, align: 'right', color: MUTED });
  c.down(14);
  c.text(`${l.validUntil}: ${formatDateCo(q.validUntil)}`, RIGHT, { size: 10, align: 'right', bold: true });
  c.down(24);
  c.rule();
  c.down(14);
};

const heading = (c: PdfCursor, text: string): void => {
  c.ensure(40);
  c.down(8);
  c.text(text, MARGIN, { size: 12, bold: true });
  c.down(20);
};

const property = (c: PdfCursor, q: Quote, l: QuoteLabels): void => {
  const rows: readonly [string, string][] = [
    [l.project, q.projectName],
    [l.city, q.city],
    [l.unit, `${q.unitTypeName} · ${q.unitCode}`],
    [l.area, formatAreaM2(q.areaM2, l)],
  ];
  for (const [label, value] of rows) {
    c.text(label, MARGIN, { size: 10, color: MUTED });
    c.text(value, MARGIN + 110, { size: 10, bold: true });
    c.down(16);
  }
};

/** Label on the left, amount flush right; detail rows are indented and quieter. */
const figures = (c: PdfCursor, rows: readonly QuoteFigureRow[]): void => {
  for (const row of rows) {
    const size = row.detail ? 9 : 10;
    c.ensure(16);
    const style = { size, bold: !row.detail, ...(row.detail ? { color: MUTED } : {}) };
    const value = { size, align: 'right', maxWidth: CONTENT_WIDTH * 0.5 } as const;
    // A line with no label of its own (the credit's terms, a note) may take the whole width.
    if (row.label === '') c.text(row.value, RIGHT, { ...value, maxWidth: CONTENT_WIDTH - 12, color: MUTED });
    else {
      c.text(row.label, MARGIN + (row.detail ? 12 : 0), { ...style, maxWidth: CONTENT_WIDTH * 0.48 });
      c.text(row.value, RIGHT, value);
    }
    c.down(size + 6);
    if (!row.detail) c.rule();
    c.down(2);
  }
};

/** As many columns as the widest amount allows (up to six), so 120 typical instalments fit one page. */
const scheduleColumns = (c: PdfCursor, q: Quote): number => {
  const widest = Math.max(...q.instalments.map((m) => c.font(false).widthOfTextAtSize(formatMoney(m), 8)));
  return Math.max(1, Math.min(MAX_SCHEDULE_COLUMNS, Math.floor(CONTENT_WIDTH / (widest + 40))));
};

/** Every instalment in a compact grid, row by row, continuing on new pages as needed. */
const schedule = (c: PdfCursor, q: Quote, l: QuoteLabels): void => {
  if (q.instalments.length < 2) return;
  heading(c, l.scheduleHeading);
  const columns = scheduleColumns(c, q);
  const width = CONTENT_WIDTH / columns;
  const cell = (col: number, index: string, amount: string, head: boolean): void => {
    const style = { size: 8, bold: head, color: MUTED } as const;
    c.text(index, MARGIN + col * width, { ...style, maxWidth: 28 });
    c.text(amount, MARGIN + (col + 1) * width - 8, { ...style, align: 'right', ...(head ? {} : { color: INK }) });
  };
  const columnHeads = (): void => {
    for (let col = 0; col < columns; col += 1) cell(col, l.scheduleNumber, l.scheduleAmount, true);
    c.down(13);
  };
  columnHeads();
  for (let start = 0; start < q.instalments.length; start += columns) {
    if (c.ensure(12)) columnHeads();
    q.instalments.slice(start, start + columns).forEach((m, col) => {
      cell(col, String(start + col + 1), formatMoney(m), false);
    });
    c.down(12);
  }
};

/** A one-page A4 builder's proposal (more pages only for long instalment schedules), Helvetica only. */
export class PdfQuoteDocumentRenderer implements QuoteDocumentRenderer {
  async render(quote: Quote, labels: QuoteLabels): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.setTitle(fillLabel(labels.titleWithNumber, { number: quote.number }));
    doc.setSubject(`${quote.projectName} · ${quote.unitCode}`);
    // Dated by the quote, not the wall clock, so the same quote always renders the same document.
    doc.setCreationDate(new Date(quote.issuedAt));
    doc.setModificationDate(new Date(quote.issuedAt));
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const c = new PdfCursor(doc, regular, await doc.embedFont(StandardFonts.HelveticaBold));
    header(c, quote, labels);
    property(c, quote, labels);
    heading(c, labels.figuresHeading);
    figures(c, quoteFigureRows(quote, labels));
    if (quote.mortgage !== null) {
      heading(c, creditHeading(quote, labels) ?? labels.mortgageHeading);
      figures(c, mortgageRows(quote, labels));
    }
    schedule(c, quote, labels);
    c.down(12);
    c.paragraph(disclaimerText(quote, labels), { size: 8, color: MUTED });
    if (quote.mortgage !== null) c.paragraph(labels.mortgageDisclaimer, { size: 8, color: MUTED });
    drawPageNumbers(doc, regular, (page, pages) => fillLabel(labels.pageOf, { page, pages }));
    return doc.save();
  }
}
