import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../application/ports/events.ts';
import type { ProjectEntry } from '../../domain/catalog/project-entry.ts';
import {
  asId,
  type AdvisorGroupId,
  type LeadId,
  type LineId,
  type PriceBucketId,
  type ProjectId,
  type UnitId,
  type UnitTypeId,
  type UserId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import type { ReservationId } from '../../domain/visit/reservation.ts';
import { aQuoteRecord } from '../builders/quote-record-builder.ts';
import { startDesk } from '../support/desk-harness.ts';
import { configurationUseCases } from '../support/configuration-routes.ts';
import { hears } from '../../application/use-cases/resolve-event-audience.ts';
import { actorNamed } from '../support/lead-desk-routes.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';

const pid = asId<ProjectId>('p-ctg-1');
const typeId = asId<UnitTypeId>('t-ctg-1');

const cartagena = (over: Partial<ProjectEntry['project']> = {}): ProjectEntry => ({
  project: {
    id: pid,
    name: 'Brisas de Bocagrande',
    city: 'Cartagena',
    currency: 'COP',
    description: 'Frente al mar.',
    paymentPlan: {
      separationFee: { amount: 5_000_000, currency: 'COP' },
      downPaymentBps: 3000,
      instalments: 24,
      separationCreditedToDownPayment: true,
      mortgage: null,
      quoteValidityDays: 15,
    },
    ...over,
  },
  unitTypes: [
    { id: typeId, projectId: pid, name: 'Apartamento 2 alcobas', propertyType: 'apartment', bedrooms: 2, areaM2: 62 },
  ],
  units: [
    {
      id: asId<UnitId>('u-ctg-1'),
      projectId: pid,
      unitTypeId: typeId,
      code: 'T1-101',
      areaM2: 62,
      price: { amount: 420_000_000, currency: 'COP' },
      status: 'available',
    },
  ],
});

describe('configuration use cases', () => {
  it('upserts a project that the bot then offers in its city list', async () => {
    const desk = await startDesk();
    const { upsertProject } = configurationUseCases(desk);

    expect((await upsertProject.execute(cartagena())).ok).toBe(true);

    const lead = desk.whatsapp.lead('+573005550001', 'Luisa');
    await lead.say('Hola');
    await lead.say('luisa@correo.com');
    await lead.tap('Acepto');
    await lead.tap('Ciudad');
    await lead.tap('Cartagena');
    await expect(lead.tap('Brisas de Bocagrande')).resolves.toBeDefined();
  });

  it('refuses units of another project’s unit type and an out-of-range down payment', async () => {
    const { upsertProject } = configurationUseCases(await startDesk());
    const entry = cartagena();
    const stray = { ...entry, units: [{ ...entry.units[0]!, unitTypeId: asId<UnitTypeId>('nope') }] };

    expect(await upsertProject.execute(stray)).toMatchObject({ ok: false, error: { type: 'InvalidProject' } });
    const plan = { ...entry.project.paymentPlan, downPaymentBps: 10_001 };
    expect(await upsertProject.execute(cartagena({ paymentPlan: plan }))).toMatchObject({
      ok: false,
      error: { type: 'InvalidProject' },
    });
  });

  it('replaces every price bucket, refusing overlapping ones', async () => {
    const { replacePriceBuckets, listPriceBuckets } = configurationUseCases(await startDesk());
    const bucket = (id: string, min: number, max: number | null) => ({
      id: asId<PriceBucketId>(id),
      label: id,
      min,
      max,
    });

    expect(await replacePriceBuckets.execute([bucket('x', 0, 10), bucket('y', 10, 20)])).toMatchObject({
      ok: false,
      error: { type: 'PriceBucketsOverlap' },
    });
    expect(
      await replacePriceBuckets.execute([bucket('b-1', 0, 250_000_000), bucket('b-2', 250_000_001, null)]),
    ).toMatchObject({ ok: true });
    expect((await listPriceBuckets.execute()).map((b) => b.id)).toEqual(['b-1', 'b-2']);
  });

  it('deletes the unit types and units a project no longer lists', async () => {
    const desk = await startDesk();
    const { upsertProject } = configurationUseCases(desk);
    const entry = cartagena();
    const second = { ...entry.units[0]!, id: asId<UnitId>('u-ctg-2'), code: 'T1-102' };
    expect(await upsertProject.execute({ ...entry, units: [...entry.units, second] })).toMatchObject({ ok: true });

    expect(await upsertProject.execute({ ...entry, unitTypes: entry.unitTypes, units: [second] })).toMatchObject({
      ok: true,
    });
    const units = await desk.read(async (repos) =>
      (await repos.catalog.all()).units.filter((u) => u.projectId === pid),
    );
    expect(units.map((u) => u.id)).toEqual(['u-ctg-2']);
  });

  it('refuses to delete a unit that is reserved or was quoted, and changes nothing', async () => {
    const desk = await startDesk();
    const { upsertProject } = configurationUseCases(desk);
    const entry = cartagena();
    const [unit] = entry.units;
    const reserved = { ...unit!, id: asId<UnitId>('u-ctg-r'), code: 'T1-201' };
    expect(await upsertProject.execute({ ...entry, units: [unit!, reserved] })).toMatchObject({ ok: true });
    const quote = aQuoteRecord().build();
    await desk.read(async (repos) => {
      await repos.quotes.save({ ...quote, quote: { ...quote.quote, unitId: unit!.id } });
      await repos.reservations.save({
        id: asId<ReservationId>('r-1'),
        unitId: reserved.id,
        visitId: asId<VisitId>('v-1'),
        leadId: asId<LeadId>('lead-1'),
        status: 'requested',
        requestedBy: 'u-ana',
        authorisedBy: null,
        createdAt: 0,
        authorisedAt: null,
      });
    });

    expect(await upsertProject.execute({ ...entry, units: [reserved] })).toMatchObject({
      ok: false,
      error: { type: 'UnitInUse', unitId: unit!.id, reason: 'quoted' },
    });
    expect(await upsertProject.execute({ ...entry, units: [unit!] })).toMatchObject({
      ok: false,
      error: { type: 'UnitInUse', unitId: reserved.id, reason: 'reserved' },
    });
    const units = await desk.read(async (repos) =>
      (await repos.catalog.all()).units.filter((u) => u.projectId === pid),
    );
    expect(units.map((u) => u.id)).toEqual([unit!.id, reserved.id]);
  });

  it('lists every advisor group, also those no line points at', async () => {
    const { createAdvisorGroup, listAdvisorGroups } = configurationUseCases(await startDesk());
    const created = await createAdvisorGroup.execute({ name: 'Aaa sin línea', advisorIds: [asId<UserId>('u-ana')] });
    if (!created.ok) throw new Error('group not created');
    expect((await listAdvisorGroups.execute())[0]).toEqual(created.value);
  });

  it('accepts only active advisors in groups, and validates lines', async () => {
    const { createAdvisorGroup, saveLine, listAdvisorGroups } = configurationUseCases(await startDesk());
    const jorge = asId<UserId>('u-jorge');

    expect(await createAdvisorGroup.execute({ name: 'Norte', advisorIds: [jorge] })).toMatchObject({
      ok: false,
      error: { type: 'NotAnActiveAdvisor', userId: 'u-jorge' },
    });
    const created = await createAdvisorGroup.execute({ name: 'Norte', advisorIds: [asId<UserId>('u-ana')] });
    if (!created.ok) throw new Error('group not created');
    const line = {
      id: asId<LineId>('line-2'),
      phoneNumberId: '200',
      displayNumber: '+57 1',
      name: 'Norte',
      advisorGroupId: created.value.id,
      projectIds: [asId<ProjectId>('p-bog-1')],
    };

    expect(await saveLine.execute(line)).toMatchObject({ ok: true });
    expect((await listAdvisorGroups.execute()).map((g) => g.id)).toEqual(['g-ventas', created.value.id]);
    expect(await saveLine.execute({ ...line, id: asId<LineId>('line-3') })).toMatchObject({
      ok: false,
      error: { type: 'PhoneNumberIdTaken' },
    });
    expect(await saveLine.execute({ ...line, advisorGroupId: asId<AdvisorGroupId>('g-x') })).toMatchObject({
      ok: false,
      error: { type: 'UnknownAdvisorGroup' },
    });
    expect(await saveLine.execute({ ...line, projectIds: [asId<ProjectId>('p-x')] })).toMatchObject({
      ok: false,
      error: { type: 'UnknownProjects', projectIds: ['p-x'] },
    });
  });

  it('merges bot texts and refuses unknown keys', async () => {
    const { updateBotTexts, getBotSettings } = configurationUseCases(await startDesk());

    expect(await updateBotTexts.execute({ welcome: 'Bienvenido', propertyTypes: { lot: 'Terreno' } })).toMatchObject({
      ok: true,
    });
    expect(await updateBotTexts.execute({ welcom: 'x' })).toMatchObject({
      ok: false,
      error: { type: 'UnknownBotTexts', keys: ['welcom'] },
    });
    const { texts } = await getBotSettings.execute();
    expect([texts.welcome, texts.propertyTypes.lot, texts.propertyTypes.house]).toEqual([
      'Bienvenido',
      'Terreno',
      'Casa',
    ]);
  });
});

describe('who sees which live event', () => {
  it('gives managers everything, advisors only their own leads, and unregistered chats to managers only', async () => {
    const desk = await startDesk();
    const { audience } = configurationUseCases(desk);
    const canSee = async (actor: string, event: DeskEvent) =>
      hears(actorNamed(actor), await audience.execute({ event }));
    const { lead } = await registerThroughBot(desk, '+573007770002', 'Pedro');
    const owner = lead.advisorId ?? 'u-ana';
    const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== owner)!;
    const about: DeskEvent = { type: 'visit_changed', leadId: lead.id, visitId: asId('v-1') };
    const anonymous: DeskEvent = {
      type: 'message_received',
      leadId: null,
      conversationId: asId('c-1'),
      messageId: asId('m-1'),
    };

    expect(await canSee('u-jorge', about)).toBe(true);
    expect(await canSee(owner, about)).toBe(true);
    expect(await canSee(other, about)).toBe(false);
    expect(await canSee('admin', anonymous)).toBe(true);
    expect(await canSee(owner, anonymous)).toBe(false);
    const assigned = { type: 'lead_assigned', leadId: asId<LeadId>('lead-x'), advisorId: asId<UserId>(other) } as const;
    expect(await canSee(other, assigned)).toBe(true);
    // A lead handed to another advisor: the new one hears it, and so does the one the lead still shows.
    const reassigned = { type: 'lead_assigned', leadId: lead.id, advisorId: asId<UserId>(other) } as const;
    expect(await audience.execute({ event: reassigned })).toEqual({ advisorIds: [other, owner] });
  });
});
