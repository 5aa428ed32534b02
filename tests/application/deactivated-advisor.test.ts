import { describe, expect, it } from 'vitest';
import { registerLead } from '../../application/steps/register-lead.ts';
import { DeactivateUser } from '../../application/use-cases/deactivate-user.ts';
import type { Email } from '../../domain/contact/email.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { anAdvisorGroup } from '../builders/advisor-group-builder.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { aWorld, type World } from '../support/world.ts';

const ANA = asId<UserId>('u-ana');

/** The bot's registration step for a new person writing to `line`, in a transaction of its own. */
const registerThroughStep = (world: World, line: BusinessLine, phone: string) =>
  world.uow.transaction((tx) =>
    registerLead(tx, world, {
      line,
      conversation: aConversation().onLine(line.id).withContact({ phone, userId: null }).build(),
      email: `lead${phone.slice(-4)}@correo.com` as Email,
      consent: { at: world.clock.now(), policyVersion: '2026-01', policyTextHash: null, messageId: null },
      criteria: {},
      projectId: null,
      unitTypeId: null,
    }),
  );

describe('a deactivated advisor', () => {
  it('gets no new leads from the bot; the leads they hold stay theirs, for a manager to see', async () => {
    const world = aWorld();
    const line = aLine().withAdvisorGroup('group-1').build();
    await world.given({
      lines: [line],
      users: ['u-ana', 'u-carlos', 'u-valentina'].map((id) => aUser().withId(id).build()),
      groups: [anAdvisorGroup().withId('group-1').withAdvisors('u-ana', 'u-carlos', 'u-valentina').build()],
    });
    const { lead: before } = await registerThroughStep(world, line, '+573005551001');
    expect(before.advisorId).toBe(ANA);

    const deactivated = await new DeactivateUser(world.uow).execute({
      actor: { kind: 'bootstrap-admin', role: 'admin' },
      userId: ANA,
    });
    expect(deactivated.ok).toBe(true);
    const later = [];
    for (let i = 0; i < 4; i++) later.push((await registerThroughStep(world, line, `+57300555200${i}`)).lead);

    expect(later.map((l) => l.advisorId)).not.toContain(ANA);
    expect(later.every((l) => l.advisorId !== null)).toBe(true);
    expect((await world.read((r) => r.leads.byId(before.id)))?.advisorId).toBe(ANA);
  });

  it('does not keep a lead the CRM gave them before the lead finished the bot: the lead goes to an active advisor', async () => {
    const world = aWorld(1_000);
    const line = aLine().withAdvisorGroup('group-1').build();
    const lead = aLead().withPhone('+573005553001').assignedTo('adv-gone', 0).build();
    await world.given({
      users: [aUser().withId('adv-gone').inactive().build(), aUser().withId('adv-active').build()],
      groups: [anAdvisorGroup().withId('group-1').withAdvisors('adv-gone', 'adv-active').build()],
      leads: [lead],
    });

    const outcome = await registerThroughStep(world, line, '+573005553001');

    expect(outcome.lead).toMatchObject({ id: lead.id, advisorId: 'adv-active', assignedAt: 1_000 });
    expect(outcome.advisor?.id).toBe('adv-active');
    expect(world.events.published).toContainEqual({ type: 'lead_assigned', leadId: lead.id, advisorId: 'adv-active' });
  });
});
