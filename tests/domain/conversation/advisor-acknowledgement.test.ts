import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';
import {
  ACKNOWLEDGEMENT_WINDOW_MS,
  acknowledgementDue,
  acknowledgementText,
} from '../../../domain/conversation/advisor-acknowledgement.ts';
import { nextOpeningAt } from '../../../domain/organisation/next-opening.ts';
import { DESK_WORKING_HOURS, isOpenAt, type WorkingHours } from '../../../domain/organisation/working-hours.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../domain/shared/time.ts';

/** `hour:minute` in Bogotá (UTC−5) on a day of 2026. */
const bogota = (iso: string, hour: number, minute = 0) =>
  Date.parse(`${iso}T00:00:00Z`) + (hour + 5) * HOUR_MS + minute * MINUTE_MS;

const ana = { name: 'Ana Gómez', hours: DESK_WORKING_HOURS };
const said = (now: number, answerer: typeof ana | null = ana) => acknowledgementText(defaultBotTexts, answerer, now);
const closed: WorkingHours = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

describe('the acknowledgement a registered lead gets while their advisor has not answered', () => {
  it('says the advisor (by first name) answers soon inside their working hours', () => {
    expect(said(bogota('2026-11-24', 10))).toBe('Recibimos tu mensaje 🙌 Ana te responde en breve.');
    expect(said(bogota('2026-11-28', 12, 59))).toContain('te responde en breve'); // Saturday morning
  });

  it('says when the advisor is back outside them: later today, tomorrow, or the day they open', () => {
    expect(said(bogota('2026-11-24', 6, 30))).toBe(
      'Recibimos tu mensaje 🙌 Ana te responde hoy a partir de las 8:00 a. m.',
    );
    expect(said(bogota('2026-11-24', 23, 50))).toBe(
      'Recibimos tu mensaje 🙌 Ana te responde mañana a partir de las 8:00 a. m.',
    );
    // Saturday afternoon and Sunday: Monday.
    expect(said(bogota('2026-11-28', 14))).toBe(
      'Recibimos tu mensaje 🙌 Ana te responde a partir del lunes a las 8:00 a. m.',
    );
    // 8 December 2026 (Inmaculada Concepción) is a Tuesday holiday: from Monday night, Wednesday.
    expect(said(bogota('2026-12-07', 19))).toBe(
      'Recibimos tu mensaje 🙌 Ana te responde a partir del miércoles a las 8:00 a. m.',
    );
  });

  it('uses the advisor’s own hours, afternoons included', () => {
    const afternoons = { ...closed, tuesday: [{ opens: 14 * 60 + 30, closes: 19 * 60 }] };
    expect(said(bogota('2026-11-24', 9), { name: 'Ana', hours: afternoons })).toBe(
      'Recibimos tu mensaje 🙌 Ana te responde hoy a partir de las 2:30 p. m.',
    );
    expect(said(bogota('2026-11-24', 20), { name: 'Ana', hours: afternoons })).toBe(
      'Recibimos tu mensaje 🙌 Ana te responde a partir del martes 1 de diciembre a las 2:30 p. m.',
    );
  });

  it('promises an advisor without naming one when the lead has none, or theirs never works', () => {
    expect(said(bogota('2026-11-24', 10), null)).toBe('Recibimos tu mensaje 🙌 Un asesor te responderá pronto.');
    expect(said(bogota('2026-11-24', 10), { name: 'Ana', hours: closed })).toBe(
      'Recibimos tu mensaje 🙌 Un asesor te responderá pronto.',
    );
  });

  it('is due once a window: never again within 24 hours, never while the advisor has answered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * DAY_MS }),
        fc.integer({ min: 0, max: 3 * DAY_MS }),
        fc.boolean(),
        (last, later, advisorWrote) => {
          const due = acknowledgementDue({
            lastAcknowledgedAt: last,
            advisorWroteSinceLead: advisorWrote,
            now: last + later,
          });
          expect(due).toBe(!advisorWrote && later >= ACKNOWLEDGEMENT_WINDOW_MS);
        },
      ),
    );
    expect(acknowledgementDue({ lastAcknowledgedAt: null, advisorWroteSinceLead: false, now: 0 })).toBe(true);
  });
});

describe('nextOpeningAt', () => {
  const year2026 = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });

  it('is now while open, else a later instant that is open, with nothing open in between (checked hourly)', () => {
    fc.assert(
      fc.property(year2026, (at) => {
        const next = nextOpeningAt(DESK_WORKING_HOURS, at);
        expect(next).not.toBeNull();
        const opening = next as number;
        expect(isOpenAt(DESK_WORKING_HOURS, opening)).toBe(true);
        if (isOpenAt(DESK_WORKING_HOURS, at)) expect(opening).toBe(at);
        else {
          expect(opening).toBeGreaterThan(at);
          expect(isOpenAt(DESK_WORKING_HOURS, opening - MINUTE_MS)).toBe(false);
          for (let t = at; t < opening; t += HOUR_MS) expect(isOpenAt(DESK_WORKING_HOURS, t)).toBe(false);
        }
      }),
    );
  });

  it('is null for a schedule that never opens', () => {
    expect(nextOpeningAt(closed, bogota('2026-11-24', 10))).toBeNull();
  });
});
