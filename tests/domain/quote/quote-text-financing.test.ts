import { describe, expect, it } from 'vitest';
import { simulateQuote, type Quote, type QuoteRequest } from '../../../domain/quote/quote.ts';
import { defaultQuoteLabels } from '../../../domain/quote/quote-labels.ts';
import { quoteSummaryText } from '../../../domain/quote/quote-text.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const textOf = (req: QuoteRequest): string => {
  const result = simulateQuote(req);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return quoteSummaryText(result.value as Quote, defaultQuoteLabels);
};

describe('the WhatsApp quote per financing type, regime, extras and savings', () => {
  it('gives housing the mortgage block with the 40 % income rule', () => {
    const text = textOf(aQuoteRequest().build());
    expect(text).toContain('*Crédito hipotecario (estimado)*');
    expect(text).toContain('*Ingreso familiar mínimo estimado:*');
  });

  it('labels housing leasing "leasing habitacional"', () => {
    const text = textOf(
      aQuoteRequest()
        .withProject({ financing: { apartment: 'housing_leasing' } })
        .build(),
    );
    expect(text).toContain('*Leasing habitacional (estimado)*');
    expect(text).toContain('*Canon mensual estimado del leasing:*');
  });

  it('gives an office a commercial credit block without the household-income rule', () => {
    const text = textOf(aQuoteRequest().withUnitType({ propertyType: 'office' }).build());
    expect(text).toContain('*Crédito comercial (estimado)*');
    expect(text).not.toContain('Ingreso familiar mínimo');
    expect(text).not.toContain('Crédito hipotecario');
  });

  it('gives a lot no credit estimate, and says so', () => {
    const text = textOf(aQuoteRequest().withUnitType({ propertyType: 'lot' }).build());
    expect(text).not.toContain('Crédito hipotecario');
    expect(text).not.toContain('Cuota mensual estimada');
    expect(text).toContain('no simulamos crédito');
  });

  it('states the price regime, and for VIS the cap in SMMLV and the subsidy', () => {
    const text = textOf(aQuoteRequest().withProject({ housingRegime: 'vis' }).withPrice(185_000_000).build());
    expect(text).toContain(
      '*Régimen de precio:* Precio fijo en pesos colombianos desde la separación (SIC, Circular Externa 004 de 2024)',
    );
    expect(text).toContain(
      '*Tipo de vivienda:* Vivienda de interés social (VIS), tope legal de 150 SMMLV ($ 262.635.750 con el salario mínimo de 2026)',
    );
    expect(text).toContain('subsidio de vivienda de tu caja de compensación');
  });

  it('lists included extras as "incluido" and optional ones with their price in the total', () => {
    const text = textOf(
      aQuoteRequest()
        .withCataloguedExtra('Parqueadero cubierto', 30_000_000, { included: true })
        .withExtra('Depósito', 12_000_000, 'storage')
        .build(),
    );
    expect(text).toContain('Parqueadero cubierto: sin costo adicional');
    expect(text).toContain('Depósito: $ 12.000.000');
    expect(text).toContain('*Precio total:* $ 362.000.000');
  });

  it('names each saving with its kind, and says an advisor confirms amounts the lead did not give', () => {
    const text = textOf(
      aQuoteRequest()
        .withSaving(undefined, 8_000_000, 'cesantias')
        .withSaving('Caja Compensar', 20_000_000, 'subsidy')
        .build(),
    );
    expect(text).toContain('Cesantías: - $ 8.000.000');
    expect(text).toContain('Caja Compensar (subsidio): - $ 20.000.000');
    const promised = textOf({
      ...aQuoteRequest().withProject({ housingRegime: 'vis' }).withPrice(185_000_000).build(),
      savingsToConfirm: true,
    });
    expect(promised).toContain('un asesor confirmará contigo los montos');
    expect(promised).not.toContain('puedes aplicar a la cuota inicial el subsidio');
  });
});
