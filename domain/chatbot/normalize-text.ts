import { editDistance } from '../shared/edit-distance.ts';

/** Longer messages are read only this far: a lead's answer is short, and the reading stays cheap. */
export const READ_AT_MOST = 1000;

const EMOJI_WORDS: readonly (readonly [RegExp, string])[] = [
  [/[👍👌✅🙌💯]/gu, ' si '],
  [/[👎❌🚫]/gu, ' no '],
  [/🙏/gu, ' gracias '],
  [/👋/gu, ' hola '],
];

/** Lower case, no accents, emoji that answer read as words (👍 is "si"). Keeps digits, punctuation and spacing. */
export const foldText = (text: string): string => {
  let folded = text.slice(0, READ_AT_MOST);
  for (const [emoji, word] of EMOJI_WORDS) folded = folded.replace(emoji, word);
  return folded
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
};

/**
 * What words are compared on: folded, letters stretched for emphasis squeezed ("siiii", "holaaa", "noo"), every
 * sign but letters and digits a space, single spaces.
 */
export const normalizeText = (text: string): string =>
  foldText(text)
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/([aeiou])\1+(?=\P{L}|$)/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const wordsOf = (normalized: string): string[] => (normalized === '' ? [] : normalized.split(' '));

/** Whether `phrase` (normalised) occurs in `normalized` as whole words. */
export const hasPhrase = (normalized: string, phrase: string): boolean =>
  phrase !== '' && ` ${normalized} `.includes(` ${phrase} `);

/** How many typos a word of this length may carry and still be recognised: none for short words. */
export const typoAllowance = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

/** Whether a typed word is `expected`, allowing typos in proportion to its length. */
export const sameWord = (typed: string, expected: string): boolean => {
  if (typed === expected) return true;
  const allowed = typoAllowance(expected.length);
  return allowed > 0 && typed.length >= 4 && editDistance(typed, expected, allowed) <= allowed;
};
