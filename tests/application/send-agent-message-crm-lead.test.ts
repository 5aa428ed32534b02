import { describe, expect, it } from 'vitest';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { aLead } from '../builders/lead-builder.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';
import { actorNamed } from '../support/lead-desk-routes.ts';

const ana = asId<UserId>('u-ana');

/** A desk with a lead the CRM created directly: a phone, but no conversation and no message ever. */
const deskWithCrmLead = async () => {
  const desk = await startDesk();
  const lead = aLead()
    .withId('lead-crm')
    .withLine('line-main')
    .withPhone('+573008880001')
    .withName('Rosa Mejía')
    .fromCrm()
    .assignedTo('u-ana', T0)
    .createdAt(T0)
    .build();
  await desk.read((r) => r.leads.save(lead));
  return { desk, lead };
};

describe('SendAgentMessage to a lead who never wrote', () => {
  it("refuses another advisor's lead as not found, storing and sending nothing", async () => {
    const { desk, lead } = await deskWithCrmLead();
    const carlos = asId<UserId>('u-carlos');

    const result = await desk.sendAgentMessage.execute({
      actor: actorNamed(carlos),
      leadId: lead.id,
      author: carlos,
      content: { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Rosa', 'Carlos'] },
    });
    await desk.idle();

    expect(result).toEqual({ ok: false, error: { type: 'LeadNotFound', leadId: lead.id } });
    expect(await desk.read((r) => r.messages.byLead(lead.id))).toEqual([]);
    expect(desk.whatsapp.sent).toEqual([]);
  });

  it('opens the conversation with an approved template and sends it', async () => {
    const { desk, lead } = await deskWithCrmLead();

    const result = await desk.sendAgentMessage.execute({
      actor: actorNamed(ana),
      leadId: lead.id,
      author: ana,
      content: { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Rosa', 'Ana'] },
    });
    await desk.idle();

    expect(result).toMatchObject({ ok: true, value: { leadId: lead.id, visitId: null } });
    const conversations = await desk.read((r) => r.conversations.byLead(lead.id));
    expect(conversations).toMatchObject([
      { lineId: 'line-main', contact: { phone: '+573008880001', userId: null }, leadId: lead.id, lastInboundAt: null },
    ]);
    expect(desk.whatsapp.sentTo('+573008880001').map((m) => m.content.kind)).toEqual(['template']);
    const stored = await desk.read((r) => r.messages.byLead(lead.id));
    expect(stored).toMatchObject([{ direction: 'outbound', status: 'sent', conversationId: conversations[0]?.id }]);
  });

  it('refuses free text: the window was never opened', async () => {
    const { desk, lead } = await deskWithCrmLead();

    const result = await desk.sendAgentMessage.execute({
      actor: actorNamed(ana),
      leadId: lead.id,
      author: ana,
      content: { kind: 'text', body: 'Hola Rosa' },
    });
    await desk.idle();

    expect(result).toEqual({ ok: false, error: { type: 'WindowClosed' } });
    expect(await desk.read((r) => r.messages.byLead(lead.id))).toEqual([]);
    expect(desk.whatsapp.sent).toEqual([]);
  });

  it('leaves no conversation behind when free text is refused', async () => {
    const { desk, lead } = await deskWithCrmLead();

    await desk.sendAgentMessage.execute({
      actor: actorNamed(ana),
      leadId: lead.id,
      author: ana,
      content: { kind: 'text', body: 'Hola Rosa' },
    });

    expect(await desk.read((r) => r.conversations.byLead(lead.id))).toEqual([]);
  });
});
