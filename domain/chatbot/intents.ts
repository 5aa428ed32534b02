import { hasPhrase, normalizeText, sameWord, wordsOf } from './normalize-text.ts';

/** What a lead's sentence asks for, whatever else it says. */
export type Intent = 'advisor' | 'quote' | 'restart' | 'greeting' | 'thanks' | 'goodbye';

/** The answer to a yes/no question: `unsure` for "no sé", which is neither. */
export type Polarity = 'yes' | 'no' | 'unsure';

/** Words and phrases, normalised; single words in `typos` are also recognised with a typo or two. */
type Lexicon = { readonly phrases: readonly string[]; readonly typos?: readonly string[] };

const LEXICON: Readonly<Record<Intent, Lexicon>> = {
  advisor: {
    phrases: [
      'asesor',
      'asesora',
      'asesores',
      'asesoras',
      'asesoria',
      'humano',
      'humana',
      'persona',
      'persona real',
      'alguien',
      'llamar',
      'llamen',
      'llamenme',
      'llameme',
      'llamame',
      'llamarme',
      'llamada',
      'me llaman',
      'hablar con',
      'comunicarme',
      'comuniquen',
      'comuniqueme',
      'contactar',
      'contacten',
      'contactenme',
      'agente',
      'vendedor',
      'vendedora',
      'ejecutivo',
      'ejecutiva',
      'atencion personalizada',
    ],
    typos: ['asesor', 'asesora', 'llamenme', 'contactenme', 'comunicarme'],
  },
  quote: {
    phrases: [
      'cotizar',
      'cotizacion',
      'cotizaciones',
      'cotizame',
      'cotizeme',
      'cotice',
      'coticen',
      'cotizen',
      'cotiza',
      'cotizarlo',
      'cotizarla',
      'simular',
      'simulacion',
      'simulame',
      'cuanto vale',
      'cuanto valen',
      'cuanto cuesta',
      'cuanto cuestan',
      'cuanto sale',
      'cuanto me sale',
      'precio de',
      'precio del',
      'el precio',
      'que precio',
      'valor de',
      'valor del',
      'plan de pagos',
      'cuota inicial',
      'cuotas',
    ],
    typos: ['cotizar', 'cotizacion', 'simulacion'],
  },
  restart: {
    phrases: [
      'menu',
      'inicio',
      'empezar de nuevo',
      'volver a empezar',
      'comenzar de nuevo',
      'empezar otra vez',
      'otra busqueda',
      'nueva busqueda',
      'buscar otro',
      'buscar otra',
      'otros proyectos',
      'otro proyecto',
      'reiniciar',
      'volver al inicio',
      'volver al menu',
      'atras',
      'devuelvase',
      'empezar otra busqueda',
    ],
    typos: ['busqueda', 'reiniciar'],
  },
  greeting: {
    phrases: [
      'hola',
      'ola',
      'holi',
      'holis',
      'buenas',
      'buenos dias',
      'buen dia',
      'buenas tardes',
      'buenas noches',
      'saludos',
      'que tal',
      'hey',
      'hello',
      'hi',
      'buenos',
    ],
  },
  thanks: {
    phrases: ['gracias', 'grasias', 'grax', 'gracis', 'thanks', 'thx', 'muy amable', 'que amable', 'agradezco'],
    typos: ['gracias'],
  },
  goodbye: {
    phrases: [
      'chao',
      'chau',
      'adios',
      'bye',
      'hasta luego',
      'hasta pronto',
      'nos vemos',
      'hasta manana',
      'feliz dia',
      'feliz tarde',
      'feliz noche',
      'que este bien',
    ],
  },
};

/** "No quiero asesor": the lead says what they do not want. */
const NOT_ADVISOR = [
  'no quiero asesor',
  'no necesito asesor',
  'sin asesor',
  'no quiero hablar',
  'no me llamen',
  'no llamen',
];

const matches = (normalized: string, lexicon: Lexicon, extra: readonly string[]): boolean => {
  const words = wordsOf(normalized);
  return (
    [...lexicon.phrases, ...extra].some((p) => hasPhrase(normalized, normalizeText(p))) ||
    (lexicon.typos ?? []).some((k) => words.some((w) => sameWord(w, k)))
  );
};

/** Extra single words a line configured (its advisor and restart keywords). */
export type ExtraKeywords = { readonly advisor: readonly string[]; readonly restart: readonly string[] };

/** Every intent a sentence carries, found anywhere in it, case, accents and common typos aside. */
export const intentsIn = (text: string, extra: ExtraKeywords): ReadonlySet<Intent> => {
  const normalized = normalizeText(text);
  const found = new Set<Intent>();
  for (const intent of Object.keys(LEXICON) as Intent[]) {
    const words = intent === 'advisor' ? extra.advisor : intent === 'restart' ? extra.restart : [];
    if (matches(normalized, LEXICON[intent], words)) found.add(intent);
  }
  if (NOT_ADVISOR.some((p) => hasPhrase(normalized, p))) found.delete('advisor');
  return found;
};

