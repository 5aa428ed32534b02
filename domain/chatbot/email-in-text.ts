import { type Email, parseEmail } from '../contact/email.ts';
import { editDistance } from '../shared/edit-distance.ts';

/**
 * An address found in a message: as typed (null when not valid as typed, e.g. with an accent) and what the lead
 * more likely meant when it looks mistyped; never both null.
 */
export type EmailInText = { readonly typed: Email | null; readonly suggestion: Email | null };

/** Domains people mean when they mistype one; a typed domain near one of these is suggested, never replaced. */
const PROVIDERS = [
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'yahoo.com',
  'hotmail.es',
  'outlook.es',
  'yahoo.es',
  'live.com',
  'icloud.com',
];
/** Real domains close to a provider's: never "corrected". */
const REAL = new Set([
  ...PROVIDERS,
  'mail.com',
  'gmx.com',
  'msn.com',
  'aol.com',
  'yahoo.com.co',
  'hotmail.com.co',
  'me.com',
  'live.com.co',
  'outlook.com.co',
  'email.com',
  'une.net.co',
]);
const TLD_TYPOS: Readonly<Record<string, string>> = {
  con: 'com',
  cmo: 'com',
  comm: 'com',
  vom: 'com',
  xom: 'com',
  cm: 'com',
  om: 'com',
  ocm: 'com',
  coom: 'com',
};

/** Voice notes transcribed: "juan perez arroba gmail punto com". */
const spokenEmail = (text: string): string =>
  /\barroba\b/i.test(text)
    ? text
        .replace(/\s*\barroba\b\s*/gi, '@')
        .replace(/\s*\bpunto\b\s*/gi, '.')
        .replace(/\s*\bguion bajo\b\s*/gi, '_')
    : text;

const CANDIDATE = /[^\s<>()[\]{},;:"'¿?¡!]+@[^\s<>()[\]{},;:"'¿?¡!]+/g;

const foldAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The provider a mistyped domain most likely is, or null when the domain looks as meant. */
const likelyDomain = (domain: string): string | null => {
  if (REAL.has(domain)) return null;
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  const fixedTld = TLD_TYPOS[tld];
  const candidate = fixedTld === undefined ? domain : [...labels.slice(0, -1), fixedTld].join('.');
  const near = PROVIDERS.map((p) => ({ p, d: editDistance(candidate, p, 2) })).filter((x) => x.d <= 2);
  const best = near.sort((a, b) => a.d - b.d)[0];
  if (best !== undefined) return best.p;
  return fixedTld === undefined ? null : candidate;
};

/** A suggestion for an address: accents dropped from the name, the domain's typo fixed. */
const suggestionFor = (raw: string): Email | null => {
  const at = raw.lastIndexOf('@');
  const local = foldAccents(raw.slice(0, at));
  const domain = foldAccents(raw.slice(at + 1)).toLowerCase();
  const fixed = `${local}@${likelyDomain(domain) ?? domain}`;
  const parsed = parseEmail(fixed);
  return parsed.ok && fixed.toLowerCase() !== raw.toLowerCase() ? parsed.value : null;
};

/**
 * The first email address in a sentence ("Mi correo es juan.perez@gmail.com."), spoken ones too, with a
 * suggestion when its domain looks mistyped ("hotmail.con", "gmial.com") or its name carries accents. Null when
 * there is no address, or nothing that could become a valid one.
 */
export const emailIn = (text: string): EmailInText | null => {
  for (const match of spokenEmail(text).matchAll(CANDIDATE)) {
    const raw = match[0].replace(/[.]+$/, '');
    const parsed = parseEmail(raw);
    const suggestion = suggestionFor(raw);
    if (parsed.ok) return { typed: parsed.value, suggestion: suggestion === parsed.value ? null : suggestion };
    if (suggestion !== null) return { typed: null, suggestion };
  }
  return null;
};
