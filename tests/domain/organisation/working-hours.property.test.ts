import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bogotaWallClock,
  coversSlot,
  DESK_WORKING_HOURS,
  isOpenAt,
  parseWorkingHours,
  WEEKDAYS,
  type WorkingHours,
  writtenWorkingHours,
} from '../../../domain/organisation/working-hours.ts';
import { HOUR_MS, MINUTE_MS } from '../../../domain/shared/time.ts';

/** 10:00 in Bogotá on a day of 2026 (UTC−5). */
const bogota = (iso: string, hour: number, minute = 0) =>
  Date.parse(`${iso}T00:00:00Z`) + (hour + 5) * HOUR_MS + minute * MINUTE_MS;

describe('the desk’s working hours', () => {
  it('are Monday to Friday 08:00–18:00 and Saturday 08:00–13:00, Bogotá time', () => {
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-24', 8))).toBe(true); // a Tuesday
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-24', 7, 59))).toBe(false);
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-24', 17, 59))).toBe(true);
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-24', 18))).toBe(false);
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-28', 12, 30))).toBe(true); // Saturday
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-28', 13))).toBe(false);
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-29', 10))).toBe(false); // Sunday
  });

  it('are closed on Colombian public holidays, whatever the weekday', () => {
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-11-16', 10))).toBe(false); // Independencia de Cartagena, Monday
    expect(isOpenAt(DESK_WORKING_HOURS, bogota('2026-12-08', 10))).toBe(false);
    expect(
      coversSlot(DESK_WORKING_HOURS, { startsAt: bogota('2026-11-16', 10), endsAt: bogota('2026-11-16', 11) }),
    ).toBe(false);
  });

  it('take a slot that ends at closing time, not one that runs past it or starts before opening', () => {
    const day = '2026-11-25';
    expect(coversSlot(DESK_WORKING_HOURS, { startsAt: bogota(day, 17), endsAt: bogota(day, 18) })).toBe(true);
    expect(coversSlot(DESK_WORKING_HOURS, { startsAt: bogota(day, 17), endsAt: bogota(day, 18, 1) })).toBe(false);
    expect(coversSlot(DESK_WORKING_HOURS, { startsAt: bogota(day, 7, 30), endsAt: bogota(day, 9) })).toBe(false);
  });
});

const minute = fc.integer({ min: 0, max: 24 * 60 });
const spanList = fc
  .uniqueArray(minute, { minLength: 0, maxLength: 8 })
  .map((ms) => [...ms].sort((a, b) => a - b))
  .map((ms) => {
    const spans = [];
    for (let i = 0; i + 1 < ms.length; i += 2) spans.push({ opens: ms[i] as number, closes: ms[i + 1] as number });
    return spans;
  })
  // Apart, not touching: the one way to write a schedule.
  .filter((spans) => spans.every((s, i) => i === 0 || s.opens > (spans[i - 1]?.closes ?? -1)));
const anyHours: fc.Arbitrary<WorkingHours> = fc.record(
  Object.fromEntries(WEEKDAYS.map((d) => [d, spanList])) as Record<(typeof WEEKDAYS)[number], typeof spanList>,
);
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });

describe('any weekly schedule', () => {
  it('reads back what it writes', () => {
    fc.assert(
      fc.property(anyHours, (hours) => {
        expect(parseWorkingHours(writtenWorkingHours(hours))).toEqual({ ok: true, value: hours });
      }),
    );
  });

  it('covers a slot only if it is open at every minute of it', () => {
    fc.assert(
      fc.property(anyHours, instant, fc.integer({ min: 1, max: 240 }), (hours, start, minutes) => {
        const startsAt = start - (start % MINUTE_MS);
        const slot = { startsAt, endsAt: startsAt + minutes * MINUTE_MS };
        const everyMinute = Array.from({ length: minutes }, (_, i) => isOpenAt(hours, startsAt + i * MINUTE_MS));
        if (coversSlot(hours, slot)) expect(everyMinute.every(Boolean)).toBe(true);
        if (!everyMinute.every(Boolean)) expect(coversSlot(hours, slot)).toBe(false);
      }),
    );
  });

  it('puts every instant on Bogotá’s wall clock, five hours behind UTC', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const clock = bogotaWallClock(at);
        const utc = new Date(at - 5 * HOUR_MS);
        expect(clock.date).toEqual({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
        expect(Math.floor(clock.minute)).toBe(utc.getUTCHours() * 60 + utc.getUTCMinutes());
      }),
    );
  });
});

describe('a written schedule', () => {
  const week = (monday: { opens: string; closes: string }[]) => ({
    ...writtenWorkingHours(DESK_WORKING_HOURS),
    monday,
  });

  it('refuses bad times, spans that close before they open, overlap or touch, and more than four a day', () => {
    const reason = (m: { opens: string; closes: string }[]) => {
      const parsed = parseWorkingHours(week(m));
      return parsed.ok ? null : [parsed.error.day, parsed.error.reason];
    };
    expect(reason([{ opens: '8:00', closes: '18:00' }])).toEqual(['monday', 'bad_time']);
    expect(reason([{ opens: '24:30', closes: '18:00' }])).toEqual(['monday', 'bad_time']);
    expect(reason([{ opens: '18:00', closes: '08:00' }])).toEqual(['monday', 'closes_before_opens']);
    expect(
      reason([
        { opens: '08:00', closes: '12:00' },
        { opens: '12:00', closes: '18:00' },
      ]),
    ).toEqual(['monday', 'spans_overlap']);
    const five = ['06', '08', '10', '12', '14'].map((h) => ({ opens: `${h}:00`, closes: `${h}:30` }));
    expect(reason(five)).toEqual(['monday', 'too_many_spans']);
    expect(
      reason([
        { opens: '14:00', closes: '24:00' },
        { opens: '07:00', closes: '12:00' },
      ]),
    ).toBeNull();
  });
});
