import type { PriceBucketId, ProjectId, UnitId, UnitTypeId } from '../shared/ids.ts';
import type { IsoDate } from '../shared/calendar.ts';
import type { Currency, Money } from '../shared/money.ts';

export const PROPERTY_TYPES = ['apartment', 'house', 'lot', 'office', 'commercial', 'warehouse'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export type UnitStatus = 'available' | 'reserved' | 'sold';

/** How a project is paid for: the builder's proposal ("propuesta constructor"). */
export type PaymentPlan = {
  readonly separationFee: Money;
  /** Down payment as basis points of the price (3000 = 30 %). */
  readonly downPaymentBps: number;
  /** Monthly down-payment instalments until delivery (≥ 1). */
  readonly instalments: number;
  /** Whether the separation fee counts toward the down payment. */
  readonly separationCreditedToDownPayment: boolean;
  /** Optional mortgage estimate for the balance. */
  readonly mortgage: { readonly annualRateBps: number; readonly years: number } | null;
  /** How many days a quote stays valid. */
  readonly quoteValidityDays: number;
  /**
   * Monthly instalments are rounded down to a multiple of this (minor units); the difference goes into the last one,
   * the adjustment instalment. By default $ 1.000 in COP, US$ 1 in USD.
   */
  readonly instalmentRounding?: number;
  /**
   * The project's delivery (the deed, "escrituración"), `YYYY-MM-DD`. With it, the number of monthly instalments is
   * the months that fit between the quote and the down-payment cut-off, and `instalments` is not used; without it
   * (plans stored before), `instalments` monthly instalments are quoted.
   */
  readonly deliveryDate?: IsoDate;
  /** The down payment is paid by this many months before delivery (default 3; builders ask 2 or 3). */
  readonly cutOffMonthsBeforeDelivery?: number;
  /** The fewest monthly instalments a quote may have (default 1): with fewer, there is too little time to quote. */
  readonly minimumInstalments?: number;
  /** Optional extraordinary instalments (e.g. June and December, with the primas), `null` or absent for none. */
  readonly extraordinaryInstalments?: ExtraordinaryInstalments | null;
};

/**
 * Extraordinary instalments ("cuotas extraordinarias"), paid in the chosen months together with that month's
 * instalment. `shareBps` of what is paid in instalments goes into them, the rest into the monthly ones.
 */
export type ExtraordinaryInstalments = {
  /** Calendar months, 1..12, e.g. `[6, 12]` for June and December. */
  readonly months: readonly number[];
  /** Basis points (1..9999) of the amount paid in instalments. */
  readonly shareBps: number;
};

/** Colombian housing regime: social (VIS) or priority (VIP) housing, whose price has a legal cap, or neither. */
export const HOUSING_REGIMES = ['vis', 'vip', 'no_vis'] as const;
export type HousingRegime = (typeof HOUSING_REGIMES)[number];

export const EXTRA_KINDS = ['parking', 'storage', 'other'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];

/**
 * A parking space, storage room or other extra the project sells with a unit. An `included` one is already part of
 * every unit's price (it prints as "sin costo adicional" and adds nothing); an optional one adds its price when chosen.
 */
export type ProjectExtra = {
  readonly id: string;
  readonly kind: ExtraKind;
  readonly label: string;
  readonly price: Money;
  readonly included: boolean;
};

export const FINANCING_TYPES = ['housing_credit', 'housing_leasing', 'commercial_credit', 'none'] as const;
/** How the balance after the down payment is usually financed. */
export type FinancingType = (typeof FINANCING_TYPES)[number];

/** Housing gets housing credit, offices, shops and warehouses commercial credit, lots none (banks rarely lend on them). */
export const DEFAULT_FINANCING: Readonly<Record<PropertyType, FinancingType>> = {
  apartment: 'housing_credit',
  house: 'housing_credit',
  lot: 'none',
  office: 'commercial_credit',
  commercial: 'commercial_credit',
  warehouse: 'commercial_credit',
};

/** The trust company holding buyers' payments until the project reaches its break-even point. */
export type Fiduciary = { readonly name: string; readonly note: string };

export type Project = {
  readonly id: ProjectId;
  readonly name: string;
  readonly city: string;
  readonly currency: Currency;
  readonly description: string;
  readonly paymentPlan: PaymentPlan;
  /** `null`: not a housing project (offices, lots…), or not said. */
  readonly housingRegime: HousingRegime | null;
  readonly extras: readonly ProjectExtra[];
  /** Socio-economic stratum 1–6 of the address (it sets utility rates), when the builder states it. */
  readonly estrato: number | null;
  /** Estimated monthly administration (HOA) fee per m² of private area. */
  readonly adminFeePerM2: Money | null;
  readonly fiduciary: Fiduciary | null;
  /** How buyers pay: bank account, PSE instructions… as the builder words it. */
  readonly paymentChannel: string | null;
  /** Overrides of `DEFAULT_FINANCING` per property type. */
  readonly financing: Partial<Record<PropertyType, FinancingType>>;
};

/** The project attributes added after the first catalogue, at their "not said" values. */
export type ProjectDetails = Pick<
  Project,
  'housingRegime' | 'extras' | 'estrato' | 'adminFeePerM2' | 'fiduciary' | 'paymentChannel' | 'financing'
>;

export const noProjectDetails: ProjectDetails = {
  housingRegime: null,
  extras: [],
  estrato: null,
  adminFeePerM2: null,
  fiduciary: null,
  paymentChannel: null,
  financing: {},
};

export const financingFor = (project: Pick<Project, 'financing'>, type: PropertyType): FinancingType =>
  project.financing[type] ?? DEFAULT_FINANCING[type];

export type UnitType = {
  readonly id: UnitTypeId;
  readonly projectId: ProjectId;
  /** e.g. "Apartamento 2 alcobas". */
  readonly name: string;
  readonly propertyType: PropertyType;
  readonly bedrooms: number | null;
  readonly areaM2: number;
};

export type Unit = {
  readonly id: UnitId;
  readonly projectId: ProjectId;
  readonly unitTypeId: UnitTypeId;
  /** The builder's code for the unit, e.g. "T1-502". */
  readonly code: string;
  /** Private area ("área privada"): what the price per m² and the administration fee are reckoned on. */
  readonly areaM2: number;
  /** Built area ("área construida"), walls and shafts included; `null` when not stated. */
  readonly builtAreaM2: number | null;
  readonly floor: number | null;
  readonly price: Money;
  readonly status: UnitStatus;
};

/** A configured price range, in minor units; `max: null` is open-ended. */
export type PriceBucket = {
  readonly id: PriceBucketId;
  readonly label: string;
  readonly min: number;
  readonly max: number | null;
};

/** The catalogue a business line offers. */
export type Catalog = {
  readonly projects: readonly Project[];
  readonly unitTypes: readonly UnitType[];
  readonly units: readonly Unit[];
  readonly priceBuckets: readonly PriceBucket[];
};

export const emptyCatalog: Catalog = { projects: [], unitTypes: [], units: [], priceBuckets: [] };
