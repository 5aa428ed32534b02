import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bogotaDateOf,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatCivilDateCo,
  isoDateOf,
  parseIsoDate,
} from '../../../domain/shared/calendar.ts';

const DAY = 86_400_000;
const anyDate = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

describe('calendar dates', () => {
  it('count days as JavaScript does, and back', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const days = daysFromCivil(date);
        expect(days * DAY).toBe(Date.UTC(date.year, date.month - 1, date.day));
        expect(civilFromDays(days)).toEqual(date);
      }),
    );
  });

  it('read back every date they write, and only real days', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(parseIsoDate(isoDateOf(date))).toEqual(date);
      }),
    );
    expect(['2027-02-29', '2028-02-30', '2027-13-01', '2027-6-30', '30/06/2027', ''].map(parseIsoDate)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(formatCivilDateCo({ year: 2027, month: 6, day: 5 })).toBe('05/06/2027');
  });

  it('add months keeping the day, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), (date, k) => {
        const later = addMonths(date, k);
        const first = new Date(Date.UTC(date.year, date.month - 1 + k, 1));
        expect([later.year, later.month]).toEqual([first.getUTCFullYear(), first.getUTCMonth() + 1]);
        expect(later.day).toBe(Math.min(date.day, daysInMonth(later.year, later.month)));
      }),
    );
    expect(addMonths({ year: 2025, month: 1, day: 31 }, 1)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 5, day: 31 }, -3)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('turn the day in Bogotá at 05:00 UTC', () => {
    expect(bogotaDateOf(Date.UTC(2027, 0, 1, 4, 59))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(bogotaDateOf(Date.UTC(2027, 0, 1, 5))).toEqual({ year: 2027, month: 1, day: 1 });
  });
});
