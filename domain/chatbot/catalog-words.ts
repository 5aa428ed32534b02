import { type Catalog, PROPERTY_TYPES, type PropertyType } from '../catalog/catalog.ts';
import type { ProjectId } from '../shared/ids.ts';
import type { BotTexts } from './bot-texts.ts';
import { hasPhrase, normalizeText, sameWord, wordsOf } from './normalize-text.ts';
import { saidOf, termsOf } from './option-match.ts';

/** What a sentence says of the catalogue: a city, a property type, a project by its name. */
export type CatalogWords = {
  readonly city?: string;
  readonly propertyType?: PropertyType;
  readonly projectId?: ProjectId;
};

/** How leads name cities besides their name. */
const CITY_ALIASES: Readonly<Record<string, string>> = {
  medallo: 'medellin',
  bta: 'bogota',
  'bogota dc': 'bogota',
  curramba: 'barranquilla',
  'la heroica': 'cartagena',
  'la sucursal del cielo': 'cali',
  'ciudad bonita': 'bucaramanga',
  bucara: 'bucaramanga',
};

const TYPE_WORDS: Readonly<Record<PropertyType, readonly string[]>> = {
  apartment: [
    'apartamento',
    'apartamentos',
    'apto',
    'aptos',
    'aparta',
    'apartaestudio',
    'apartaestudios',
    'depa',
    'departamento',
  ],
  house: ['casa', 'casas', 'casita'],
  lot: ['lote', 'lotes', 'terreno', 'terrenos'],
  office: ['oficina', 'oficinas', 'consultorio', 'consultorios'],
  commercial: ['local', 'locales', 'local comercial'],
  warehouse: ['bodega', 'bodegas'],
};

const cityIn = (normalized: string, catalog: Catalog): string | undefined => {
  const cities = [...new Set(catalog.projects.map((p) => p.city))];
  const words = wordsOf(normalized);
  const aliased = Object.entries(CITY_ALIASES).find(([alias]) => hasPhrase(normalized, alias))?.[1];
  const named = cities.filter((city) => {
    const name = normalizeText(city);
    if (hasPhrase(normalized, name) || aliased === name) return true;
    return !name.includes(' ') && words.some((w) => sameWord(w, name));
  });
  // "En Bogotá o Chía": two cities are no one city.
  return named.length === 1 ? named[0] : undefined;
};

const typeIn = (normalized: string, texts: BotTexts): PropertyType | undefined => {
  const named = PROPERTY_TYPES.filter(
    (t) =>
      TYPE_WORDS[t].some((w) => hasPhrase(normalized, w)) ||
      hasPhrase(normalized, normalizeText(texts.propertyTypes[t])),
  );
  // "Apartamento o casa": two types are no one type.
  return named.length === 1 ? named[0] : undefined;
};

/** A project named in a sentence: its whole name, or at least half its words (typos allowed), and no other as well. */
const projectIn = (normalized: string, catalog: Catalog, skip: ReadonlySet<string>): ProjectId | undefined => {
  const said = termsOf(normalized).filter((w) => !skip.has(w));
  const scored = catalog.projects.map((p) => {
    const terms = termsOf(p.name).filter((t) => t.length >= 4 || /^\d+$/.test(t));
    const score = saidOf(said, terms, new Set(terms));
    return {
      id: p.id,
      score,
      enough: hasPhrase(normalized, normalizeText(p.name)) || (score > 0 && score * 2 >= terms.length),
    };
  });
  const fits = scored.filter((s) => s.enough);
  const best = Math.max(0, ...fits.map((s) => s.score));
  const top = fits.filter((s) => s.score === best);
  return top.length === 1 ? top[0]?.id : undefined;
};

/** The catalogue's words in a sentence ("busco apartamento en Medellín", "info del proyecto Torres de Salitre"). */
export const catalogWordsIn = (text: string, catalog: Catalog, texts: BotTexts): CatalogWords => {
  const normalized = normalizeText(text);
  const city = cityIn(normalized, catalog);
  const propertyType = typeIn(normalized, texts);
  const skip = new Set([
    ...(city === undefined ? [] : termsOf(city)),
    ...(propertyType === undefined ? [] : TYPE_WORDS[propertyType]),
  ]);
  const projectId = projectIn(normalized, catalog, skip);
  return {
    ...(city === undefined ? {} : { city }),
    ...(propertyType === undefined ? {} : { propertyType }),
    ...(projectId === undefined ? {} : { projectId }),
  };
};
