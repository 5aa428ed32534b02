import type { ExtraKind, ProjectDetails, ProjectExtra, PropertyType } from '../../domain/catalog/catalog.ts';

const M = 1_000_000;

const extra = (projectId: string, n: number, kind: ExtraKind, label: string, priceM: number, included = false) =>
  ({
    id: `${projectId}-${kind}-${n}`,
    kind,
    label,
    price: { amount: priceM * M, currency: 'COP' },
    included,
  }) satisfies ProjectExtra;

const fee = (pesos: number) => ({ amount: pesos, currency: 'COP' as const });

const trust = (name: string) => ({ name, note: `${name}, encargo fiduciario de preventas del proyecto` });

const channel = (bank: string) =>
  `Consignación o PSE a la cuenta del encargo fiduciario en ${bank}, con tu número de cédula como referencia. ` +
  'Nunca consignes a cuentas personales.';

/**
 * What the demo projects print besides their payment plan: parking and storage (included in the price or optional),
 * estratos, administration fees, a trust on a few, the VIS project and commercial financing for the offices.
 */
export const DEMO_DETAILS: Readonly<Record<string, Partial<ProjectDetails>>> = {
  'p-bog-1': {
    housingRegime: 'no_vis',
    estrato: 4,
    adminFeePerM2: fee(4_800),
    extras: [
      extra('p-bog-1', 1, 'parking', 'Parqueadero privado', 30, true),
      extra('p-bog-1', 2, 'parking', 'Parqueadero adicional', 32),
      extra('p-bog-1', 1, 'storage', 'Depósito', 12),
    ],
    fiduciary: trust('Fiduciaria Bogotá'),
    paymentChannel: channel('Fiduciaria Bogotá'),
  },
  'p-bog-2': {
    housingRegime: 'no_vis',
    estrato: 5,
    adminFeePerM2: fee(6_500),
    extras: [
      extra('p-bog-2', 1, 'parking', 'Dos parqueaderos privados', 60, true),
      extra('p-bog-2', 1, 'storage', 'Depósito', 15, true),
    ],
    fiduciary: trust('Alianza Fiduciaria'),
    paymentChannel: channel('Alianza Fiduciaria'),
  },
  'p-bog-3': {
    adminFeePerM2: fee(9_500),
    extras: [extra('p-bog-3', 1, 'parking', 'Parqueadero', 45)],
    financing: { office: 'commercial_credit', commercial: 'commercial_credit' },
  },
  'p-bog-4': {
    housingRegime: 'vis',
    estrato: 2,
    adminFeePerM2: fee(2_600),
    extras: [extra('p-bog-4', 1, 'parking', 'Parqueadero comunal (por asignación)', 0, true)],
    fiduciary: trust('Fiduciaria Davivienda'),
    paymentChannel: channel('Fiduciaria Davivienda'),
  },
  'p-med-1': {
    housingRegime: 'no_vis',
    estrato: 5,
    adminFeePerM2: fee(5_200),
    extras: [extra('p-med-1', 1, 'parking', 'Parqueadero', 35), extra('p-med-1', 1, 'storage', 'Útil', 9)],
  },
  'p-med-2': { housingRegime: 'no_vis' },
  'p-med-3': { housingRegime: 'no_vis', estrato: 4, adminFeePerM2: fee(4_200) },
  'p-cal-1': { housingRegime: 'no_vis', estrato: 5 },
  'p-cal-2': { housingRegime: 'no_vis', estrato: 4, adminFeePerM2: fee(3_900) },
  'p-baq-1': {
    housingRegime: 'no_vis',
    estrato: 5,
    adminFeePerM2: fee(5_000),
    extras: [
      extra('p-baq-1', 1, 'parking', 'Parqueadero privado', 28, true),
      extra('p-baq-1', 1, 'storage', 'Depósito', 10),
    ],
  },
  'p-baq-2': { housingRegime: 'no_vis', estrato: 4 },
  'p-baq-3': { adminFeePerM2: fee(7_000), extras: [extra('p-baq-3', 1, 'parking', 'Parqueadero', 38)] },
};

/** Unit types whose units are all sold: the bot says "agotada" and offers another or an advisor. */
export const SOLD_OUT_TYPES: ReadonlySet<string> = new Set(['p-bog-2-t2']);

/** Built area over private area: walls, columns and shafts, about 12 % in these buildings; lots have none. */
export const builtAreaOf = (type: PropertyType, areaM2: number): number | null =>
  type === 'lot' ? null : Math.round(areaM2 * 1.12 * 10) / 10;
