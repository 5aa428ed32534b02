import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfQuoteDocumentRenderer } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import { simulateQuote, type Quote, type QuoteRequest } from '../../domain/quote/quote.ts';
import { defaultQuoteLabels } from '../../domain/quote/quote-labels.ts';
import { aQuoteRequest } from '../builders/quote-request-builder.ts';

const quoteOf = (req: QuoteRequest): Quote => {
  const result = simulateQuote(req);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const renderer = new PdfQuoteDocumentRenderer();
const header = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes.slice(0, 5));

describe('PdfQuoteDocumentRenderer', () => {
  it('renders a one-page A4 PDF that pdf-lib reads back', async () => {
    const bytes = await renderer.render(quoteOf(aQuoteRequest().build()), defaultQuoteLabels);
    expect(header(bytes)).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toBe('Cotización COT-000042');
  });

  it('survives accents, emoji, and characters outside WinAnsi in every free text', async () => {
    const quote = quoteOf(
      aQuoteRequest()
        .withProject({ name: 'Edificio Ñandú 🏡 — Peñalisa', city: 'Bogotá D.C. ✨' })
        .withUnitType({ name: 'Apartaestudio − 1 alcoba 中文' })
        .withUnitCode('T1‑502 😀')
        .withExtra('Depósito №3 🚗', 8_000_000)
        .withSaving('Cesantías ő', 1_000_000)
        .build(),
    );
    const labels = { ...defaultQuoteLabels, disclaimer: `${defaultQuoteLabels.disclaimer} 🙏\nGracias.` };
    const doc = await PDFDocument.load(await renderer.render(quote, labels));
    expect(doc.getPageCount()).toBe(1);
  });

  it('continues a long instalment schedule on further pages', async () => {
    const quote = quoteOf(aQuoteRequest().withPlan({ instalments: 600 }).build());
    const doc = await PDFDocument.load(await renderer.render(quote, defaultQuoteLabels));
    expect(quote.instalments).toHaveLength(600);
    expect(doc.getPageCount()).toBeGreaterThan(1);
  });

  it('renders the same quote to the same bytes', async () => {
    const quote = quoteOf(aQuoteRequest().build());
    const [a, b] = await Promise.all([
      renderer.render(quote, defaultQuoteLabels),
      renderer.render(quote, defaultQuoteLabels),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
