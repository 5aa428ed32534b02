import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SystemClock } from '../../adapters/clock/system-clock.ts';
import { RandomIdGenerator } from '../../adapters/ids/random-id-generator.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';

describe('clocks', () => {
  it('FixedClock moves only when told', () => {
    const clock = new FixedClock(1_000);
    expect(clock.now()).toBe(1_000);
    expect(clock.advance(500)).toBe(1_500);
    clock.set(42);
    expect(clock.now()).toBe(42);
    expect(() => clock.set(Number.NaN)).toThrow(RangeError);
  });

  it('SystemClock reads the wall clock', () => {
    expect(Math.abs(new SystemClock().now() - Date.now())).toBeLessThan(1_000);
  });
});

describe('id generators', () => {
  it('SequentialIdGenerator counts per prefix', () => {
    const ids = new SequentialIdGenerator();
    expect([ids.next('lead'), ids.next('lead'), ids.next('visit'), ids.next('lead')]).toEqual([
      'lead_1',
      'lead_2',
      'visit_1',
      'lead_3',
    ]);
  });

  it('RandomIdGenerator ids are unique and sort in creation order, even when the clock stalls or steps back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }), (steps) => {
        const clock = new FixedClock(1_700_000_000_000);
        const ids = new RandomIdGenerator(clock);
        const made = steps.map((step) => {
          clock.advance(step);
          return ids.next('msg');
        });
        expect(new Set(made).size).toBe(made.length);
        expect([...made].sort()).toEqual(made);
      }),
    );
  });

  it('RandomIdGenerator ids carry the prefix and a 26-char Crockford base32 body', () => {
    const id = new RandomIdGenerator(new SystemClock()).next('lead');
    expect(id).toMatch(/^lead_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
