import type { InvalidPhone, PhoneE164 } from '../../domain/contact/phone.ts';
import type { Result } from '../../domain/shared/result.ts';

/**
 * Reads a phone number as a person types it into the CRM (national or international, with spaces or dashes) into
 * E.164, or says it is not a valid number. The one parser every use case taking a typed phone goes through.
 */
export interface PhoneParser {
  parse(input: string): Result<PhoneE164, InvalidPhone>;
}
