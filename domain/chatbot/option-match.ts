import type { Choice, ListRow } from '../messaging/outbound.ts';
import { normalizeText, sameWord, wordsOf } from './normalize-text.ts';

const ORDINALS: Readonly<Record<string, number>> = {
  primera: 1,
  primero: 1,
  primer: 1,
  segunda: 2,
  segundo: 2,
  tercera: 3,
  tercero: 3,
  tercer: 3,
  cuarta: 4,
  cuarto: 4,
  quinta: 5,
  quinto: 5,
  sexta: 6,
  sexto: 6,
  septima: 7,
  septimo: 7,
  octava: 8,
  octavo: 8,
  novena: 9,
  noveno: 9,
  decima: 10,
  decimo: 10,
  ultima: -1,
  ultimo: -1,
};
const INDEX = /^(?:(?:la|el|lo|opcion|op|numero|num|nro|no|n|quiero|elijo|escojo|me quedo con|de)\s+)*(\d{1,2})$/;

/** "2", "la 2", "opción 2", "la segunda", "el último": the option's place among those visible (1-based; -1 last). */
const indexOf = (normalized: string): number | null => {
  const number = INDEX.exec(normalized)?.[1];
  if (number !== undefined) return Number(number);
  const words = wordsOf(normalized).filter((w) => !['la', 'el', 'opcion', 'quiero', 'me', 'gusta', 'de'].includes(w));
  return words.length === 1 ? (ORDINALS[words[0] ?? ''] ?? null) : null;
};

/** The same thing named otherwise: "habitaciones" are "alcobas", an "apto" an apartment. */
const SYNONYMS: Readonly<Record<string, string>> = {
  habitaciones: 'alcobas',
  habitacion: 'alcobas',
  alcoba: 'alcobas',
  cuartos: 'alcobas',
  cuarto: 'alcobas',
  hab: 'alcobas',
  habs: 'alcobas',
  recamaras: 'alcobas',
  piezas: 'alcobas',
  apto: 'apartamento',
  aptos: 'apartamento',
  apartamentos: 'apartamento',
  aparta: 'apartamento',
  casas: 'casa',
  lotes: 'lote',
  oficinas: 'oficina',
  locales: 'local',
  bodegas: 'bodega',
  banos: 'bano',
  torre: 'torres',
  uno: '1',
  una: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
};
const FILLER = new Set([
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'en',
  'y',
  'con',
  'a',
  'al',
  'un',
  'por',
  'para',
  'que',
]);

/** A text's words as options are compared on: normalised, synonyms unified, fillers dropped. */
export const termsOf = (text: string): string[] =>
  wordsOf(normalizeText(text))
    .map((w) => SYNONYMS[w] ?? w)
    .filter((w) => !FILLER.has(w));

const isNumber = (w: string): boolean => /^\d+$/.test(w);

/**
 * How many of an option's distinctive words a sentence says: a number only with the word after it ("2 alcobas",
 * not a lone "2"), other words allowing typos in proportion to their length ("salitr", "reseva").
 */
export const saidOf = (said: readonly string[], terms: readonly string[], distinctive: ReadonlySet<string>): number => {
  let count = 0;
  terms.forEach((term, i) => {
    if (!distinctive.has(term)) return;
    if (isNumber(term)) {
      const next = terms[i + 1];
      const j = said.indexOf(term);
      if (next !== undefined && j >= 0 && said[j + 1] === next) count++;
      return;
    }
    if (said.some((w) => sameWord(w, term))) count++;
  });
  return count;
};

export type OptionMatchMode = {
  /** An option's whole title inside a sentence ("quiero el Apartamento 2 alcobas porfa"). */
  readonly inside: boolean;
  /** Only part of the option named: enough when the lead is choosing from a list, not in a first message. */
  readonly partial: boolean;
};

/**
 * The option a typed answer names: by its number among the visible ones ("2", "la 2", "la segunda"), by its title
 * ("bogota" for "Bogotá"), by the title inside a sentence, or, when `partial`, by a distinctive part of it ("2
 * alcobas", "el de Suba", a typo of a project's name). Null when none fits, or when two fit as well.
 */
export const matchOption = (
  typed: string,
  visible: readonly Choice[],
  all: readonly ListRow[],
  mode: OptionMatchMode,
): string | null => {
  const normalized = normalizeText(typed);
  if (normalized === '') return null;
  const index = indexOf(normalized);
  if (index !== null) return (index === -1 ? visible.at(-1) : visible[index - 1])?.id ?? null;
  const options = [...visible, ...all.filter((r) => !visible.some((v) => v.id === r.id))];
  const exact = options.find((o) => normalizeText(o.title) === normalized);
  if (exact !== undefined) return exact.id;
  if (!mode.inside) return null;
  // One title inside the sentence, or one holding every other found ("No acepto" holds "Acepto").
  const inside = options.filter((o) => ` ${normalized} `.includes(` ${normalizeText(o.title)} `));
  const holder = inside.find((o) =>
    inside.every((other) => ` ${normalizeText(o.title)} `.includes(` ${normalizeText(other.title)} `)),
  );
  if (holder !== undefined) return holder.id;
  if (inside.length > 1) return null;
  return mode.partial ? byDistinctiveWords(normalized, options) : null;
};

const byDistinctiveWords = (normalized: string, options: readonly Choice[]): string | null => {
  const said = termsOf(normalized);
  const termsByOption = options.map((o) => termsOf(o.title));
  const everywhere = (t: string) => termsByOption.every((ts) => ts.includes(t));
  const scored = options.map((o, i) => {
    const terms = termsByOption[i] ?? [];
    return { id: o.id, score: saidOf(said, terms, new Set(terms.filter((t) => !everywhere(t)))) };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best > 0 && top.length === 1 ? (top[0]?.id ?? null) : null;
};
