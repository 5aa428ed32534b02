import { describe, expect, it } from 'vitest';
import { GetLead } from '../../application/use-cases/get-lead.ts';
import { ListLeads } from '../../application/use-cases/list-leads.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type UserId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../domain/shared/time.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld } from '../support/world.ts';

/** Pedro (Ana's, T0) and Lucía (Carlos's, an hour later) from the bot; Rosa typed in by the CRM the day before. */
const deskWithLeads = async () => {
  const world = aWorld(T0 + HOUR_MS);
  const first = aLeadInConversation('lead-pedro', '+573007770001', 'Pedro Díaz', 'u-ana', T0);
  const second = aLeadInConversation('lead-lucia', '+573007770002', 'Lucía Rojas', 'u-carlos', T0 + HOUR_MS);
  const crm: Lead = aLead()
    .withId('lead-crm')
    .withPhone('+573008880001')
    .withName('Rosa Mejía')
    .withEmail('rosa@correo.com')
    .fromCrm()
    .createdAt(T0 - DAY_MS)
    .build();
  await world.given({
    leads: [first.lead, second.lead, crm],
    conversations: [first.conversation, second.conversation],
  });
  const useCases = { listLeads: new ListLeads(world.uow, world.clock), getLead: new GetLead(world.uow, world.clock) };
  return { world, useCases, first: first.lead, second: second.lead, crm };
};

describe('ListLeads', () => {
  it('shows a manager every lead, newest first, with WhatsApp and window state', async () => {
    const { world, useCases, first, second, crm } = await deskWithLeads();

    const page = await useCases.listLeads.execute({ actor: actorNamed('u-jorge'), limit: 10 });

    expect(page.ok && page.value.items.map((i) => i.lead.id)).toEqual([second.id, first.id, crm.id]);
    expect(page.ok && page.value.items.map((i) => [i.hasWhatsApp, i.window])).toEqual([
      [true, { open: true, closesAt: world.clock.now() + DAY_MS }],
      [true, { open: true, closesAt: T0 + DAY_MS }],
      [true, { open: false }],
    ]);
    expect(page.ok && page.value.nextCursor).toBeNull();
  });

  it('closes the window 24 h after the lead last wrote', async () => {
    const { world, useCases } = await deskWithLeads();
    world.clock.set(T0 + DAY_MS);

    const page = await useCases.listLeads.execute({ actor: actorNamed('admin'), limit: 10 });

    expect(page.ok && page.value.items.map((i) => i.window.open)).toEqual([true, false, false]);
  });

  it('shows an advisor only their own leads', async () => {
    const { useCases, first } = await deskWithLeads();
    const advisor = first.advisorId as UserId;

    const page = await useCases.listLeads.execute({ actor: actorNamed(advisor), limit: 10 });

    expect(page.ok && page.value.items.map((i) => i.lead.advisorId)).toEqual([advisor]);
  });

  it('searches name, email and phone, and filters by advisor', async () => {
    const { useCases, first, crm } = await deskWithLeads();
    const search = async (q: string, advisorId?: string) => {
      const page = await useCases.listLeads.execute({
        actor: actorNamed('admin'),
        limit: 10,
        q,
        ...(advisorId ? { advisorId: asId<UserId>(advisorId) } : {}),
      });
      return page.ok ? page.value.items.map((i) => i.lead.id) : [];
    };

    expect(await search('rosa')).toEqual([crm.id]);
    expect(await search('ROSA@correo')).toEqual([crm.id]);
    expect(await search('300 777 0001')).toEqual([first.id]);
    expect(await search('pedro', first.advisorId ?? '')).toEqual([first.id]);
    expect(await search('pedro', 'u-nobody')).toEqual([]);
  });

  it('pages with a cursor and refuses a forged one', async () => {
    const { useCases, first, second, crm } = await deskWithLeads();
    const admin = actorNamed('admin');

    const one = await useCases.listLeads.execute({ actor: admin, limit: 2 });
    const cursor = one.ok ? (one.value.nextCursor ?? undefined) : undefined;
    const two = await useCases.listLeads.execute({ actor: admin, limit: 2, ...(cursor ? { cursor } : {}) });

    expect(one.ok && one.value.items.map((i) => i.lead.id)).toEqual([second.id, first.id]);
    expect(two.ok && [two.value.items.map((i) => i.lead.id), two.value.nextCursor]).toEqual([[crm.id], null]);
    expect(await useCases.listLeads.execute({ actor: admin, limit: 2, cursor: 'nonsense' })).toMatchObject({
      ok: false,
      error: { type: 'InvalidCursor' },
    });
  });
});

describe('GetLead', () => {
  it('answers LeadNotFound to an advisor asking for another advisor’s lead', async () => {
    const { useCases, first } = await deskWithLeads();

    expect(await useCases.getLead.execute({ actor: actorNamed('u-carlos'), leadId: first.id })).toEqual({
      ok: false,
      error: { type: 'LeadNotFound', leadId: first.id },
    });
    expect(await useCases.getLead.execute({ actor: actorNamed('u-ana'), leadId: first.id })).toMatchObject({
      ok: true,
      value: { lead: { id: first.id } },
    });
    expect(
      await useCases.getLead.execute({ actor: actorNamed('admin'), leadId: asId<LeadId>('lead-none') }),
    ).toMatchObject({ ok: false });
  });
});
