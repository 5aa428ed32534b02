import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../application/ports/events.ts';
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
} from '../../domain/shared/ids.ts';
import { CreateAdvisorGroup } from '../../application/use-cases/create-advisor-group.ts';
import { GetBotSettings } from '../../application/use-cases/get-bot-settings.ts';
import { ListAdvisorGroups } from '../../application/use-cases/list-advisor-groups.ts';
import { ListPriceBuckets } from '../../application/use-cases/list-price-buckets.ts';
import { ReplacePriceBuckets } from '../../application/use-cases/replace-price-buckets.ts';
import { hears, ResolveEventAudience } from '../../application/use-cases/resolve-event-audience.ts';
import { SaveLine } from '../../application/use-cases/save-line.ts';
import { UpdateAdvisorGroup } from '../../application/use-cases/update-advisor-group.ts';
import { UpdateBotTexts } from '../../application/use-cases/update-bot-texts.ts';
import { UpsertProject } from '../../application/use-cases/upsert-project.ts';
import { anAdvisorGroup } from '../builders/advisor-group-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aProject } from '../builders/project-builder.ts';
import { aQuoteRecord } from '../builders/quote-record-builder.ts';
import { aReservation } from '../builders/reservation-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld, type World } from '../support/world.ts';
import { cartagena, pid } from '../builders/cartagena-project.ts';

/** Ana and Carlos advise in the sales group; Jorge manages; project p-bog-1 exists for lines to offer. */
const staff = [
  aUser().withId('u-ana').withName('Ana').build(),
  aUser().withId('u-carlos').withName('Carlos').build(),
  aUser().withId('u-jorge').withName('Jorge').withRole('manager').build(),
];

const configuration = async () => {
  const world = aWorld();
  await world.given({
    users: staff,
    groups: [
      anAdvisorGroup().withId('g-ventas').withName('Asesores de ventas').withAdvisors('u-ana', 'u-carlos').build(),
    ],
    catalog: { projects: [aProject().withId('p-bog-1').build()] },
  });
  const { uow } = world;
  return {
    world,
    upsertProject: new UpsertProject(uow),
    replacePriceBuckets: new ReplacePriceBuckets(uow),
    listPriceBuckets: new ListPriceBuckets(uow),
    createAdvisorGroup: new CreateAdvisorGroup(uow, world.ids),
    updateAdvisorGroup: new UpdateAdvisorGroup(uow),
    listAdvisorGroups: new ListAdvisorGroups(uow),
    saveLine: new SaveLine(uow),
    updateBotTexts: new UpdateBotTexts(uow),
    getBotSettings: new GetBotSettings(uow),
    audience: new ResolveEventAudience(uow),
  };
};

const unitsOf = (world: World) =>
  world.read(async (repos) => (await repos.catalog.all()).units.filter((u) => u.projectId === pid));

describe('configuration use cases', () => {
  it('refuses units of another project’s unit type and an out-of-range down payment', async () => {
    const { upsertProject } = await configuration();
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
    const { replacePriceBuckets, listPriceBuckets } = await configuration();
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
    const { world, upsertProject } = await configuration();
    const entry = cartagena();
    const second = { ...entry.units[0]!, id: asId<UnitId>('u-ctg-2'), code: 'T1-102' };
    expect(await upsertProject.execute({ ...entry, units: [...entry.units, second] })).toMatchObject({ ok: true });

    expect(await upsertProject.execute({ ...entry, unitTypes: entry.unitTypes, units: [second] })).toMatchObject({
      ok: true,
    });
    expect((await unitsOf(world)).map((u) => u.id)).toEqual(['u-ctg-2']);
  });

  it('refuses to delete a unit that is reserved or was quoted, and changes nothing', async () => {
    const { world, upsertProject } = await configuration();
    const entry = cartagena();
    const [unit] = entry.units;
    const reserved = { ...unit!, id: asId<UnitId>('u-ctg-r'), code: 'T1-201' };
    expect(await upsertProject.execute({ ...entry, units: [unit!, reserved] })).toMatchObject({ ok: true });
    const quote = aQuoteRecord().build();
    await world.read(async (repos) => {
      await repos.quotes.save({ ...quote, quote: { ...quote.quote, unitId: unit!.id } });
      await repos.reservations.save(aReservation().withId('r-1').ofUnit(reserved.id).forVisit('v-1', 'lead-1').build());
    });

    expect(await upsertProject.execute({ ...entry, units: [reserved] })).toMatchObject({
      ok: false,
      error: { type: 'UnitInUse', unitId: unit!.id, reason: 'quoted' },
    });
    expect(await upsertProject.execute({ ...entry, units: [unit!] })).toMatchObject({
      ok: false,
      error: { type: 'UnitInUse', unitId: reserved.id, reason: 'reserved' },
    });
    expect((await unitsOf(world)).map((u) => u.id)).toEqual([unit!.id, reserved.id]);
  });

  it('lists every advisor group, also those no line points at', async () => {
    const { createAdvisorGroup, listAdvisorGroups } = await configuration();
    const created = await createAdvisorGroup.execute({ name: 'Aaa sin línea', advisorIds: [asId<UserId>('u-ana')] });
    if (!created.ok) throw new Error('group not created');
    expect((await listAdvisorGroups.execute())[0]).toEqual(created.value);
  });

  it('accepts only active advisors in groups, and validates lines', async () => {
    const { createAdvisorGroup, saveLine, listAdvisorGroups } = await configuration();
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
      assignQuotedLeads: true,
      formality: 'tu' as const,
      botQuotesForRegistered: false,
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
    const { updateBotTexts, getBotSettings } = await configuration();

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
    const { world, audience } = await configuration();
    const canSee = async (actor: string, event: DeskEvent) =>
      hears(actorNamed(actor), await audience.execute({ event }));
    const owner = 'u-carlos';
    const other = 'u-ana';
    const lead = aLead().withId('lead-pedro').withName('Pedro').assignedTo(owner, 0).build();
    await world.given({ leads: [lead] });
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
