import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  colombianHolidays,
  easterSunday,
  holidaysOn,
  isColombianHoliday,
  weekdayIndex,
} from '../../../domain/organisation/colombian-holidays.ts';
import {
  type CivilDate,
  civilFromDays,
  daysFromCivil,
  isoDateOf,
  parseIsoDate,
} from '../../../domain/shared/calendar.ts';

/** The official calendars (Ley 51 de 1983 applied), as published for each year. */
const OFFICIAL: Readonly<Record<number, readonly string[]>> = {
  2025: [
    '2025-01-01',
    '2025-01-06',
    '2025-03-24',
    '2025-04-17',
    '2025-04-18',
    '2025-05-01',
    '2025-06-02',
    '2025-06-23',
    '2025-06-30',
    '2025-06-30',
    '2025-07-20',
    '2025-08-07',
    '2025-08-18',
    '2025-10-13',
    '2025-11-03',
    '2025-11-17',
    '2025-12-08',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-01-12',
    '2026-03-23',
    '2026-04-02',
    '2026-04-03',
    '2026-05-01',
    '2026-05-18',
    '2026-06-08',
    '2026-06-15',
    '2026-06-29',
    '2026-07-20',
    '2026-08-07',
    '2026-08-17',
    '2026-10-12',
    '2026-11-02',
    '2026-11-16',
    '2026-12-08',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-01-11',
    '2027-03-22',
    '2027-03-25',
    '2027-03-26',
    '2027-05-01',
    '2027-05-10',
    '2027-05-31',
    '2027-06-07',
    '2027-07-05',
    '2027-07-20',
    '2027-08-07',
    '2027-08-16',
    '2027-10-18',
    '2027-11-01',
    '2027-11-15',
    '2027-12-08',
    '2027-12-25',
  ],
};

const date = (iso: string): CivilDate => {
  const parsed = parseIsoDate(iso);
  if (parsed === null) throw new Error(iso);
  return parsed;
};

const MOVED = [
  'Día de los Reyes Magos',
  'Día de San José',
  'San Pedro y San Pablo',
  'La Asunción de la Virgen',
  'Día de la Diversidad Étnica y Cultural',
  'Día de Todos los Santos',
  'Independencia de Cartagena',
  'Ascensión del Señor',
  'Corpus Christi',
  'Sagrado Corazón de Jesús',
];

describe('Colombian public holidays', () => {
  for (const [year, dates] of Object.entries(OFFICIAL))
    it(`are the official ${year} calendar`, () => {
      expect(colombianHolidays(Number(year)).map((h) => isoDateOf(h.date))).toEqual(dates);
    });

  it('names 2026’s, as the calendar prints them', () => {
    expect(holidaysOn(date('2026-01-12')).map((h) => h.name)).toEqual(['Día de los Reyes Magos']);
    expect(holidaysOn(date('2026-04-03')).map((h) => h.name)).toEqual(['Viernes Santo']);
    expect(
      holidaysOn(date('2025-06-30'))
        .map((h) => h.name)
        .sort(),
    ).toEqual(['Sagrado Corazón de Jesús', 'San Pedro y San Pablo']);
    expect(isColombianHoliday(date('2026-11-24'))).toBe(false);
  });

  it('finds Easter on the published dates', () => {
    expect([2025, 2026, 2027, 2038].map((y) => isoDateOf(easterSunday(y)))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  const year = fc.integer({ min: 1984, max: 2200 });

  it('are 18 a year, and every one moved by the Ley Emiliani falls on a Monday', () => {
    fc.assert(
      fc.property(year, (y) => {
        const holidays = colombianHolidays(y);
        expect(holidays).toHaveLength(18);
        for (const h of holidays.filter((h) => MOVED.includes(h.name))) expect(weekdayIndex(h.date)).toBe(0);
        for (const h of holidays) expect(h.date.year).toBe(y);
      }),
    );
  });

  it('move a holiday to the first Monday on or after its date, never more than six days', () => {
    const fixedDates: Readonly<Record<string, readonly [number, number]>> = {
      'Día de los Reyes Magos': [1, 6],
      'Día de San José': [3, 19],
      'San Pedro y San Pablo': [6, 29],
      'La Asunción de la Virgen': [8, 15],
      'Día de la Diversidad Étnica y Cultural': [10, 12],
      'Día de Todos los Santos': [11, 1],
      'Independencia de Cartagena': [11, 11],
    };
    fc.assert(
      fc.property(year, (y) => {
        for (const h of colombianHolidays(y)) {
          const fixed = fixedDates[h.name];
          if (fixed === undefined) continue;
          const shift = daysFromCivil(h.date) - daysFromCivil({ year: y, month: fixed[0], day: fixed[1] });
          expect(shift).toBeGreaterThanOrEqual(0);
          expect(shift).toBeLessThan(7);
        }
      }),
    );
  });

  it('keep Holy Thursday and Good Friday right before Easter Sunday, a Sunday', () => {
    fc.assert(
      fc.property(year, (y) => {
        const easter = easterSunday(y);
        expect(weekdayIndex(easter)).toBe(6);
        const names = (offset: number) => holidaysOn(civilFromDays(daysFromCivil(easter) + offset)).map((h) => h.name);
        expect(names(-3)).toContain('Jueves Santo');
        expect(names(-2)).toContain('Viernes Santo');
      }),
    );
  });
});
