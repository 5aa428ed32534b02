import { describe, expect, it } from 'vitest';
import { orderingKey } from '../../application/ports/inbox-repository.ts';
import {
  type AgentContent,
  SendAgentMessage,
  type SendAgentMessageInput,
} from '../../application/use-cases/send-agent-message.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import { asId, type LineId, type UserId } from '../../domain/shared/ids.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { phone } from '../builders/phone.ts';
import { theFakeWhatsAppLine } from '../builders/line-builder.ts';
import { bienvenida } from '../builders/template-builder.ts';
import { T0 } from '../support/t0.ts';
import { aWorld, chatOf } from '../support/world.ts';

const line = asId<LineId>('line-main');
const USER = 'CO.777';

/** The line the fake WhatsApp's leads write to, the welcome template, and the inbox step and outbox over them. */
const deskWithLine = async () => {
  const world = aWorld(T0);
  await world.given({
    lines: [theFakeWhatsAppLine().build()],
    templates: [bienvenida().build()],
  });
  const chat = chatOf(world);
  return { world, ...chat, sendAgentMessage: new SendAgentMessage(world.uow, world) };
};

type Desk = Awaited<ReturnType<typeof deskWithLine>>;
const OLD = '+573002220001';
const NEW = '+573002220002';

/** María wrote from her old number and is Ana's lead; the CRM also holds a lead (and a template chat) for her new number. */
const deskWithTwoRecords = async () => {
  const desk = await deskWithLine();
  const maria = aLead()
    .withId('lead-maria')
    .withLine('line-main')
    .withPhone(OLD)
    .withWaUserId(USER)
    .assignedTo('u-ana', T0)
    .createdAt(T0)
    .build();
  const typedIn = aLead()
    .withId('lead-typed')
    .withLine('line-main')
    .withPhone(NEW)
    .withWaUserId(null)
    .fromCrm()
    .createdAt(T0)
    .build();
  const hers = aConversation()
    .withId('conv-maria')
    .onLine('line-main')
    .withContact({ phone: OLD, userId: USER })
    .ofLead(maria.id)
    .withBot({ step: 'withAdvisor' })
    .lastInboundAt(T0)
    .build();
  const opened = aConversation()
    .withId('conv-typed')
    .onLine('line-main')
    .withContact({ phone: NEW, userId: null })
    .ofLead(typedIn.id)
    .withBot({ step: 'withAdvisor' })
    .build();
  await desk.world.given({ leads: [maria, typedIn], conversations: [hers, opened] });
  return { desk, maria, typedIn, hers, opened };
};

/** An admin writing from the CRM (the actor also rides along where the use case asks for one). */
const send = (desk: Desk, input: { leadId: Lead['id']; content: AgentContent }) =>
  desk.sendAgentMessage.execute({
    ...input,
    author: asId<UserId>('u-ana'),
    actor: { kind: 'bootstrap-admin', role: 'admin' },
  } as SendAgentMessageInput);

const deliver = (desk: Desk, from: { phone: string | null; userId: string | null }, at: number, text: string) =>
  desk.whatsapp.deliverRaw(
    anEnvelope()
      .from({ phone: from.phone === null ? null : phone(from.phone), userId: from.userId })
      .sentAt(at)
      .saying(text)
      .build(),
  );

