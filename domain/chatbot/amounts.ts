import { foldText } from './normalize-text.ts';

/** Prices a lead named, in COP (whole pesos, COP's minor unit): `max: null` has no ceiling. */
export type AmountRange = { readonly min: number; readonly max: number | null };

const MILLION = 1_000_000;

/** A number as Colombians write it: "300.000.000", "300'000.000", "1.200", "2,5", "300". */
const NUMBER = String.raw`\d{1,3}(?:[.,']\d{3})+|\d+(?:[.,]\d{1,2})?`;
/** What multiplies it: "millones", "palos", "M", "mil millones"; never m² or metros. */
const UNIT = String.raw`mil\s+millones|millones|millon|millo|mill|mm|m(?![2²\p{L}])|palos|palo|melones|melon|barras|mil`;
const AMOUNT = new RegExp(String.raw`(?<![\p{L}\d.,'@])(\$\s*)?(${NUMBER})\s*(${UNIT})?(?![\p{L}\d])`, 'gu');

/** A number in the text: its value, what its unit multiplies it by (null: none written), and where it is. */
type Mention = {
  readonly number: number;
  readonly multiplier: number | null;
  readonly peso: boolean;
  /** Written with thousands separators ("300.000.000"), which a phone number never is. */
  readonly grouped: boolean;
  readonly start: number;
  readonly end: number;
};

const numberValue = (digits: string): number =>
  /^\d{1,3}(?:[.,']\d{3})+$/.test(digits) ? Number(digits.replace(/[.,']/g, '')) : Number(digits.replace(',', '.'));

const multiplierOf = (unit: string | undefined): number | null => {
  if (unit === undefined) return null;
  if (/^mil\s+millones$/.test(unit)) return 1000 * MILLION;
  return unit === 'mil' ? 1000 : MILLION;
};

const mentionsIn = (text: string): Mention[] =>
  [...text.matchAll(AMOUNT)].map((m) => ({
    number: numberValue(m[2] ?? '0'),
    multiplier: multiplierOf(m[3]),
    peso: m[1] !== undefined,
    grouped: /[.,']\d{3}/.test(m[2] ?? ''),
    start: m.index,
    end: m.index + m[0].length,
  }));

/**
 * A mention as a property's price, in pesos: written whole ("300.000.000"), with its unit ("300 millones"), or
 * bare ("300", "$300") in a talk about prices, where it means millions. Null when it cannot be a price.
 */
const asPrice = (m: Mention, priceTalk: boolean, multiplier = m.multiplier): number | null => {
  const value = Math.round(m.number * (multiplier ?? 1));
  if (value >= MILLION) return multiplier !== null || m.peso || m.grouped || priceTalk ? value : null;
  if (multiplier !== null) return null; // "300 mil": no property costs that
  return (priceTalk || m.peso) && m.number >= 20 && m.number <= 20_000 ? Math.round(m.number * MILLION) : null;
};

/** "Hasta 400": up to and including; "menos de 200": below. */
const UP_TO = /(hasta|maximo|max|no mas de|tope|no pasar de|a lo sumo|no supere)( de| los)?\s*\$?\s*$/;
const BELOW = /(menos de|por debajo de|debajo de|inferior a|menor a|menor de)( los)?\s*\$?\s*$/;
/** "Desde 500": from it on; "más de 500": above it. */
const FROM = /(desde|minimo|de minimo)( los)?\s*\$?\s*$/;
const ABOVE = /(mas de|por encima de|encima de|arriba de|mayor a|mayor de|superior a|sobre)( los)?\s*\$?\s*$/;
const JOINER = /^\s*(y|a|-|hasta|o)\s*(los\s*)?\$?\s*$/;
const PRICE_WORDS =
  /presupuesto|precio|valor|cuesta|vale|millones|palos|\$|pesos|plata|credito|hasta|entre|menos de|mas de|maximo|minimo/;

/**
 * The prices a sentence names: "300 millones" (about that: a point), "entre 250 y 350 millones", "hasta 400",
 * "menos de 200 millones", "más de 500". A bare number counts as millions only when `priceStep` (the lead was
 * asked the price) or the sentence talks about money; null when it names no price.
 */
export const amountRangeIn = (text: string, priceStep: boolean): AmountRange | null => {
  const folded = foldText(text);
  const priceTalk = priceStep || PRICE_WORDS.test(folded);
  const mentions = mentionsIn(folded);
  for (let i = 0; i < mentions.length; i++) {
    const found = rangeAt(folded, mentions, i, priceTalk);
    if (found !== null) return found;
  }
  return null;
};

const rangeAt = (folded: string, mentions: readonly Mention[], i: number, priceTalk: boolean): AmountRange | null => {
  const first = mentions[i]!;
  const second = mentions[i + 1];
  if (second !== undefined && JOINER.test(folded.slice(first.end, second.start))) {
    // "entre 250 y 350 millones": the first number takes the second's unit.
    const high = asPrice(second, priceTalk);
    const low = asPrice(first, priceTalk, first.multiplier ?? second.multiplier);
    if (low !== null && high !== null) return { min: Math.min(low, high), max: Math.max(low, high) };
  }
  const amount = asPrice(first, priceTalk);
  if (amount === null) return null;
  const before = folded.slice(0, first.start);
  if (UP_TO.test(before)) return { min: 0, max: amount };
  if (BELOW.test(before)) return { min: 0, max: amount - 1 };
  if (FROM.test(before)) return { min: amount, max: null };
  if (ABOVE.test(before)) return { min: amount + 1, max: null };
  return { min: amount, max: amount };
};
