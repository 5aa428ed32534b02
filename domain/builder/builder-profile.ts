import { parseEmail, type Email } from '../contact/email.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { readLogo, type Logo, type LogoRefusal } from './logo.ts';
import { parseNit, type InvalidNit, type Nit } from './nit.ts';

/**
 * Who issues the proposals: the builder (or its sales company) as the desk is configured, printed at the head and
 * the foot of every quote PDF. One per desk.
 */
export type BuilderProfile = {
  /** The legal name ("razón social"), e.g. `Constructora Andina S.A.S.`. */
  readonly name: string;
  readonly nit: Nit;
  readonly address: string;
  /** The sales room's phone, printed as written (a landline or a mobile). */
  readonly salesPhone: string;
  readonly salesEmail: Email;
  readonly website: string | null;
  readonly logo: Logo | null;
  /**
   * Where data subjects send their requests (consultas, reclamos, supresión: Ley 1581 de 2012), named by the
   * privacy notice; `null`: the sales e-mail is named instead.
   */
  readonly dataRequestsContact: Email | null;
};

/** A profile as an administrator sends it: text as typed, the logo's bytes. */
export type BuilderProfileInput = {
  readonly name: string;
  readonly nit: string;
  readonly address: string;
  readonly salesPhone: string;
  readonly salesEmail: string;
  readonly website: string | null;
  readonly logo: Uint8Array | null;
  /** Absent or `null`: none (the sales e-mail is named for data requests). */
  readonly dataRequestsContact?: string | null;
};

export type InvalidBuilderProfile = {
  readonly type: 'InvalidBuilderProfile';
  readonly field: 'name' | 'address' | 'salesPhone' | 'salesEmail' | 'website' | 'dataRequestsContact';
  readonly reason: string;
};

export type BuilderProfileError = InvalidBuilderProfile | InvalidNit | LogoRefusal;

const LIMITS = {
  name: 120,
  address: 200,
  salesPhone: 40,
  salesEmail: 254,
  website: 100,
  dataRequestsContact: 254,
} as const;
/** Digits, spaces and the signs phone numbers are written with, with at least seven digits. */
const PHONE = /^\+?[\d\s().-]+$/;
/** A web address as printed: `www.andina.co` or `https://andina.co/ventas`, no spaces. */
const WEBSITE = /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

const field = (
  name: InvalidBuilderProfile['field'],
  value: string,
  valid: (v: string) => boolean = () => true,
): Result<string, InvalidBuilderProfile> => {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return err({ type: 'InvalidBuilderProfile', field: name, reason: 'is required' });
  if (trimmed.length > LIMITS[name])
    return err({ type: 'InvalidBuilderProfile', field: name, reason: `has more than ${LIMITS[name]} characters` });
  return valid(trimmed) ? ok(trimmed) : err({ type: 'InvalidBuilderProfile', field: name, reason: 'is not valid' });
};

const phoneDigits = (phone: string): number => phone.replace(/\D/g, '').length;

/** The profile to store, or the first field that is wrong, in the order the fields are listed. */
export const checkBuilderProfile = (input: BuilderProfileInput): Result<BuilderProfile, BuilderProfileError> => {
  const name = field('name', input.name);
  if (!name.ok) return name;
  const nit = parseNit(input.nit);
  if (!nit.ok) return nit;
  const address = field('address', input.address);
  if (!address.ok) return address;
  const salesPhone = field('salesPhone', input.salesPhone, (p) => PHONE.test(p) && phoneDigits(p) >= 7);
  if (!salesPhone.ok) return salesPhone;
  const salesEmail = parseEmail(input.salesEmail);
  // Reported as a field of the profile, like the others, so the CRM can point at it.
  if (!salesEmail.ok)
    return err({ type: 'InvalidBuilderProfile', field: 'salesEmail', reason: 'is not an e-mail address' });
  const website = input.website === null ? ok(null) : field('website', input.website, (w) => WEBSITE.test(w));
  if (!website.ok) return website;
  const logo = input.logo === null ? ok(null) : readLogo(input.logo);
  if (!logo.ok) return logo;
  const dataRequests = input.dataRequestsContact == null ? ok(null) : parseEmail(input.dataRequestsContact);
  if (!dataRequests.ok)
    return err({ type: 'InvalidBuilderProfile', field: 'dataRequestsContact', reason: 'is not an e-mail address' });
  return ok({
    name: name.value,
    nit: nit.value,
    address: address.value,
    salesPhone: salesPhone.value,
    salesEmail: salesEmail.value,
    website: website.value,
    logo: logo.value,
    dataRequestsContact: dataRequests.value,
  });
};
