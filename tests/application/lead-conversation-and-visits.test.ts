import { describe, expect, it } from 'vitest';
import { LibPhoneNumberParser } from '../../adapters/contact/libphonenumber-phone-parser.ts';
import { CreateLead } from '../../application/use-cases/create-lead.ts';
import { GetConversation } from '../../application/use-cases/get-conversation.ts';
import { ListVisits } from '../../application/use-cases/list-visits.ts';
import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import { asId, type ProjectId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { aLine } from '../builders/line-builder.ts';
import { anOutboundMessage } from '../builders/outbound-message-builder.ts';
import { aProject } from '../builders/project-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld } from '../support/world.ts';

const phone = (p: string) => p as PhoneE164;
const project = (p: string) => asId<ProjectId>(p);

/** The main line, advisors Ana and Carlos, manager Jorge, and CreateLead over them. */
const deskForCreateLead = async () => {
  const world = aWorld(T0);
  await world.given({
    lines: [aLine().withId('line-main').build()],
    users: [
      aUser().withId('u-ana').build(),
      aUser().withId('u-carlos').build(),
      aUser().withId('u-jorge').withRole('manager').build(),
    ],
  });
  const createLead = new CreateLead(world.uow, world.clock, world.ids, new LibPhoneNumberParser());
  return { world, createLead };
};

/** Pedro, Ana's lead, who wrote at T0, with three exchanges with the bot (replies sent); projects p-bog-1 and p-bog-2. */
const deskWithLead = async () => {
  const world = aWorld(T0);
  const { lead, conversation } = aLeadInConversation('lead-pedro', '+573007770001', 'Pedro Díaz', 'u-ana', T0);
  await world.given({
    catalog: { projects: [aProject().withId('p-bog-1').build(), aProject().withId('p-bog-2').build()] },
    leads: [lead],
    conversations: [conversation],
  });
  for (const [i, body] of ['Hola', 'pedro@correo.com', 'asesor'].entries()) {
    const at = T0 - (3 - i) * 60_000;
    const said = anInboundMessage().inConversation(conversation.id).ofLead(lead.id).saying(body).sentAt(at);
    const reply = anOutboundMessage()
      .inConversation(conversation.id)
      .ofLead(lead.id)
      .saying(`Respuesta ${i + 1}`)
      .createdAt(at)
      .sentAs(`wamid.reply-${i + 1}`);
    await world.given({ inbound: [said.build()] });
    await world.given({ outbound: [reply.build()] });
  }
  const { uow, clock, ids } = world;
  return {
    world,
    lead,
    openVisit: new OpenVisit(uow, clock, ids),
    listVisits: new ListVisits(uow),
    getConversation: new GetConversation(uow, clock),
  };
};

describe('CreateLead', () => {
  it('reads the phone as typed in Colombia and the email with the domain rule, refusing bad ones before storing', async () => {
    const { world, createLead } = await deskForCreateLead();
    const leads = () => world.read((r) => r.leads.list());
    const before = await leads();

    const badPhone = await createLead.execute({ actor: actorNamed('admin'), name: 'Rosa', phone: '123' });
    const badEmail = await createLead.execute({
      actor: actorNamed('admin'),
      name: 'Rosa',
      phone: '300 888 0002',
      email: 'rosa@@correo',
    });
    const created = await createLead.execute({
      actor: actorNamed('admin'),
      name: 'Rosa',
      phone: '300 888 0002',
      email: ' Rosa@Correo.com ',
    });

    expect(badPhone).toEqual({ ok: false, error: { type: 'InvalidPhone', input: '123' } });
    expect(badEmail).toEqual({ ok: false, error: { type: 'InvalidEmail', input: 'rosa@@correo' } });
    expect(created).toMatchObject({ ok: true, value: { phone: '+573008880002', email: 'Rosa@correo.com' } });
    expect((await leads()).length).toBe(before.length + 1);
  });

  it('gives an advisor’s new lead to that advisor and refuses a known phone', async () => {
    const { createLead } = await deskForCreateLead();

    const created = await createLead.execute({
      actor: actorNamed('u-ana'),
      name: ' Rosa ',
      phone: phone('+573008880001'),
    });
    const again = await createLead.execute({
      actor: actorNamed('u-jorge'),
      name: 'Rosa',
      phone: phone('+573008880001'),
    });

    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Rosa', advisorId: 'u-ana', source: 'crm', lineId: 'line-main', consent: null },
    });
    expect(again).toEqual({
      ok: false,
      error: { type: 'LeadAlreadyExists', leadId: created.ok ? created.value.id : '' },
    });
  });

  it('lets a manager name an advisor, not an unknown one; an advisor may not name another', async () => {
    const { createLead } = await deskForCreateLead();
    const carlos = asId<UserId>('u-carlos');

    expect(
      await createLead.execute({
        actor: actorNamed('u-jorge'),
        name: 'A',
        phone: phone('+573008880002'),
        advisorId: carlos,
      }),
    ).toMatchObject({ ok: true, value: { advisorId: 'u-carlos' } });
    expect(
      await createLead.execute({
        actor: actorNamed('u-jorge'),
        name: 'B',
        phone: phone('+573008880003'),
        advisorId: asId<UserId>('u-jorge'),
      }),
    ).toMatchObject({ ok: false, error: { type: 'AdvisorNotFound' } });
    expect(
      await createLead.execute({
        actor: actorNamed('u-ana'),
        name: 'C',
        phone: phone('+573008880004'),
        advisorId: carlos,
      }),
    ).toMatchObject({ ok: false, error: { type: 'AdvisorNotAllowed' } });
  });
});

