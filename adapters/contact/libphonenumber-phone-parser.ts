import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type InvalidPhone, type PhoneE164, parsePhoneE164 } from '../../domain/contact/phone.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import type { PhoneParser } from '../../application/ports/phone-parser.ts';

/**
 * A phone as an advisor types it ("300 123 4567", "+57 300-123-4567") in E.164, reading national numbers in
 * `defaultCountry` (Colombia unless configured), with libphonenumber's metadata deciding what is a valid number.
 */
export class LibPhoneNumberParser implements PhoneParser {
  constructor(private readonly defaultCountry: CountryCode = 'CO') {}

  parse(input: string): Result<PhoneE164, InvalidPhone> {
    const parsed = parsePhoneNumberFromString(input, this.defaultCountry);
    if (parsed === undefined || !parsed.isValid()) return err({ type: 'InvalidPhone', input });
    return parsePhoneE164(parsed.number);
  }
}
