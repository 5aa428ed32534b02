import type { PDFImage } from 'pdf-lib';
import { formatNit } from '../../domain/builder/nit.ts';
import { quoteReference } from '../../domain/quote/quote.ts';
import type { QuoteDocument } from '../../domain/quote/quote-document.ts';
import { fillLabel } from '../../domain/quote/quote-labels.ts';
import { formatDateCo, quoteTitle } from '../../domain/quote/quote-text.ts';
import { ACCENT, HEADER_HEIGHT, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, type PdfCanvas, RIGHT } from './pdf-layout.ts';

const LOGO_MAX = { width: 110, height: 50 } as const;
const RIGHT_BLOCK = 165;
const TOP = PAGE_HEIGHT - MARGIN;

/** The logo scaled into its box, keeping its proportions. */
const logoSize = (logo: PDFImage): { width: number; height: number } => {
  const scale = Math.min(LOGO_MAX.width / logo.width, LOGO_MAX.height / logo.height);
  return { width: logo.width * scale, height: logo.height * scale };
};

/** The builder's identity at the left (logo, name, NIT, address, sales room), the quote's number and dates at the right. */
export const drawPageHeader = (canvas: PdfCanvas, page: number, d: QuoteDocument, logo: PDFImage | null): void => {
  const { labels: l, quote: q, builder } = d;
  let x = MARGIN;
  if (logo !== null) {
    const size = logoSize(logo);
    canvas.page(page).drawImage(logo, { x, y: TOP - LOGO_MAX.height + (LOGO_MAX.height - size.height) / 2, ...size });
    x += size.width + 12;
  }
  const room = RIGHT - RIGHT_BLOCK - 12 - x;
  if (builder === null)
    canvas.text(page, l.proposalTitle, x, TOP - 22, { size: 17, bold: true, color: ACCENT, maxWidth: room });
  else {
    const quiet = { size: 7.8, color: MUTED, maxWidth: room } as const;
    canvas.text(page, builder.name, x, TOP - 11, { size: 12, bold: true, maxWidth: room });
    canvas.text(page, `${l.nit} ${formatNit(builder.nit)}`, x, TOP - 23, quiet);
    canvas.text(page, builder.address, x, TOP - 33, quiet);
    canvas.text(page, `${l.salesRoom}: ${builder.salesPhone} · ${builder.salesEmail}`, x, TOP - 43, quiet);
    if (builder.website !== null) canvas.text(page, builder.website, x, TOP - 53, { ...quiet, color: ACCENT });
  }
  const right = { align: 'right', maxWidth: RIGHT_BLOCK } as const;
  if (builder !== null)
    canvas.text(page, l.proposalTitle.toUpperCase(), RIGHT, TOP - 8, {
      ...right,
      size: 7.5,
      bold: true,
      color: ACCENT,
    });
  canvas.text(page, quoteTitle(q, l), RIGHT, TOP - 23, {
    ...right,
    size: 13,
    bold: true,
  });
  canvas.text(page, `${l.issuedOn}: ${formatDateCo(q.issuedAt)}`, RIGHT, TOP - 36, {
    ...right,
    size: 8.5,
    color: MUTED,
  });
  canvas.text(page, `${l.validUntil}: ${formatDateCo(q.validUntil)}`, RIGHT, TOP - 47, {
    ...right,
    size: 8.5,
    bold: true,
  });
  canvas.line(page, TOP - HEADER_HEIGHT + 16, MARGIN, RIGHT, ACCENT, 1.4);
};

/** The builder's name and NIT, the quote number and `Página n de N`. */
export const drawPageFooter = (canvas: PdfCanvas, page: number, d: QuoteDocument): void => {
  const y = MARGIN - 4;
  const style = { size: 7.5, color: MUTED } as const;
  canvas.line(page, y + 12);
  if (d.builder !== null)
    canvas.text(page, `${d.builder.name} · ${d.labels.nit} ${formatNit(d.builder.nit)}`, MARGIN, y, {
      ...style,
      maxWidth: PAGE_WIDTH / 2 - MARGIN - 50,
    });
  canvas.text(page, quoteReference(d.quote), PAGE_WIDTH / 2 + 40, y, { ...style, align: 'center' });
  canvas.text(page, fillLabel(d.labels.pageOf, { page: page + 1, pages: canvas.pageCount }), RIGHT, y, {
    ...style,
    align: 'right',
    maxWidth: 100,
  });
};
