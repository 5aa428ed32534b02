import { describe, expect, it } from 'vitest';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { chatToolsRouter } from '../support/chat-tools-routes.ts';
import { configurationApi } from '../support/configuration-routes.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { startDesk } from '../support/desk-harness.ts';

/** A VIS project as the CRM syncs it, with every new attribute; its unit is over the cap unless repriced. */
const visProject = (price: number) => ({
  name: 'Parques de Soacha',
  city: 'Soacha',
  currency: 'COP',
  paymentPlan: {
    separationFee: 1_000_000,
    downPaymentBps: 2000,
    instalments: 24,
    separationCreditedToDownPayment: true,
    mortgage: { annualRateBps: 1150, years: 20 },
    quoteValidityDays: 15,
  },
  housingRegime: 'vis',
  extras: [
    { id: 'pq-1', kind: 'parking', label: 'Parqueadero comunal', price: 0, included: true },
    { id: 'dep-1', kind: 'storage', label: 'Depósito', price: 6_000_000 },
  ],
  estrato: 2,
  adminFeePerM2: 2_500,
  fiduciary: { name: 'Fiduciaria Bogotá', note: 'Fiduciaria Bogotá, encargo fiduciario' },
  paymentChannel: 'PSE a la cuenta del encargo fiduciario.',
  financing: { apartment: 'housing_leasing' },
  unitTypes: [{ id: 't-soa-1', name: 'Apartamento VIS', propertyType: 'apartment', bedrooms: 2, areaM2: 45 }],
  units: [
    {
      id: 'u-soa-1',
      unitTypeId: 't-soa-1',
      code: 'T1-301',
      areaM2: 45,
      builtAreaM2: 50.4,
      floor: 3,
      price,
      status: 'available',
    },
  ],
});

const deskWithVisit = async (projectId: string) => {
  const desk = await startDesk();
  const { lead } = await registerThroughBot(desk, '+573005550001', 'Sofía Cárdenas');
  await desk.idle();
  const config = configurationApi(desk);
  const { as } = chatToolsRouter(desk);
  const advisor = lead.advisorId ?? 'u-ana';
  const visitOn = async (id: string) =>
    ((await (await as('admin').post(`/leads/${lead.id}/visits`, { projectId: id })).json()) as { id: string }).id;
  return { config, as, advisor, visitOn, visitId: await visitOn(projectId) };
};

describe('CRM projects API: regime, extras, estrato, fees, trust, payment channel, financing, floors', () => {
  it('accepts every new attribute and returns it as sent', async () => {
    const { config } = await deskWithVisit('p-bog-1');
    const put = await config.put('admin', '/projects/p-soa-1', visProject(200_000_000));

    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      housingRegime: 'vis',
      extras: [
        { id: 'pq-1', kind: 'parking', price: 0, included: true },
        { id: 'dep-1', kind: 'storage', price: 6_000_000, included: false },
      ],
      estrato: 2,
      adminFeePerM2: 2_500,
      fiduciary: { name: 'Fiduciaria Bogotá' },
      paymentChannel: 'PSE a la cuenta del encargo fiduciario.',
      financing: { apartment: 'housing_leasing' },
      units: [{ id: 'u-soa-1', floor: 3, builtAreaM2: 50.4 }],
    });
  });

  it('defaults them for a project that does not send them, and refuses a bad estrato or a repeated extra', async () => {
    const { config } = await deskWithVisit('p-bog-1');
    const { housingRegime, extras, estrato, adminFeePerM2, fiduciary, paymentChannel, financing, ...bare } =
      visProject(200_000_000);
    const put = await config.put('admin', '/projects/p-soa-2', bare);

    expect(await put.json()).toMatchObject({
      housingRegime: null,
      extras: [],
      estrato: null,
      adminFeePerM2: null,
      fiduciary: null,
      paymentChannel: null,
      financing: {},
    });
    expect((await config.put('admin', '/projects/p-soa-2', { ...visProject(1), estrato: 7 })).status).toBe(422);
    const twice = { ...visProject(1), extras: [extras[1], extras[1]] };
    expect(await (await config.put('admin', '/projects/p-soa-2', twice)).json()).toMatchObject({
      code: 'invalid_project',
    });
  });
});

