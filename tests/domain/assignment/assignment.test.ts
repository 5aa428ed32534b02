import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advisorFor, pickAdvisor, type AdvisorLoad } from '../../../domain/assignment/assignment.ts';
import type { AdvisorGroupId, UserId } from '../../../domain/shared/ids.ts';

const group = 'g-sales' as AdvisorGroupId;
const user = (id: string) => id as UserId;

const load = (advisorId: string, assignedLeads: number, lastAssignedAt: number | null): AdvisorLoad => ({
  advisorId: user(advisorId),
  assignedLeads,
  lastAssignedAt,
});

/** Arbitrary loads with unique ids; small ranges so ties on load and on time are common. */
const loads = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record({
        advisorId: fc.constant(user(id)),
        assignedLeads: fc.integer({ min: 0, max: 4 }),
        lastAssignedAt: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      }),
    ),
  ),
);

/** Brute force, straight from the rule: fewest leads, then assigned longest ago (never = first), then smallest id. */
const reference = (ls: readonly AdvisorLoad[]): UserId => {
  const fewest = Math.min(...ls.map((l) => l.assignedLeads));
  const lightest = ls.filter((l) => l.assignedLeads === fewest);
  const waited = (l: AdvisorLoad) => l.lastAssignedAt ?? -Infinity;
  const earliest = Math.min(...lightest.map(waited));
  const ids = lightest.filter((l) => waited(l) === earliest).map((l) => l.advisorId);
  // biome-ignore lint/complexity/useMathMinMax: ids are strings, Math.min compares numbers
  return ids.reduce((a, b) => (b < a ? b : a));
};

describe('pickAdvisor', () => {
  it('agrees with the brute-force rule on any loads', () => {
    fc.assert(
      fc.property(loads, (ls) => {
        expect(pickAdvisor(group, ls)).toEqual({ ok: true, value: reference(ls) });
      }),
    );
  });

  it('does not depend on the order the loads are listed in', () => {
    fc.assert(
      fc.property(
        loads.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length }))),
        ([ls, shuffled]) => {
          expect(pickAdvisor(group, shuffled)).toEqual(pickAdvisor(group, ls));
        },
      ),
    );
  });

  it('returns EmptyAdvisorGroup for an empty group instead of throwing', () => {
    expect(pickAdvisor(group, [])).toEqual({ ok: false, error: { type: 'EmptyAdvisorGroup', groupId: group } });
  });

  it('picks the fewest leads, then the one waiting longest, never-assigned first', () => {
    expect(pickAdvisor(group, [load('ana', 3, 10), load('bea', 2, 50), load('cai', 2, 20)])).toEqual({
      ok: true,
      value: 'cai',
    });
    expect(pickAdvisor(group, [load('ana', 2, 10), load('bea', 2, null)])).toEqual({ ok: true, value: 'bea' });
    expect(pickAdvisor(group, [load('zoe', 0, null), load('ana', 0, null)])).toEqual({ ok: true, value: 'ana' });
  });
});

describe('advisorFor', () => {
  it('keeps the current advisor whatever the loads, even in an empty group', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.oneof(loads, fc.constant([])), (current, ls) => {
        expect(advisorFor(user(current), group, ls)).toEqual({
          ok: true,
          value: { advisorId: current, newlyAssigned: false },
        });
      }),
    );
  });

  it('assigns the picked advisor when there is none yet', () => {
    fc.assert(
      fc.property(loads, (ls) => {
        expect(advisorFor(null, group, ls)).toEqual({
          ok: true,
          value: { advisorId: reference(ls), newlyAssigned: true },
        });
      }),
    );
    expect(advisorFor(null, group, [])).toEqual({ ok: false, error: { type: 'EmptyAdvisorGroup', groupId: group } });
  });
});

describe('assigning leads one by one', () => {
  it('keeps max − min load ≤ 1 after every assignment, starting from equal loads', () => {
    fc.assert(
      fc.property(loads, fc.nat({ max: 60 }), fc.nat({ max: 100 }), (initial, n, start) => {
        let ls: AdvisorLoad[] = initial.map((l) => ({ ...l, assignedLeads: start }));
        for (let i = 0; i < n; i++) {
          const picked = pickAdvisor(group, ls);
          if (!picked.ok) throw new Error('non-empty group');
          ls = ls.map((l) =>
            l.advisorId === picked.value ? { ...l, assignedLeads: l.assignedLeads + 1, lastAssignedAt: 1_000 + i } : l,
          );
          const counts = ls.map((l) => l.assignedLeads);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
        expect(ls.reduce((sum, l) => sum + l.assignedLeads, 0)).toBe(start * ls.length + n);
      }),
    );
  });

  it('hands a three-advisor group leads in turn', () => {
    let ls = [load('ana', 0, null), load('bea', 0, null), load('cai', 0, null)];
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const picked = pickAdvisor(group, ls);
      if (!picked.ok) throw new Error('non-empty group');
      order.push(picked.value);
      ls = ls.map((l) =>
        l.advisorId === picked.value ? { ...l, assignedLeads: l.assignedLeads + 1, lastAssignedAt: i } : l,
      );
    }
    expect(order).toEqual(['ana', 'bea', 'cai', 'ana', 'bea', 'cai']);
  });
});
