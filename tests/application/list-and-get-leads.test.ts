import { describe, expect, it } from 'vitest';
import { asId, type LeadId, type UserId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aLead } from '../builders/lead-builder.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';
import { actorNamed, leadUseCases } from '../support/lead-desk-routes.ts';

const deskWithLeads = async () => {
  const desk = await startDesk();
  const first = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
  desk.clock.advance(HOUR_MS);
  const second = await registerThroughBot(desk, '+573007770002', 'Lucía Rojas');
  const crm = aLead()
    .withId('lead-crm')
    .withLine('line-main')
    .withPhone('+573008880001')
    .withName('Rosa Mejía')
    .withEmail('rosa@correo.com')
    .fromCrm()
    .createdAt(T0 - DAY_MS)
    .build();
  await desk.read((r) => r.leads.save(crm));
  return { desk, useCases: leadUseCases(desk), first: first.lead, second: second.lead, crm };
};

describe('ListLeads', () => {
  it('shows a manager every lead, newest first, with WhatsApp and window state', async () => {
    const { desk, useCases, first, second, crm } = await deskWithLeads();

    const page = await useCases.listLeads.execute({ actor: actorNamed('u-jorge'), limit: 10 });

    expect(page.ok && page.value.items.map((i) => i.lead.id)).toEqual([second.id, first.id, crm.id]);
    expect(page.ok && page.value.items.map((i) => [i.hasWhatsApp, i.window])).toEqual([
      [true, { open: true, closesAt: desk.clock.now() + DAY_MS }],
      [true, { open: true, closesAt: T0 + DAY_MS }],
      [true, { open: false }],
    ]);
    expect(page.ok && page.value.nextCursor).toBeNull();
  });

  it('closes the window 24 h after the lead last wrote', async () => {
    const { desk, useCases } = await deskWithLeads();
    desk.clock.set(T0 + DAY_MS);

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
    const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== first.advisorId) ?? 'u-ana';

    expect(await useCases.getLead.execute({ actor: actorNamed(other), leadId: first.id })).toEqual({
      ok: false,
      error: { type: 'LeadNotFound', leadId: first.id },
    });
    expect(
      await useCases.getLead.execute({ actor: actorNamed(first.advisorId ?? ''), leadId: first.id }),
    ).toMatchObject({ ok: true, value: { lead: { id: first.id } } });
    expect(
      await useCases.getLead.execute({ actor: actorNamed('admin'), leadId: asId<LeadId>('lead-none') }),
    ).toMatchObject({ ok: false });
  });
});
