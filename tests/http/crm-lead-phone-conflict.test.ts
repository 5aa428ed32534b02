import { describe, expect, it } from 'vitest';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';
import { leadRouter } from '../support/lead-desk-routes.ts';

describe('POST /leads with a phone that belongs to another advisor’s lead', () => {
  it('answers 409 problem+json without the other lead’s id; its own advisor and managers get the id', async () => {
    const desk = await startDesk();
    const { lead } = await registerThroughBot(desk, '+573001150001', 'Pedro Díaz');
    const owner = lead.advisorId ?? 'u-ana';
    const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== owner) ?? 'u-carlos';
    const { as } = leadRouter(desk);

    const hidden = await as(other).post('/leads', { name: 'Pedro', phone: '300 115 0001' });
    const body = await hidden.text();
    const mine = await as(owner).post('/leads', { name: 'Pedro', phone: '+57 300 115 0001' });
    const managers = await as('u-jorge').post('/leads', { name: 'Pedro', phone: '3001150001' });

    expect(hidden.status).toBe(409);
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 409, code: 'lead_already_exists' });
    expect(JSON.parse(body)).not.toHaveProperty('leadId');
    expect(body).not.toContain(lead.id);
    expect(await mine.json()).toMatchObject({ status: 409, code: 'lead_already_exists', leadId: lead.id });
    expect(await managers.json()).toMatchObject({ status: 409, code: 'lead_already_exists', leadId: lead.id });
  });
});
