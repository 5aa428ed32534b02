import type { Branded } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** A syntactically valid address of the form `user@domain.tld`, trimmed, domain in lower case. */
export type Email = Branded<string, 'Email'>;
export type InvalidEmail = { readonly type: 'InvalidEmail'; readonly input: string };

const LOCAL_CHARS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,63}$/;

const validLocal = (local: string): boolean =>
  local.length >= 1 &&
  local.length <= 64 &&
  LOCAL_CHARS.test(local) &&
  !local.startsWith('.') &&
  !local.endsWith('.') &&
  !local.includes('..');

const validDomain = (domain: string): boolean => {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return domain.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TLD.test(tld);
};

export const parseEmail = (input: string): Result<Email, InvalidEmail> => {
  const candidate = input.trim();
  const at = candidate.lastIndexOf('@');
  if (at <= 0 || candidate.length > 254) return err({ type: 'InvalidEmail', input });
  const local = candidate.slice(0, at);
  const domain = candidate.slice(at + 1);
  // Checked before lower-casing: toLowerCase maps some non-ASCII letters (the Kelvin sign) to ASCII.
  return validLocal(local) && validDomain(domain)
    ? ok(`${local}@${domain.toLowerCase()}` as Email)
    : err({ type: 'InvalidEmail', input });
};
