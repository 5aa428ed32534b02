import { describe, expect, it } from 'vitest';
import { phone } from '../builders/phone.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';
import { actorNamed, leadUseCases } from '../support/lead-desk-routes.ts';

/** A lead on WhatsApp handled by one advisor, and the use case another advisor types a lead into. */
const deskWithLead = async () => {
  const desk = await startDesk();
  const { lead } = await registerThroughBot(desk, '+573001140001', 'Pedro Díaz');
  const owner = lead.advisorId ?? 'u-ana';
  const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== owner) ?? 'u-carlos';
  const { createLead } = leadUseCases(desk);
  const create = (actor: string) =>
    createLead.execute({ actor: actorNamed(actor), name: 'Pedro', phone: phone('+573001140001') });
  return { desk, lead, owner, other, create };
};

describe('CreateLead with a phone already known', () => {
  it('tells another advisor only that the phone is taken, not which lead has it', async () => {
    const { create, other } = await deskWithLead();

    expect(await create(other)).toEqual({ ok: false, error: { type: 'LeadAlreadyExists', leadId: null } });
  });

  it('names the existing lead to its own advisor, managers and admins', async () => {
    const { create, lead, owner } = await deskWithLead();

    for (const actor of [owner, 'u-jorge', 'admin']) {
      expect(await create(actor)).toEqual({ ok: false, error: { type: 'LeadAlreadyExists', leadId: lead.id } });
    }
  });
});
