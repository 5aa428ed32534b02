import { noPropertyDetails } from '../../domain/quote/quote-document.ts';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfQuoteDocumentRenderer, renderProposal } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import { simulateQuote } from '../../domain/quote/quote.ts';
import { defaultQuoteLabels } from '../../domain/quote/quote-labels.ts';
import { mortgageRows, quoteFigureRows, quoteSummaryText } from '../../domain/quote/quote-text.ts';
import { formatMoney } from '../../domain/shared/money.ts';
import { aQuoteDocument, quoteOf } from '../builders/quote-document-builder.ts';
import { aQuoteRequest } from '../builders/quote-request-builder.ts';

const renderer = new PdfQuoteDocumentRenderer();
const header = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes.slice(0, 5));

const anyPlan = fc.record({
  price: fc.integer({ min: 50_000_000, max: 3_000_000_000 }),
  separation: fc.integer({ min: 0, max: 10_000_000 }),
  downPaymentBps: fc.integer({ min: 1000, max: 5000 }),
  instalments: fc.integer({ min: 1, max: 120 }),
  mortgage: fc.option(
    fc.record({ annualRateBps: fc.integer({ min: 0, max: 3000 }), years: fc.integer({ min: 5, max: 30 }) }),
  ),
  extra: fc.option(fc.integer({ min: 1, max: 80_000_000 })),
  saving: fc.option(fc.integer({ min: 1, max: 5_000_000 })),
});

const quoteFor = (p: typeof anyPlan extends fc.Arbitrary<infer T> ? T : never) => {
  let req = aQuoteRequest()
    .withPrice(p.price)
    .withPlan({
      separationFee: { amount: p.separation, currency: 'COP' },
      downPaymentBps: p.downPaymentBps,
      instalments: p.instalments,
      mortgage: p.mortgage,
    });
  if (p.extra !== null) req = req.withExtra('Parqueadero', p.extra);
  if (p.saving !== null) req = req.withSaving('Cesantías', p.saving);
  const quote = simulateQuote(req.build());
  // Plans whose savings or separation exceed the down payment are refused by the simulation, not printed.
  fc.pre(quote.ok);
  return quote.value;
};

