import { describe, expect, it } from 'vitest';
import { SendAgentMessage } from '../../application/use-cases/send-agent-message.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { aLead } from '../builders/lead-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { bienvenida } from '../builders/template-builder.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld, outboxOf } from '../support/world.ts';

const ana = asId<UserId>('u-ana');

/** A lead the CRM created directly, Ana's: a phone, but no conversation and no message ever. */
const deskWithCrmLead = async () => {
  const world = aWorld(T0);
  const lead = aLead()
    .withId('lead-crm')
    .withLine('line-main')
    .withPhone('+573008880001')
    .withName('Rosa Mejía')
    .fromCrm()
    .assignedTo('u-ana', T0)
    .createdAt(T0)
    .build();
  await world.given({ lines: [aLine().withId('line-main').build()], templates: [bienvenida().build()], leads: [lead] });
  const { whatsapp, dispatch } = outboxOf(world);
  return { world, lead, whatsapp, dispatch, sendAgentMessage: new SendAgentMessage(world.uow, world) };
};

describe('SendAgentMessage to a lead who never wrote', () => {
  it("refuses another advisor's lead as not found, storing and sending nothing", async () => {
    const { world, lead, whatsapp, dispatch, sendAgentMessage } = await deskWithCrmLead();
    const carlos = asId<UserId>('u-carlos');

    const result = await sendAgentMessage.execute({
      actor: actorNamed(carlos),
      leadId: lead.id,
      author: carlos,
      content: { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Rosa', 'Carlos'] },
    });
    await dispatch();

    expect(result).toEqual({ ok: false, error: { type: 'LeadNotFound', leadId: lead.id } });
    expect(await world.read((r) => r.messages.byLead(lead.id))).toEqual([]);
    expect(whatsapp.sent).toEqual([]);
  });

  it('opens the conversation with an approved template and sends it', async () => {
    const { world, lead, whatsapp, dispatch, sendAgentMessage } = await deskWithCrmLead();

    const result = await sendAgentMessage.execute({
      actor: actorNamed(ana),
      leadId: lead.id,
      author: ana,
      content: { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Rosa', 'Ana'] },
    });
    await dispatch();

    expect(result).toMatchObject({ ok: true, value: { leadId: lead.id, visitId: null } });
    const conversations = await world.read((r) => r.conversations.byLead(lead.id));
    expect(conversations).toMatchObject([
      { lineId: 'line-main', contact: { phone: '+573008880001', userId: null }, leadId: lead.id, lastInboundAt: null },
    ]);
    expect(whatsapp.sentTo('+573008880001').map((m) => m.content.kind)).toEqual(['template']);
    const stored = await world.read((r) => r.messages.byLead(lead.id));
    expect(stored).toMatchObject([{ direction: 'outbound', status: 'sent', conversationId: conversations[0]?.id }]);
  });

  it('refuses free text: the window was never opened', async () => {
    const { world, lead, whatsapp, dispatch, sendAgentMessage } = await deskWithCrmLead();

    const result = await sendAgentMessage.execute({
      actor: actorNamed(ana),
      leadId: lead.id,
      author: ana,
      content: { kind: 'text', body: 'Hola Rosa' },
    });
    await dispatch();

    expect(result).toEqual({ ok: false, error: { type: 'WindowClosed' } });
    expect(await world.read((r) => r.messages.byLead(lead.id))).toEqual([]);
    expect(whatsapp.sent).toEqual([]);
  });

  it('leaves no conversation behind when free text is refused', async () => {
    const { world, lead, sendAgentMessage } = await deskWithCrmLead();

    await sendAgentMessage.execute({
      actor: actorNamed(ana),
      leadId: lead.id,
      author: ana,
      content: { kind: 'text', body: 'Hola Rosa' },
    });

    expect(await world.read((r) => r.conversations.byLead(lead.id))).toEqual([]);
  });
});
