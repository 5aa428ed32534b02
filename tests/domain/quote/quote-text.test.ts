import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteReference, simulateQuote, type Quote, type QuoteRequest } from '../../../domain/quote/quote.ts';
import { defaultQuoteLabels, type QuoteLabels } from '../../../domain/quote/quote-labels.ts';
import {
  clipText,
  formatDateCo,
  formatPercentBps,
  quoteSummaryText,
  WHATSAPP_TEXT_LIMIT,
} from '../../../domain/quote/quote-text.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const quoteOf = (req: QuoteRequest): Quote => {
  const result = simulateQuote(req);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('quoteSummaryText', () => {
  const text = quoteSummaryText(quoteOf(aQuoteRequest().build()), defaultQuoteLabels);

  it('says until which day the price holds, subject to availability, instead of "may change without notice"', () => {
    expect(text).toContain(
      '_Precio válido hasta 14/04/2025, sujeto a disponibilidad; queda fijado al firmar la separación. ' +
        'Cotización informativa: no constituye una oferta vinculante._',
    );
    expect(text).not.toContain('sin previo aviso');
  });

  it('titles a second version with its version, and the reference carries it too', () => {
    const first = quoteOf(aQuoteRequest().build());
    const second = quoteOf({ ...aQuoteRequest().build(), version: 2 });

    expect(quoteSummaryText(first, defaultQuoteLabels).split('\n')[0]).toBe(`*Cotización ${first.number}*`);
    expect(quoteSummaryText(second, defaultQuoteLabels).split('\n')[0]).toBe(
      `*Cotización ${second.number} (versión 2)*`,
    );
    expect([quoteReference(first), quoteReference(second)]).toEqual([first.number, `${first.number}-2`]);
    expect(simulateQuote({ ...aQuoteRequest().build(), version: 0 })).toMatchObject({
      ok: false,
      error: { type: 'InvalidAmount', field: 'version' },
    });
  });

  it('shows every figure formatted, one per line, under bold headings', () => {
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '*Cotización COT-000042*',
        'Fecha: 15/03/2025',
        'Válida hasta: 14/04/2025',
        '*Proyecto:* Torres del Parque',
        '*Ciudad:* Medellín',
        '*Inmueble:* Apartamento 2 alcobas · T1-502',
        '*Área privada:* 62,5 m²',
        '*Precio:* $ 350.000.000',
        '*Separación:* $ 5.000.000 el 15/03/2025 (abonada a la cuota inicial)',
        '*Cuota inicial (30 %):* $ 105.000.000',
        '*Cuotas mensuales:* 23 cuotas de $ 4.166.000 y la última (ajuste) de $ 4.182.000',
        'Del 15/04/2025 al 15/03/2027, una cada mes',
        '*Saldo a financiar:* $ 245.000.000',
        'Se paga al escriturar',
        '*Crédito hipotecario (estimado)*',
        '*Cuota mensual estimada del crédito:* $ 2.593.628',
        'Tasa fija 12 % E.A. (equivale a 11,39 % N.M.V.), plazo 20 años',
        '*Ingreso familiar mínimo estimado:* $ 6.484.070',
        'Calculado para que la cuota no supere el 40 % del ingreso del hogar.',
        'El banco suma a la cuota los seguros obligatorios de vida y de incendio y terremoto.',
      ]),
    );
    // One figure per line, but for the instalment runs, which read as one sentence.
    const figureLines = lines.filter((line) => !line.startsWith('*Cuotas mensuales:*'));
    expect(lines).not.toContain('*Entrega prevista:*');
    expect(figureLines.every((line) => (line.match(/\$ \d/g) ?? []).length <= 1)).toBe(true);
  });

  it('dates the schedule by the delivery: separation, monthly and extraordinary instalments, cut-off, deed', () => {
    const dated = aQuoteRequest()
      .withPlan({ deliveryDate: '2027-06-30', extraordinaryInstalments: { months: [12, 6], shareBps: 2000 } })
      .build();
    const lines = quoteSummaryText(quoteOf(dated), defaultQuoteLabels).split('\n');
    const from = lines.indexOf('*Área privada:* 62,5 m²');
    expect(lines[from + 1]).toBe('*Entrega prevista:* 30/06/2027');
    const start = lines.findIndex((line) => line.startsWith('*Separación:*'));
    expect(lines.slice(start, start + 10)).toEqual([
      '*Separación:* $ 5.000.000 el 15/03/2025 (abonada a la cuota inicial)',
      '*Cuota inicial (30 %):* $ 105.000.000',
      // 20 % of the $ 100.000.000 left goes into the four Junes and Decembers before the cut-off.
      '*Cuotas mensuales:* 23 cuotas de $ 3.333.000 y la última (ajuste) de $ 3.341.000',
      'Del 15/04/2025 al 15/03/2027, una cada mes',
      '*Cuotas extraordinarias:* 4 cuotas de $ 5.000.000',
      'En junio y diciembre, del 15/06/2025 al 15/12/2026',
      '*Fecha límite de la cuota inicial:* 30/03/2027',
      '*Saldo a financiar:* $ 245.000.000',
      'Se paga al escriturar, con la entrega (30/06/2027)',
      '',
    ]);
  });

  it('says a lone instalment and a lone extraordinary one by their day', () => {
    const q = quoteOf(
      aQuoteRequest()
        .withPlan({ deliveryDate: '2025-07-20', extraordinaryInstalments: { months: [4], shareBps: 5000 } })
        .build(),
    );
    const lines = quoteSummaryText(q, defaultQuoteLabels).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '*Cuotas mensuales:* 1 cuota de $ 50.000.000',
        'El 15/04/2025',
        '*Cuotas extraordinarias:* 1 cuota de $ 50.000.000',
        'En abril: el 15/04/2025',
        '*Fecha límite de la cuota inicial:* 20/04/2025',
      ]),
    );
  });

  it('lists extras and savings and says when nothing is left to pay monthly', () => {
    const q = quoteOf(
      aQuoteRequest().withExtra('Parqueadero', 25_000_000).withSaving('Subsidio Mi Casa Ya', 107_500_000).build(),
    );
    const lines = quoteSummaryText(q, defaultQuoteLabels).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Parqueadero: $ 25.000.000',
        '*Precio total:* $ 375.000.000',
        'Subsidio Mi Casa Ya: - $ 107.500.000',
        '*Cuotas mensuales:* Sin cuotas mensuales: la cuota inicial queda cubierta',
      ]),
    );
  });

  it('uses the labels it is given, not built-in Spanish', () => {
    const english: QuoteLabels = {
      ...defaultQuoteLabels,
      titleWithNumber: 'Quote {number}',
      price: 'Price',
      instalmentRunMany: '{count} payments of {amount}',
    };
    const out = quoteSummaryText(quoteOf(aQuoteRequest().build()), english);
    expect(out).toContain('*Quote COT-000042*');
    expect(out).toContain('*Price:* $ 350.000.000');
    expect(out).toContain('23 payments of $ 4.166.000');
    expect(out).not.toMatch(/\*Cotización|Precio:/);
  });

  it('never exceeds the WhatsApp limit nor splits a character, whatever the names and labels', () => {
    const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
    const labels = fc.record(
      Object.fromEntries(Object.keys(defaultQuoteLabels).map((k) => [k, text(300)])) as {
        [K in keyof QuoteLabels]: fc.Arbitrary<string>;
      },
    );
    const request = fc
      .record({
        name: text(2_000),
        code: text(500),
        extras: fc.array(text(300), { maxLength: 30 }),
        savings: fc.array(text(300), { maxLength: 30 }),
      })
      .map(({ name, code, extras, savings }) => {
        let b = aQuoteRequest().withProject({ name, city: name }).withUnitCode(code).withUnitType({ name });
        for (const label of extras) b = b.withExtra(label, 1_000_000);
        for (const label of savings) b = b.withSaving(label, 1_000);
        return b.build();
      });
    fc.assert(
      fc.property(request, labels, (req, l) => {
        const out = quoteSummaryText(quoteOf(req), l);
        expect(out.length).toBeLessThanOrEqual(WHATSAPP_TEXT_LIMIT);
        expect(loneSurrogate.test(out)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatDateCo', () => {
  const FIVE_HOURS = 5 * 3_600_000;
  const anyInstant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) });

  it('gives the civil date at UTC−5', () => {
    fc.assert(
      fc.property(anyInstant, (instant) => {
        const d = new Date(instant - FIVE_HOURS);
        const expected = [d.getUTCDate(), d.getUTCMonth() + 1].map((n) => String(n).padStart(2, '0'));
        expect(formatDateCo(instant)).toBe(`${expected.join('/')}/${String(d.getUTCFullYear()).padStart(4, '0')}`);
      }),
    );
  });

  it('agrees with the America/Bogota time zone since Colombia dropped daylight saving', () => {
    const bogota = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Bogota',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1994, 0, 1), max: Date.UTC(2100, 0, 1) }), (instant) => {
        expect(formatDateCo(instant)).toBe(bogota.format(new Date(instant)));
      }),
    );
  });

  it('turns the day at 05:00 UTC', () => {
    expect(formatDateCo(Date.UTC(2025, 0, 1, 4, 59, 59, 999))).toBe('31/12/2024');
    expect(formatDateCo(Date.UTC(2025, 0, 1, 5))).toBe('01/01/2025');
    expect(formatDateCo(Date.UTC(2024, 2, 1, 4))).toBe('29/02/2024');
  });
});

describe('small formatters', () => {
  it('prints basis points as a Colombian percentage', () => {
    expect([3000, 1250, 1234, 5, 0].map(formatPercentBps)).toEqual(['30 %', '12,5 %', '12,34 %', '0,05 %', '0 %']);
  });

  it('clips with an ellipsis and keeps emoji whole', () => {
    expect(clipText('Torres🌳x', 8)).toBe('Torres…');
    expect(clipText('Torres🌳x', 9)).toBe('Torres🌳x');
    expect(clipText('corto', 9)).toBe('corto');
  });
});
