/**
 * Every word the quote text and PDF print, in one replaceable catalogue (Spanish by default).
 * `{name}` placeholders are filled by `fillLabel`; a replacement catalogue may drop any of them.
 */
export type QuoteLabels = {
  readonly title: string;
  /** `{number}`: the quote number. */
  readonly titleWithNumber: string;
  readonly issuedOn: string;
  readonly validUntil: string;
  readonly project: string;
  readonly city: string;
  readonly unit: string;
  readonly unitType: string;
  readonly area: string;
  /** `{area}`: the area already formatted. */
  readonly areaValue: string;
  readonly figuresHeading: string;
  readonly price: string;
  readonly totalPrice: string;
  readonly separation: string;
  readonly separationCredited: string;
  readonly separationNotCredited: string;
  /** `{percent}`: e.g. `30 %`. */
  readonly downPayment: string;
  readonly savingsHeading: string;
  readonly instalments: string;
  /** `{amount}`. */
  readonly instalmentRunOne: string;
  /** `{count}`, `{amount}`. */
  readonly instalmentRunMany: string;
  readonly noInstalments: string;
  readonly scheduleHeading: string;
  readonly scheduleNumber: string;
  readonly scheduleAmount: string;
  readonly balanceToFinance: string;
  readonly mortgageHeading: string;
  readonly mortgagePayment: string;
  /** `{rate}` (E.A.), `{nominal}` (its N.M.V. equivalent), `{years}`. */
  readonly mortgageTerms: string;
  /** `{rate}`, `{years}`: quotes issued before rates were read as E.A. */
  readonly mortgageTermsNominal: string;
  readonly minimumIncome: string;
  /** `{percent}`: the largest share of income the payment may take. */
  readonly minimumIncomeDetail: string;
  readonly mortgageInsurance: string;
  readonly leasingHeading: string;
  readonly leasingPayment: string;
  readonly commercialCreditHeading: string;
  readonly commercialCreditDetail: string;
  /** Lots and other types with financing `none`: no credit estimate. */
  readonly noCreditEstimate: string;
  /** An extra that is part of the unit price. */
  readonly included: string;
  /** `{label}`, `{kind}`: a saving whose label is not its kind's own name. */
  readonly savingWithKind: string;
  readonly savingKindCesantias: string;
  readonly savingKindSubsidy: string;
  readonly savingKindOther: string;
  readonly savingsToConfirm: string;
  readonly priceRegime: string;
  readonly priceFixedInPesos: string;
  readonly housingRegime: string;
  readonly regimeVis: string;
  readonly regimeVip: string;
  readonly regimeNoVis: string;
  /** `{count}` SMMLV, `{cap}` in pesos, `{year}` of the SMMLV. */
  readonly housingCap: string;
  /** VIS and VIP quotes: the buyer may bring a housing subsidy. */
  readonly subsidyHint: string;
  /** `{count}`: lines left out of a long list. */
  readonly moreItems: string;
  /** `{validUntil}`: the last day the price holds, `dd/mm/aaaa`. */
  readonly disclaimer: string;
  readonly mortgageDisclaimer: string;
  /** `{page}`, `{pages}`. */
  readonly pageOf: string;
};

export const defaultQuoteLabels: QuoteLabels = {
  title: 'Cotización',
  titleWithNumber: 'Cotización {number}',
  issuedOn: 'Fecha',
  validUntil: 'Válida hasta',
  project: 'Proyecto',
  city: 'Ciudad',
  unit: 'Inmueble',
  unitType: 'Tipo',
  area: 'Área',
  areaValue: '{area} m²',
  figuresHeading: 'Precio y forma de pago',
  price: 'Precio',
  totalPrice: 'Precio total',
  separation: 'Separación',
  separationCredited: 'abonada a la cuota inicial',
  separationNotCredited: 'no se abona a la cuota inicial',
  downPayment: 'Cuota inicial ({percent})',
  savingsHeading: 'Ahorros aplicados a la cuota inicial',
  instalments: 'Cuotas mensuales',
  instalmentRunOne: '1 cuota de {amount}',
  instalmentRunMany: '{count} cuotas de {amount}',
  noInstalments: 'Sin cuotas mensuales: la cuota inicial queda cubierta',
  scheduleHeading: 'Plan de cuotas de la cuota inicial',
  scheduleNumber: 'Cuota',
  scheduleAmount: 'Valor',
  balanceToFinance: 'Saldo a financiar',
  mortgageHeading: 'Crédito hipotecario (estimado)',
  mortgagePayment: 'Cuota mensual estimada del crédito',
  mortgageTerms: 'Tasa fija {rate} E.A. (equivale a {nominal} N.M.V.), plazo {years} años',
  mortgageTermsNominal: 'Tasa fija {rate} nominal anual, plazo {years} años',
  minimumIncome: 'Ingreso familiar mínimo estimado',
  minimumIncomeDetail: 'Calculado para que la cuota no supere el {percent} del ingreso del hogar.',
  mortgageInsurance: 'El banco suma a la cuota los seguros obligatorios de vida y de incendio y terremoto.',
  leasingHeading: 'Leasing habitacional (estimado)',
  leasingPayment: 'Canon mensual estimado del leasing',
  commercialCreditHeading: 'Crédito comercial (estimado)',
  commercialCreditDetail:
    'El banco estudia el crédito comercial (o el leasing) según los ingresos y la capacidad de pago de tu empresa o actividad.',
  noCreditEstimate:
    'Para este tipo de inmueble no simulamos crédito: el saldo se paga con recursos propios o con la financiación que apruebe tu banco.',
  included: 'incluido',
  savingWithKind: '{label} ({kind})',
  savingKindCesantias: 'cesantías',
  savingKindSubsidy: 'subsidio',
  savingKindOther: 'otro ahorro',
  savingsToConfirm:
    'Nos contaste que usarás cesantías o subsidio de vivienda: un asesor confirmará contigo los montos y los descontará de la cuota inicial.',
  priceRegime: 'Régimen de precio',
  priceFixedInPesos: 'Precio fijo en pesos colombianos desde la separación (SIC, Circular Externa 004 de 2024)',
  housingRegime: 'Tipo de vivienda',
  regimeVis: 'Vivienda de interés social (VIS)',
  regimeVip: 'Vivienda de interés prioritario (VIP)',
  regimeNoVis: 'Vivienda no VIS',
  housingCap: 'tope legal de {count} SMMLV ({cap} con el salario mínimo de {year})',
  subsidyHint:
    'Si tu hogar cumple los requisitos, puedes aplicar a la cuota inicial el subsidio de vivienda de tu caja de compensación y tus cesantías.',
  moreItems: 'y {count} más',
  disclaimer:
    'Precio válido hasta {validUntil}, sujeto a disponibilidad; queda fijado al firmar la separación. ' +
    'Cotización informativa: no constituye una oferta vinculante.',
  mortgageDisclaimer:
    'La cuota del crédito es una simulación a tasa fija; la entidad financiera define el monto, la tasa y el plazo.',
  pageOf: 'Página {page} de {pages}',
};

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export const fillLabel = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
