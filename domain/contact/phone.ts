import type { Branded } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** A phone number in E.164: `+`, country code, subscriber number; 8 to 15 digits in all. */
export type PhoneE164 = Branded<string, 'PhoneE164'>;
export type InvalidPhone = { readonly type: 'InvalidPhone'; readonly input: string };

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Accepts `+573001234567`, or the digits-only form Meta uses for `wa_id` (`573001234567`).
 * Spaces, dashes, dots and parentheses are ignored; anything else is refused.
 */
export const parsePhoneE164 = (input: string): Result<PhoneE164, InvalidPhone> => {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  const candidate = compact.startsWith('+') ? compact : `+${compact}`;
  return E164.test(candidate) ? ok(candidate as PhoneE164) : err({ type: 'InvalidPhone', input });
};

/** The digits Meta expects in `to`. */
export const waDigits = (phone: PhoneE164): string => phone.slice(1);