describe('POST /visits/{id}/quotes with extras and savings', () => {
  it('lists included extras, adds chosen ones, applies savings by kind with Spanish labels', async () => {
    const { as, advisor, visitId } = await deskWithVisit('p-bog-1');
    const res = await as(advisor).post(`/visits/${visitId}/quotes`, {
      unitId: 'p-bog-1-t1-u1',
      extras: ['p-bog-1-storage-1'],
      savings: [
        { kind: 'cesantias', amount: 8_000_000 },
        { kind: 'subsidy', amount: 10_000_000, label: 'Subsidio Compensar' },
      ],
    });

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      price: { amount: 350_000_000 },
      extras: [
        { extraId: 'p-bog-1-parking-1', kind: 'parking', included: true, price: { amount: 30_000_000 } },
        { extraId: 'p-bog-1-storage-1', kind: 'storage', included: false, price: { amount: 12_000_000 } },
      ],
      totalPrice: { amount: 362_000_000 },
      savings: [
        { kind: 'cesantias', label: 'Cesantías', amount: { amount: 8_000_000 } },
        { kind: 'subsidy', label: 'Subsidio Compensar', amount: { amount: 10_000_000 } },
      ],
      housingRegime: 'no_vis',
      priceRegime: { kind: 'fixed_in_pesos', cap: null },
      financing: 'housing_credit',
      savingsToConfirm: false,
    });
  });

  it('refuses an unknown extra (unknown_extra) and savings over the down payment', async () => {
    const { as, advisor, visitId } = await deskWithVisit('p-bog-1');
    const unknown = await as(advisor).post(`/visits/${visitId}/quotes`, { unitTypeId: 'p-bog-1-t1', extras: ['nope'] });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ code: 'unknown_extra', extraId: 'nope' });
    const tooMuch = await as(advisor).post(`/visits/${visitId}/quotes`, {
      unitTypeId: 'p-bog-1-t1',
      savings: [{ kind: 'cesantias', amount: 200_000_000 }],
    });
    expect(await tooMuch.json()).toMatchObject({ status: 422, code: 'savings_exceed_down_payment' });
    const badKind = await as(advisor).post(`/visits/${visitId}/quotes`, {
      unitTypeId: 'p-bog-1-t1',
      savings: [{ kind: 'lottery', amount: 1 }],
    });
    expect(badKind.status).toBe(422);
  });

  it('quotes a VIS unit under its cap with the cap stated, and refuses one over it (price_over_housing_cap)', async () => {
    const { config, as, advisor, visitOn } = await deskWithVisit('p-bog-1');
    await config.put('admin', '/projects/p-soa-1', visProject(200_000_000));
    const visitId = await visitOn('p-soa-1');
    const under = await as(advisor).post(`/visits/${visitId}/quotes`, { unitId: 'u-soa-1' });
    expect(await under.json()).toMatchObject({
      housingRegime: 'vis',
      financing: 'housing_leasing',
      priceRegime: { cap: { regime: 'vis', smmlvCount: 150, cap: { amount: 262_635_750 } } },
    });

    await config.put('admin', '/projects/p-soa-1', visProject(270_000_000));
    const over = await as(advisor).post(`/visits/${visitId}/quotes`, { unitId: 'u-soa-1' });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ code: 'price_over_housing_cap', cap: 262_635_750, smmlvCount: 150 });
  });
});

describe('the OpenAPI document', () => {
  it('documents the new project, unit and quote fields and the quote body', async () => {
    const desk = await startDesk();
    const res = await desk.container.get(TOKENS.HttpApp).request('/api/v1/openapi.json');
    const schemas = ((await res.json()) as { components: { schemas: Record<string, { properties?: object }> } })
      .components.schemas;
    const fields = (name: string) => Object.keys(schemas[name]?.properties ?? {});

    expect(fields('ProjectInput')).toEqual(
      expect.arrayContaining([
        'housingRegime',
        'extras',
        'estrato',
        'adminFeePerM2',
        'fiduciary',
        'paymentChannel',
        'financing',
      ]),
    );
    expect(JSON.stringify(schemas['ProjectInput'])).toContain('builtAreaM2');
    expect(fields('NewQuote')).toEqual(expect.arrayContaining(['extras', 'savings']));
    expect(fields('Quote')).toEqual(
      expect.arrayContaining(['housingRegime', 'priceRegime', 'financing', 'savingsToConfirm']),
    );
  });
});
