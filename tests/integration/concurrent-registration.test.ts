import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { Conflict } from '../../application/ports/conflict.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { registerLead } from '../../application/steps/register-lead.ts';
import type { Email } from '../../domain/contact/email.ts';
import { asId } from '../../domain/shared/ids.ts';
import { anAdvisorGroup } from '../builders/advisor-group-builder.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { phone } from '../builders/phone.ts';
import { aUser } from '../builders/user-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { usePostgresInstances } from './postgres-instances.ts';

const NOW = 1_000_000;
const target = await openTestPostgres();

/** Leads registered at once through two app instances on one PostgreSQL database. */
describe.skipIf(target === null)('postgres: concurrent lead registrations', () => {
  const { repos, uowOf, published } = usePostgresInstances(target);

  it('keeps advisor loads within one under 40 concurrent registrations, and never assigns a lead twice', async () => {
    const advisors = ['adv-1', 'adv-2', 'adv-3', 'adv-4'];
    for (const id of advisors) await repos().organisation.saveUser(aUser().withId(id).build());
    await repos().organisation.saveGroup(
      anAdvisorGroup()
        .withId('group-busy')
        .withAdvisors(...advisors)
        .build(),
    );
    const line = aLine().withAdvisorGroup('group-busy').build();
    const deps = { clock: new FixedClock(NOW), ids: new SequentialIdGenerator() };

    // 20 people, each registering twice at once (two conversations, two instances).
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, n) => {
        const conversation = aConversation()
          .withContact({ phone: `+5730020${String(n % 20).padStart(5, '0')}`, userId: null })
          .build();
        return uowOf(n).transaction((tx) =>
          registerLead(tx, deps, {
            line,
            conversation,
            email: `lead${n % 20}@example.com` as Email,
            consent: { at: NOW, policyVersion: '2026-01', policyTextHash: null, messageId: null },
            criteria: {},
            projectId: null,
            unitTypeId: null,
          }),
        );
      }),
    );

    const stored = await repos().leads.list();
    expect(stored).toHaveLength(20);
    expect(stored.every((l) => l.advisorId !== null)).toBe(true);
    const loads = (await repos().leads.loadsOf(advisors.map((a) => asId(a)))).map((l) => l.assignedLeads);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(published().filter((e) => e.type === 'lead_assigned')).toHaveLength(20);
    for (const lead of stored) {
      const mine = outcomes.filter((o) => o.lead.id === lead.id);
      expect(mine.map((o) => o.lead.advisorId)).toEqual([lead.advisorId, lead.advisorId]);
    }
  });

  it('retries the transaction that lost the race for a phone, which then finds the winner', async () => {
    const contested = phone('+573003334455');
    let runs = 0;
    const conflicts: unknown[] = [];
    let arrived = 0;
    let release: () => void = () => {};
    const bothRead = new Promise<void>((resolve) => (release = resolve));

    const register = (uow: UnitOfWork, leadId: string) =>
      uow.transaction(async (tx) => {
        runs += 1;
        const known = await tx.leads.byIdentity({ phone: contested, userId: null });
        if (known !== null) return known.id;
        // On the first attempts, both have seen no lead before either inserts.
        if (++arrived === 2) release();
        await bothRead;
        try {
          await tx.leads.save(aLead().withId(leadId).withPhone(contested).build());
        } catch (error) {
          conflicts.push(error);
          throw error;
        }
        return leadId;
      });
    const [a, b] = await Promise.all([register(uowOf(0), 'lead-a'), register(uowOf(1), 'lead-b')]);

    expect(a).toBe(b);
    expect(runs).toBe(3);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toBeInstanceOf(Conflict);
    expect((await repos().leads.list()).map((l) => l.id)).toEqual([a]);
  });
});
