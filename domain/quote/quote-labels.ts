/**
 * Every word the quote text and PDF print, in one replaceable catalogue (Spanish by default).
 * `{name}` placeholders are filled by `fillLabel`; a replacement catalogue may drop any of them.
 */
export type QuoteLabels = {
  readonly title: string;
  /** `{number}`: the quote number. */
  readonly titleWithNumber: string;
  /** `{number}`, `{version}`: the title of a quote's second and later versions. */
  readonly titleWithVersion: string;
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
  /** `{amount}`, `{date}` (the issue day, `dd/mm/aaaa`), `{credited}` (one of the two above). */
  readonly separationValue: string;
  /** `{percent}`: e.g. `30 %`. */
  readonly downPayment: string;
  readonly savingsHeading: string;
  readonly instalments: string;
  /** `{amount}`. */
  readonly instalmentRunOne: string;
  /** `{count}`, `{amount}`. */
  readonly instalmentRunMany: string;
  readonly noInstalments: string;
  /** `{amount}`: the last, adjustment instalment after a run of round ones. */
  readonly instalmentAdjustment: string;
  /** `{first}`, `{last}`: due days of the first and last instalment. */
  readonly instalmentPeriod: string;
  /** `{first}`: the due day of a lone instalment. */
  readonly instalmentPeriodOne: string;
  readonly extraordinaryInstalments: string;
  /** `{months}` (e.g. `junio y diciembre`), `{first}`, `{last}`. */
  readonly extraordinaryPeriod: string;
  /** `{months}`, `{first}`: a lone extraordinary instalment. */
  readonly extraordinaryPeriodOne: string;
  /** The twelve month names, January first, separated by commas. */
  readonly monthNames: string;
  /** The word joining the last two items of a list (`junio y diciembre`). */
  readonly listAnd: string;
  readonly downPaymentCutOff: string;
  readonly deliveryDate: string;
  /** `{date}`: the delivery day, when the balance is paid at the deed. */
  readonly balanceAtDeed: string;
  /** The same for a quote whose plan had no delivery date. */
  readonly balanceAtDeedUndated: string;
  readonly scheduleHeading: string;
  readonly scheduleNumber: string;
  readonly scheduleAmount: string;
  readonly scheduleDate: string;
  /** `{number}`: 1, 2, 3… */
  readonly scheduleInstalment: string;
  /** `{number}`: the last monthly instalment, which takes the rounding difference. */
  readonly scheduleAdjustment: string;
  /** `{number}`. */
  readonly scheduleExtraordinary: string;
  readonly scheduleDeed: string;
  /** The PDF's title above the quote number. */
  readonly proposalTitle: string;
  readonly clientHeading: string;
  readonly advisorHeading: string;
  readonly propertyHeading: string;
  readonly floor: string;
  readonly builtArea: string;
  readonly estrato: string;
  readonly adminFee: string;
  /** `{amount}`: the fee, already formatted. */
  readonly adminFeeValue: string;
  readonly paymentsHeading: string;
  readonly fiduciary: string;
  readonly paymentChannel: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly nit: string;
  readonly salesRoom: string;
  /** Where a client's or advisor's detail is unknown. */
  readonly notGiven: string;
  readonly advisorPending: string;
  readonly legalHeading: string;
  /** `{policy}`: where the data policy is published (left out, with its brackets, when none is). */
  readonly dataProtection: string;
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
  titleWithVersion: 'Cotización {number} (versión {version})',
  issuedOn: 'Fecha',
  validUntil: 'Válida hasta',
  project: 'Proyecto',
  city: 'Ciudad',
  unit: 'Inmueble',
  unitType: 'Tipo',
  area: 'Área privada',
  areaValue: '{area} m²',
  figuresHeading: 'Precio y forma de pago',
  price: 'Precio',
  totalPrice: 'Precio total',
  separation: 'Separación',
  separationCredited: 'abonada a la cuota inicial',
  separationNotCredited: 'no se abona a la cuota inicial',
  separationValue: '{amount} el {date} ({credited})',
  downPayment: 'Cuota inicial ({percent})',
  savingsHeading: 'Ahorros aplicados a la cuota inicial',
  instalments: 'Cuotas mensuales',
  instalmentRunOne: '1 cuota de {amount}',
  instalmentRunMany: '{count} cuotas de {amount}',
  noInstalments: 'Sin cuotas mensuales: la cuota inicial queda cubierta',
  instalmentAdjustment: 'la última (ajuste) de {amount}',
  instalmentPeriod: 'Del {first} al {last}, una cada mes',
  instalmentPeriodOne: 'El {first}',
  extraordinaryInstalments: 'Cuotas extraordinarias',
  extraordinaryPeriod: 'En {months}, del {first} al {last}',
  extraordinaryPeriodOne: 'En {months}: el {first}',
  monthNames: 'enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,diciembre',
  listAnd: 'y',
  downPaymentCutOff: 'Fecha límite de la cuota inicial',
  deliveryDate: 'Entrega prevista',
  balanceAtDeed: 'Se paga al escriturar, con la entrega ({date})',
  balanceAtDeedUndated: 'Se paga al escriturar',
  scheduleHeading: 'Plan de cuotas de la cuota inicial',
  scheduleNumber: 'Cuota',
  scheduleAmount: 'Valor',
  scheduleDate: 'Fecha',
  scheduleInstalment: 'Cuota {number}',
  scheduleAdjustment: 'Cuota {number} (ajuste)',
  scheduleExtraordinary: 'Cuota extraordinaria {number}',
  scheduleDeed: 'Saldo al escriturar',
  proposalTitle: 'Propuesta comercial',
  clientHeading: 'Cliente',
  advisorHeading: 'Asesor comercial',
  propertyHeading: 'Inmueble',
  floor: 'Piso',
  builtArea: 'Área construida',
  estrato: 'Estrato',
  adminFee: 'Administración estimada',
  adminFeeValue: '{amount} al mes',
  paymentsHeading: 'Pagos y fiducia',
  fiduciary: 'Fiducia',
  paymentChannel: 'Cómo pagar',
  contactName: 'Nombre',
  contactPhone: 'Teléfono',
  contactEmail: 'Correo',
  nit: 'NIT',
  salesRoom: 'Sala de ventas',
  notGiven: 'Sin registrar',
  advisorPending: 'Un asesor comercial se comunicará contigo pronto.',
  legalHeading: 'Condiciones',
  dataProtection:
    'Tus datos personales se tratan conforme a la Ley 1581 de 2012 y a nuestra política de tratamiento de datos ({policy}).',
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
  included: 'sin costo adicional',
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