describe('PdfQuoteDocumentRenderer', () => {
  it('renders an A4 proposal that pdf-lib reads back, titled with the quote number', async () => {
    const bytes = await renderer.render(aQuoteDocument().build());
    expect(header(bytes)).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toBe('Cotización COT-000042');
    expect(doc.getAuthor()).toBe('Constructora Andina Demo S.A.S.');
  });

  it('prints every figure of the WhatsApp text, and every instalment, for any quote', async () => {
    await fc.assert(
      fc.asyncProperty(anyPlan, async (plan) => {
        const quote = quoteFor(plan);
        const text = quoteSummaryText(quote, defaultQuoteLabels);
        const drawn = (await renderProposal(aQuoteDocument().forQuote(quote).build())).pages.flat();
        const figures = [...quoteFigureRows(quote, defaultQuoteLabels), ...mortgageRows(quote, defaultQuoteLabels)]
          .map((r) => r.value)
          .filter((v) => v !== '');
        for (const figure of figures) {
          expect(text).toContain(figure);
          expect(drawn).toContain(figure);
        }
        for (const amount of quote.instalments) expect(drawn).toContain(formatMoney(amount));
      }),
      { numRuns: 25 },
    );
  });

  it('names the builder, the client and the advisor', async () => {
    const { pages } = await renderProposal(aQuoteDocument().build());
    expect(pages[0]).toEqual(
      expect.arrayContaining([
        'Constructora Andina Demo S.A.S.',
        'NIT 901.234.567-7',
        'Sala de ventas: +57 604 444 0100 · ventas@constructora-demo.co',
        'Marta Lucía Gil',
        'marta.gil@correo.co',
        '+57 300 777 0091',
        'Ana Gómez',
        'Propuesta comercial'.toUpperCase(),
        'Cotización COT-000042',
      ]),
    );
  });

  it('flows a 60-instalment schedule onto more pages, each with the header, the table head and the footer', async () => {
    const short = await renderProposal(
      aQuoteDocument()
        .forQuote(quoteOf(aQuoteRequest().withPlan({ instalments: 6 }).build()))
        .withProperty(noPropertyDetails)
        .build(),
    );
    const long = await renderProposal(
      aQuoteDocument()
        .forQuote(quoteOf(aQuoteRequest().withPlan({ instalments: 60 }).build()))
        .withProperty(noPropertyDetails)
        .build(),
    );
    expect(short.pages).toHaveLength(1);
    expect(long.pages.length).toBeGreaterThan(1);
    long.pages.forEach((page, i) => {
      expect(page).toContain(`Página ${i + 1} de ${long.pages.length}`);
      expect(page).toContain('COT-000042');
      expect(page).toContain('Constructora Andina Demo S.A.S. · NIT 901.234.567-7');
      expect(page).toContain('Cuota');
    });
    expect(long.pages.flat()).toContain('Cuota 60 (ajuste)');
    expect(long.pages.flat()).toContain('Fecha');
    expect((await PDFDocument.load(long.bytes)).getPageCount()).toBe(long.pages.length);
  });

  it('prints the catalogue’s details, the regime, the trust and how to pay, and the credit heading per financing', async () => {
    const vis = quoteOf(aQuoteRequest().withProject({ housingRegime: 'vis' }).withPrice(180_000_000).build());
    const { pages } = await renderProposal(aQuoteDocument().forQuote(vis).build());
    const drawn = pages.flat();

    for (const text of ['Área construida', '68,4 m²', 'Piso', 'Estrato', '$ 250.000 al mes', 'Pagos y fiducia'])
      expect(drawn, text).toContain(text);
    expect(drawn.some((s) => s.includes('Fiduciaria Demo S.A.'))).toBe(true);
    expect(drawn.some((s) => s.includes('Precio fijo en pesos'))).toBe(true);
    expect(drawn.some((s) => s.includes('Vivienda de interés social (VIS)'))).toBe(true);
    expect(drawn).toContain('Crédito hipotecario (estimado)');
  });

  it('renders without a builder profile, an advisor or client details', async () => {
    const { pages, bytes } = await renderProposal(
      aQuoteDocument()
        .withBuilder(null)
        .withAdvisor(null)
        .withClient({ name: null, email: null, phone: null })
        .withDataPolicyUrl(null)
        .build(),
    );
    expect(pages[0]).toEqual(
      expect.arrayContaining(['Propuesta comercial', 'Sin registrar', defaultQuoteLabels.advisorPending]),
    );
    expect(pages.flat().some((t) => t.includes('NIT'))).toBe(false);
    expect(pages.flat().some((t) => t.includes('{policy}'))).toBe(false);
    expect(header(bytes)).toBe('%PDF-');
  });

  it('leaves out a logo pdf-lib cannot read rather than failing the quote', async () => {
    const builder = aQuoteDocument().build().builder;
    if (builder === null || builder.logo === null) throw new Error('the demo builder has a logo');
    // A PNG labelled as a JPEG: pdf-lib refuses it at once.
    const broken = { ...builder, logo: { ...builder.logo, mimeType: 'image/jpeg' as const } };
    const bytes = await renderer.render(aQuoteDocument().withBuilder(broken).build());
    expect(header(bytes)).toBe('%PDF-');
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
    const document = aQuoteDocument()
      .forQuote(quote)
      .withLabels(labels)
      .withClient({ name: 'Zoë 😀 Ñ', email: null, phone: null })
      .build();
    expect((await PDFDocument.load(await renderer.render(document))).getPageCount()).toBeGreaterThan(0);
  });

  it('renders the same document to the same bytes', async () => {
    const [a, b] = await Promise.all([
      renderer.render(aQuoteDocument().build()),
      renderer.render(aQuoteDocument().build()),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
