import { describe, expect, it } from 'vitest';
import { asId, type ProjectId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';
import { actorNamed, leadUseCases } from '../support/lead-desk-routes.ts';

const phone = (p: string) => p as PhoneE164;
const project = (p: string) => asId<ProjectId>(p);

describe('CreateLead', () => {
  it('reads the phone as typed in Colombia and the email with the domain rule, refusing bad ones before storing', async () => {
    const desk = await startDesk();
    const { createLead } = leadUseCases(desk);
    const leads = () => desk.read((r) => r.leads.list());
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
    const desk = await startDesk();
    const { createLead } = leadUseCases(desk);

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
    const desk = await startDesk();
    const { createLead } = leadUseCases(desk);
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
    const desk = await startDesk();
    const { openVisit, listVisits } = leadUseCases(desk);
    const { lead } = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
    const admin = actorNamed('admin');

    const a = await openVisit.execute({ actor: admin, leadId: lead.id, projectId: project('p-bog-1') });
    desk.clock.advance(1000);
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
    const desk = await startDesk();
    const { getConversation } = leadUseCases(desk);
    const { lead } = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
    await desk.idle();
    const admin = actorNamed('admin');
    const all = await desk.read((r) => r.messages.byLead(lead.id));

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
    const desk = await startDesk();
    const { getConversation } = leadUseCases(desk);
    const { lead } = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
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