describe('OpenVisit and ListVisits', () => {
  it('opens one visit per existing project, most recent first', async () => {
    const { world, lead, openVisit, listVisits } = await deskWithLead();
    const admin = actorNamed('admin');

    const a = await openVisit.execute({ actor: admin, leadId: lead.id, projectId: project('p-bog-1') });
    world.clock.advance(1000);
    const b = await openVisit.execute({ actor: admin, leadId: lead.id, projectId: project('p-bog-2') });

    expect(await openVisit.execute({ actor: admin, leadId: lead.id, projectId: project('p-bog-1') })).toEqual({
      ok: false,
      error: { type: 'VisitAlreadyExists', visitId: a.ok ? a.value.id : '' },
    });
    expect(await openVisit.execute({ actor: admin, leadId: lead.id, projectId: project('p-nowhere') })).toMatchObject({
      ok: false,
      error: { type: 'ProjectNotFound' },
    });
    const visits = await listVisits.execute({ actor: admin, leadId: lead.id });
    expect(visits.ok && visits.value.map((v) => v.id)).toEqual([b.ok && b.value.id, a.ok && a.value.id]);
  });
});

describe('GetConversation', () => {
  it('lists the bot chat in stored order with statuses, newest page first, then older by cursor', async () => {
    const { world, lead, getConversation } = await deskWithLead();
    const admin = actorNamed('admin');
    const all = await world.read((r) => r.messages.byLead(lead.id));

    const latest = await getConversation.execute({ actor: admin, leadId: lead.id, limit: 3 });
    const cursor = latest.ok ? latest.value.nextCursor : null;
    const older = await getConversation.execute({
      actor: admin,
      leadId: lead.id,
      limit: 100,
      ...(cursor === null ? {} : { before: cursor }),
    });

    expect(all.length).toBeGreaterThan(3);
    expect(latest.ok && latest.value.messages.map((m) => m.position)).toEqual([
      all.length - 3,
      all.length - 2,
      all.length - 1,
    ]);
    expect(latest.ok && latest.value.window).toMatchObject({ open: true });
    expect(
      older.ok && [
        ...older.value.messages.map((m) => m.message.id),
        ...(latest.ok ? latest.value.messages.map((m) => m.message.id) : []),
      ],
    ).toEqual(all.map((m) => m.id));
    expect(older.ok && older.value.nextCursor).toBeNull();
    expect(
      all.filter((m) => m.direction === 'outbound').every((m) => m.direction === 'outbound' && m.status === 'sent'),
    ).toBe(true);
  });

  it('filters by visit and hides other advisors’ leads', async () => {
    const { lead, getConversation } = await deskWithLead();
    const other = ['u-ana', 'u-carlos'].find((u) => u !== lead.advisorId) ?? 'u-ana';

    expect(await getConversation.execute({ actor: actorNamed(other), leadId: lead.id, limit: 10 })).toMatchObject({
      ok: false,
      error: { type: 'LeadNotFound' },
    });
    expect(
      await getConversation.execute({
        actor: actorNamed('admin'),
        leadId: lead.id,
        limit: 10,
        visitId: asId<VisitId>('visit-x'),
      }),
    ).toMatchObject({ ok: false, error: { type: 'VisitNotFound' } });
  });
});