const UNSURE = [
  'no se',
  'nose',
  'no estoy seguro',
  'no estoy segura',
  'tal vez',
  'talvez',
  'quizas',
  'quiza',
  'ni idea',
  'no tengo idea',
  'depende',
  'no lo se',
  'no sabria',
  'lo estoy pensando',
  'no lo he decidido',
  'todavia no se',
  'no entiendo',
  'no entendi',
  'no comprendo',
  'de pronto',
  'puede ser',
];
/** Sayings with a "no" in them that mean yes. */
const YES_DESPITE_NO = ['no hay problema', 'no tengo problema', 'sin problema', 'como no', 'por que no', 'porque no'];
const NO = [
  'no acepto',
  'no autorizo',
  'ahora no',
  'por ahora no',
  'todavia no',
  'aun no',
  'mejor no',
  'no gracias',
  'no quiero',
  'no me interesa',
  'no deseo',
  'que no',
  'nop',
  'nope',
  'nel',
  'negativo',
  'para nada',
  'no senor',
  'no senora',
  'nunca',
  'jamas',
  'tampoco',
];
/** "No" as the first word opens a refusal, unless it opens one of these ("no tengo correo", "no entiendo"). */
const NOT_A_REFUSAL = new Set([
  'se',
  'tengo',
  'entiendo',
  'entendi',
  'comprendo',
  'sabia',
  'recuerdo',
  'puedo',
  'veo',
  'encuentro',
  'hay',
  'estoy',
  'me',
  'le',
  'lo',
  'es',
]);
const YES = [
  'si',
  'sii',
  'sip',
  'claro',
  'dale',
  'de acuerdo',
  'acepto',
  'aceptar',
  'ok',
  'okey',
  'okay',
  'oki',
  'listo',
  'bueno',
  'vale',
  'de una',
  'por supuesto',
  'correcto',
  'esta bien',
  'perfecto',
  'afirmativo',
  'autorizo',
  'seguro',
  'sisas',
  'yes',
  'obvio',
  'hagale',
  'hagamosle',
  'exacto',
  'asi es',
  'aceptado',
];

const opensRefusal = (words: readonly string[]): boolean =>
  words[0] === 'no' && (words.length === 1 || !NOT_A_REFUSAL.has(words[1] ?? ''));

/**
 * Yes, no or "no sé" in a sentence; null when it says none (or both). A "no" counts only as a refusal: "no",
 * "no gracias", "ahora no", "no acepto"; "no sé" is unsure, and "no tengo problema" is a yes.
 */
export const polarityOf = (text: string): Polarity | null => {
  const normalized = normalizeText(text);
  const words = wordsOf(normalized);
  if (UNSURE.some((p) => hasPhrase(normalized, p))) return 'unsure';
  if (YES_DESPITE_NO.some((p) => hasPhrase(normalized, p))) return 'yes';
  if (opensRefusal(words) || NO.some((p) => hasPhrase(normalized, p))) return 'no';
  if (YES.some((p) => hasPhrase(normalized, p))) return 'yes';
  return null;
};

const QUESTION_OPENERS = [
  'que',
  'cual',
  'cuales',
  'cuanto',
  'cuanta',
  'cuantos',
  'cuantas',
  'cuando',
  'donde',
  'como',
  'quien',
  'por que',
  'tienen',
  'tiene',
  'hay',
  'puedo',
  'puede',
  'pueden',
  'se puede',
  'aceptan',
  'acepta',
  'manejan',
  'incluye',
  'incluyen',
  'es posible',
  'sera que',
  'podria',
  'podrian',
  'me podrian',
  'me pueden',
  'dan',
  'financian',
  'hacen',
  'quisiera saber',
  'me gustaria saber',
  'una pregunta',
  'pregunta',
  'queria saber',
  'quiero saber',
  'necesito saber',
];

/** Opens with a question word ("cuánto es la administración", "tienen parqueadero"). */
export const opensWithQuestion = (text: string): boolean => {
  const normalized = normalizeText(text);
  return QUESTION_OPENERS.some((q) => normalized === q || normalized.startsWith(`${q} `));
};

/** Phrases that ask wherever they stand ("la entrega para cuándo es", "ustedes tienen subsidio"). */
const ASKING = [
  'para cuando',
  'cuando entregan',
  'tienen',
  'se puede',
  'quisiera saber',
  'me gustaria saber',
  'queria saber',
  'una pregunta',
  'me pregunto',
  'informacion sobre',
  'info sobre',
  'me explica',
  'me explican',
];

/** Reads as a question: a question mark, a question word first, or an asking phrase. */
export const isQuestion = (text: string): boolean => {
  if (/[?¿]/.test(text) || opensWithQuestion(text)) return true;
  const normalized = normalizeText(text);
  return ASKING.some((p) => hasPhrase(normalized, p));
};
