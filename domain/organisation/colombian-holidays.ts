import { type CivilDate, civilFromDays, daysFromCivil } from '../shared/calendar.ts';

/** A public holiday in Colombia: its date that year and its name as the calendar prints it. */
export type Holiday = { readonly date: CivilDate; readonly name: string };

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export const easterSunday = (year: number): CivilDate => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
};

/** 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
export const weekdayIndex = (date: CivilDate): number => (((daysFromCivil(date) + 3) % 7) + 7) % 7;

/** Ley 51 de 1983 ("Ley Emiliani"): a holiday of this kind is kept on its day if a Monday, else the next Monday. */
const nextMonday = (date: CivilDate): CivilDate => {
  const days = daysFromCivil(date);
  return civilFromDays(days + ((7 - weekdayIndex(date)) % 7));
};

const on = (year: number, month: number, day: number): CivilDate => ({ year, month, day });
const plusDays = (date: CivilDate, n: number): CivilDate => civilFromDays(daysFromCivil(date) + n);

/**
 * Colombia's 18 public holidays of `year`, by date (two may fall on the same day, as on 30 June 2025):
 * six kept on their date, seven moved to the next Monday by Ley 51 de 1983, Holy Thursday and Good Friday
 * (Easter − 3 and − 2, never moved), and Ascension, Corpus Christi and Sacred Heart, 43, 64 and 71 days after
 * Easter (their Thursday or Friday moved to the Monday after, as the same law says).
 */
export const colombianHolidays = (year: number): readonly Holiday[] => {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: on(year, 1, 1), name: 'Año Nuevo' },
    { date: nextMonday(on(year, 1, 6)), name: 'Día de los Reyes Magos' },
    { date: nextMonday(on(year, 3, 19)), name: 'Día de San José' },
    { date: plusDays(easter, -3), name: 'Jueves Santo' },
    { date: plusDays(easter, -2), name: 'Viernes Santo' },
    { date: on(year, 5, 1), name: 'Día del Trabajo' },
    { date: plusDays(easter, 43), name: 'Ascensión del Señor' },
    { date: plusDays(easter, 64), name: 'Corpus Christi' },
    { date: plusDays(easter, 71), name: 'Sagrado Corazón de Jesús' },
    { date: nextMonday(on(year, 6, 29)), name: 'San Pedro y San Pablo' },
    { date: on(year, 7, 20), name: 'Día de la Independencia' },
    { date: on(year, 8, 7), name: 'Batalla de Boyacá' },
    { date: nextMonday(on(year, 8, 15)), name: 'La Asunción de la Virgen' },
    { date: nextMonday(on(year, 10, 12)), name: 'Día de la Diversidad Étnica y Cultural' },
    { date: nextMonday(on(year, 11, 1)), name: 'Día de Todos los Santos' },
    { date: nextMonday(on(year, 11, 11)), name: 'Independencia de Cartagena' },
    { date: on(year, 12, 8), name: 'Día de la Inmaculada Concepción' },
    { date: on(year, 12, 25), name: 'Navidad' },
  ];
  return holidays.sort((a, b) => daysFromCivil(a.date) - daysFromCivil(b.date));
};

/** The holidays falling on `date` (none on an ordinary day; two on 30 June 2025). */
export const holidaysOn = (date: CivilDate): readonly Holiday[] =>
  colombianHolidays(date.year).filter((h) => daysFromCivil(h.date) === daysFromCivil(date));

/** Whether `date` is a public holiday in Colombia. */
export const isColombianHoliday = (date: CivilDate): boolean => holidaysOn(date).length > 0;