describe('a WhatsApp user id writing from a new phone', () => {
  it('stays in its conversation and lead, which now answer at the new phone; the other lead loses the number', async () => {
    const { desk, maria, typedIn, hers, opened } = await deskWithTwoRecords();

    await deliver(desk, { phone: NEW, userId: USER }, T0 + MINUTE_MS, 'Hola, cambié de número');

    expect(await desk.world.read((r) => r.conversations.byId(hers.id))).toMatchObject({
      contact: { phone: NEW, userId: USER },
      leadId: maria.id,
    });
    expect(await desk.world.read((r) => r.conversations.byId(opened.id))).toMatchObject({
      contact: { phone: null, userId: null },
      leadId: typedIn.id,
    });
    // Each lead keeps the CRM's record: the new number belongs to the other lead there.
    expect(await desk.world.read((r) => r.leads.byId(maria.id))).toMatchObject({ phone: OLD, waUserId: USER });
    expect(await desk.world.read((r) => r.leads.byId(typedIn.id))).toMatchObject({ phone: NEW, waUserId: null });
    const [inbound] = (await desk.world.read((r) => r.messages.byLead(maria.id))).filter(
      (m) => m.direction === 'inbound',
    );
    expect(inbound).toMatchObject({ conversationId: hers.id, content: { body: 'Hola, cambié de número' } });

    expect(await send(desk, { leadId: maria.id, content: { kind: 'text', body: 'Hola María' } })).toMatchObject({
      ok: true,
    });
    await desk.dispatch();
    // The bot's acknowledgement of her message, then the advisor's answer, both at the new number.
    expect(desk.whatsapp.sentTo(NEW).map((m) => m.content)).toEqual([
      { kind: 'text', body: expect.stringMatching(/^Recibimos tu mensaje 🙌/) },
      { kind: 'text', body: 'Hola María' },
    ]);
    const template = { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Rosa', 'Ana'] } as const;
    expect(await send(desk, { leadId: typedIn.id, content: template })).toEqual({
      ok: false,
      error: { type: 'LeadHasNoWhatsApp', leadId: typedIn.id },
    });
  });

  it('does not move back to the old phone when an older message from it arrives late', async () => {
    const { desk, hers } = await deskWithTwoRecords();

    await deliver(desk, { phone: NEW, userId: USER }, T0 + 2 * MINUTE_MS, 'Desde el nuevo');
    await deliver(desk, { phone: OLD, userId: USER }, T0 + MINUTE_MS, 'Desde el viejo, enviado antes');

    expect(await desk.world.read((r) => r.conversations.byId(hers.id))).toMatchObject({
      contact: { phone: NEW, userId: USER },
      lastInboundAt: T0 + 2 * MINUTE_MS,
    });
  });

  it("treats a number that changed hands as a new person: their own conversation, not the previous owner's lead", async () => {
    const desk = await deskWithLine();
    const previous = aLead()
      .withId('lead-prev')
      .withLine('line-main')
      .withPhone(NEW)
      .withWaUserId('CO.previous')
      .createdAt(T0)
      .build();
    const theirs = aConversation()
      .withId('conv-prev')
      .onLine('line-main')
      .withContact({ phone: NEW, userId: 'CO.previous' })
      .ofLead(previous.id)
      .withBot({ step: 'withAdvisor' })
      .build();
    await desk.world.given({ leads: [previous], conversations: [theirs] });

    await deliver(desk, { phone: NEW, userId: USER }, T0, 'Hola');

    const mine = await desk.world.read((r) => r.conversations.byIdentity(line, { phone: null, userId: USER }));
    expect(mine).toMatchObject({ contact: { phone: NEW, userId: USER }, leadId: null, bot: { step: 'awaitingEmail' } });
    expect(await desk.world.read((r) => r.conversations.byId(theirs.id))).toMatchObject({
      contact: { phone: null, userId: 'CO.previous' },
      leadId: previous.id,
    });
    expect(desk.whatsapp.lead(NEW).lastText()).toContain('correo electrónico');
  });

  it('is one ordering key in the inbox whatever the phone, so its messages are handled in arrival order', () => {
    const from = (p: string | null) =>
      orderingKey({
        kind: 'message',
        envelope: anEnvelope()
          .from({ phone: p === null ? null : phone(p), userId: USER })
          .build(),
      });
    expect(new Set([from(OLD), from(NEW), from(null)]).size).toBe(1);
    const phoneOnly = orderingKey({ kind: 'message', envelope: anEnvelope().fromPhone(OLD).build() });
    expect(phoneOnly).not.toBe(from(OLD));
  });
});
