import { parsePhoneE164, type PhoneE164 } from '../../domain/contact/phone.ts';

/** A phone for fixtures; a malformed literal is a bug in the test. */
export const phone = (raw: string): PhoneE164 => {
  const parsed = parsePhoneE164(raw);
  if (!parsed.ok) throw new Error(`not a phone: ${raw}`);
  return parsed.value;
};

let issued = 0;

/** A Colombian mobile number no other builder default has used. */
export const nextPhone = (): PhoneE164 => phone(`+57300${String(++issued).padStart(7, '0')}`);
