import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { registerLead } from '../../application/steps/register-lead.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { Email } from '../../domain/contact/email.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { anAdvisorGroup } from '../builders/advisor-group-builder.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { startDesk } from '../support/desk-harness.ts';

const ANA = asId<UserId>('u-ana');

describe('a deactivated advisor', () => {
  it('gets no new leads from the bot; the leads they hold stay theirs, for a manager to see', async () => {
    const desk = await startDesk();
    const { lead: before } = await registerThroughBot(desk, '+573005551001', 'Primera');
    expect(before.advisorId).toBe(ANA);

    const deactivated = await desk.container
      .get(TOKENS.DeactivateUser)
      .execute({ actor: { kind: 'bootstrap-admin', role: 'admin' }, userId: ANA });
    expect(deactivated.ok).toBe(true);
    const later = [];
    for (let i = 0; i < 4; i++) later.push((await registerThroughBot(desk, `+57300555200${i}`, `Lead ${i}`)).lead);

    expect(later.map((l) => l.advisorId)).not.toContain(ANA);
    expect(later.every((l) => l.advisorId !== null)).toBe(true);
    expect((await desk.read((r) => r.leads.byId(before.id)))?.advisorId).toBe(ANA);
  });

  it('does not keep a lead the CRM gave them before the lead finished the bot: the lead goes to an active advisor', async () => {
    const events = new InMemoryEventPublisher();
    const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()), events);
    const gone = aUser().withId('adv-gone').inactive().build();
    const active = aUser().withId('adv-active').build();
    const line = aLine().withAdvisorGroup('group-1').build();
    const lead = aLead().withPhone('+573005553001').assignedTo('adv-gone', 0).build();
    const conversation = aConversation().withContact({ phone: lead.phone, userId: null }).build();
    const outcome = await uow.transaction(async (repos) => {
      await repos.organisation.saveUser(gone);
      await repos.organisation.saveUser(active);
      await repos.organisation.saveGroup(
        anAdvisorGroup().withId('group-1').withAdvisors('adv-gone', 'adv-active').build(),
      );
      await repos.leads.save(lead);
      return registerLead(
        repos,
        { clock: new FixedClock(1_000), ids: new SequentialIdGenerator() },
        {
          line,
          conversation,
          email: 'lead@example.com' as Email,
          consent: { at: 1_000, policyVersion: '2026-01' },
          criteria: {},
          projectId: null,
          unitTypeId: null,
        },
      );
    });

    expect(outcome.lead).toMatchObject({ id: lead.id, advisorId: 'adv-active', assignedAt: 1_000 });
    expect(outcome.advisor?.id).toBe('adv-active');
    expect(events.published).toContainEqual({ type: 'lead_assigned', leadId: lead.id, advisorId: 'adv-active' });
  });
});
