import { PDFDocument, type PDFImage, StandardFonts } from 'pdf-lib';
import type { QuoteDocumentRenderer } from '../../application/ports/quote-document-renderer.ts';
import type { QuoteDocument } from '../../domain/quote/quote-document.ts';
import { quoteTitle } from '../../domain/quote/quote-text.ts';
import { PdfCanvas, PdfCursor } from './pdf-layout.ts';
import { PROPOSAL_SECTIONS } from './proposal-sections.ts';
import { drawPageFooter, drawPageHeader } from './proposal-page.ts';

/** The rendered proposal, and every string drawn on each page (what the tests read). */
export type RenderedProposal = { readonly bytes: Uint8Array; readonly pages: readonly (readonly string[])[] };

/** A logo the profile check let through but pdf-lib cannot read is left out: the quote still goes. */
const embedLogo = async (doc: PDFDocument, d: QuoteDocument): Promise<PDFImage | null> => {
  const logo = d.builder?.logo ?? null;
  if (logo === null) return null;
  try {
    return logo.mimeType === 'image/png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    return null;
  }
};

/** Lays the proposal out: the sections down the pages, then each page's header and footer, once pages are counted. */
export const renderProposal = async (d: QuoteDocument): Promise<RenderedProposal> => {
  const doc = await PDFDocument.create();
  const title = quoteTitle(d.quote, d.labels);
  doc.setTitle(title);
  doc.setSubject(`${d.quote.projectName} · ${d.quote.unitCode}`);
  if (d.builder !== null) doc.setAuthor(d.builder.name);
  // Dated by the quote, not the wall clock, so the same quote always renders the same document.
  doc.setCreationDate(new Date(d.quote.issuedAt));
  doc.setModificationDate(new Date(d.quote.issuedAt));
  const canvas = new PdfCanvas(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const logo = await embedLogo(doc, d);
  const cursor = new PdfCursor(canvas);
  for (const section of PROPOSAL_SECTIONS) section(cursor, d);
  for (let page = 0; page < canvas.pageCount; page++) {
    drawPageHeader(canvas, page, d, logo);
    drawPageFooter(canvas, page, d);
  }
  return { bytes: await doc.save(), pages: canvas.texts };
};

/** An A4 builder's proposal ("Propuesta comercial"), Helvetica only; a long schedule flows onto more pages. */
export class PdfQuoteDocumentRenderer implements QuoteDocumentRenderer {
  async render(document: QuoteDocument): Promise<Uint8Array> {
    return (await renderProposal(document)).bytes;
  }
}
