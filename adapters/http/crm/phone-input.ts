import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { parsePhoneE164, type PhoneE164 } from '../../../domain/contact/phone.ts';

/**
 * A phone as an advisor types it ("300 123 4567", "+57 300-123-4567") in E.164, reading national
 * numbers in `defaultCountry`; `null` when it is not a valid number there.
 */
export const normalisePhone = (input: string, defaultCountry: CountryCode): PhoneE164 | null => {
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  if (parsed === undefined || !parsed.isValid()) return null;
  const e164 = parsePhoneE164(parsed.number);
  return e164.ok ? e164.value : null;
};
