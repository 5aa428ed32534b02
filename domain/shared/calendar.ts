import { DAY_MS, HOUR_MS, type Instant } from './time.ts';

/** A day on the wall calendar, without a time of day or a zone. `month` is 1..12. */
export type CivilDate = { readonly year: number; readonly month: number; readonly day: number };

/** A calendar date as stored and sent: `YYYY-MM-DD` (ISO 8601), e.g. `2027-06-30`. */
export type IsoDate = string;

/** Colombia keeps UTC−5 all year (no daylight saving since 1993). */
export const COLOMBIA_OFFSET_MS = -5 * HOUR_MS;

/** Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`). */
export const civilFromDays = (days: number): CivilDate => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
};

/** Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`), the inverse of `civilFromDays`. */
export const daysFromCivil = ({ year, month, day }: CivilDate): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

/** The day a Colombian reads on a wall calendar at that instant (America/Bogota). */
export const bogotaDateOf = (instant: Instant): CivilDate =>
  civilFromDays(Math.floor((instant + COLOMBIA_OFFSET_MS) / DAY_MS));

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * The same day `count` months later (earlier when negative), clamped to the last day of a shorter month:
 * 31/01 plus one month is 28/02 (29/02 in a leap year), and 31/03 minus one month is 28/02 too.
 */
export const addMonths = (date: CivilDate, count: number): CivilDate => {
  const index = date.year * 12 + (date.month - 1) + count;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
};

/** Negative when `a` is before `b`, zero on the same day. */
export const compareDates = (a: CivilDate, b: CivilDate): number => daysFromCivil(a) - daysFromCivil(b);

/** Whole months from `a`'s month to `b`'s, ignoring the days: January to March is 2. */
export const monthsBetween = (a: CivilDate, b: CivilDate): number => (b.year - a.year) * 12 + (b.month - a.month);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The date of a real calendar day written `YYYY-MM-DD` (years 1000..9999), `null` for anything else. */
export const parseIsoDate = (text: string): CivilDate | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
};

export const isoDateOf = ({ year, month, day }: CivilDate): IsoDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** `dd/mm/yyyy`, as Colombians write a date. */
export const formatCivilDateCo = ({ year, month, day }: CivilDate): string =>
  `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;

/** Weekday names in Spanish, Monday first (ISO order), as the bot and reminders say them. */
export const WEEKDAYS_ES: readonly string[] = [
  'lunes',
  'martes',
  'miércoles',
  'jueves',
  'viernes',
  'sábado',
  'domingo',
];

/** Month names in Spanish, January first. */
export const MONTHS_ES: readonly string[] = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
