import { describe, expect, it } from 'vitest';
import type { SendFailure } from '../../application/ports/message-gateway.ts';
import { defaultRetryPolicy } from '../../domain/messaging/retry.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { asId, type MessageId, type UserId } from '../../domain/shared/ids.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { aLine } from '../builders/line-builder.ts';
import { anOutboundMessage } from '../builders/outbound-message-builder.ts';
import { T0 } from '../support/t0.ts';
import { aWorld, outboxOf } from '../support/world.ts';

const rateLimited: SendFailure = { type: 'SendFailed', retryable: true, code: '130429', title: 'Rate limit hit' };
const undeliverable: SendFailure = {
  type: 'SendFailed',
  retryable: false,
  code: '131026',
  title: 'Message undeliverable',
};

const PHONE = '+573006660001';

/** Sofía, who wrote at T0 on line-1, with an empty outbox, and the outbox use case over a fake WhatsApp. */
const deskWithLead = async () => {
  const world = aWorld(T0);
  const { lead, conversation } = aLeadInConversation('lead-sofia', PHONE, 'Sofía Lara', 'u-ana', T0);
  await world.given({ lines: [aLine().withId('line-1').build()], leads: [lead], conversations: [conversation] });
  const { whatsapp, dispatch } = outboxOf(world);
  /** An advisor's text queued in Sofía's conversation, due now. */
  const queue = async (body: string): Promise<MessageId> => {
    const message = anOutboundMessage()
      .inConversation(conversation.id)
      .ofLead(lead.id)
      .saying(body)
      .by({ kind: 'user', userId: asId<UserId>('u-ana') })
      .createdAt(world.clock.now())
      .build();
    await world.given({ outbound: [message] });
    return message.id;
  };
  const stored = async (id: MessageId) => (await world.read((r) => r.messages.byId(id))) as OutboundMessage;
  const bodiesSent = () => whatsapp.sentTo(PHONE).flatMap((m) => (m.content.kind === 'text' ? [m.content.body] : []));
  return { world, whatsapp, queue, stored, bodiesSent, dispatch };
};

describe('DispatchOutbound', () => {
  it('keeps a message queued after a retryable failure and sends it once the back-off has passed', async () => {
    const { world, whatsapp, queue, stored, bodiesSent, dispatch } = await deskWithLead();
    const id = await queue('Hola Sofía');
    whatsapp.failNextSends(1, rateLimited);

    expect(await dispatch()).toEqual({ sent: 0, failed: 0, deferred: 1 });
    const deferred = await stored(id);
    expect(deferred).toMatchObject({ status: 'queued', attempts: 1, waMessageId: null });
    expect(deferred.nextAttemptAt).toBeGreaterThan(world.clock.now());
    expect(await dispatch()).toEqual({ sent: 0, failed: 0, deferred: 0 });

    world.clock.set(deferred.nextAttemptAt);
    expect(await dispatch()).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(await stored(id)).toMatchObject({ status: 'sent', attempts: 2, failure: null });
    expect(bodiesSent().at(-1)).toBe('Hola Sofía');
  });

  it("waits at least as long as the channel's retry hint", async () => {
    const { world, whatsapp, queue, stored, dispatch } = await deskWithLead();
    const id = await queue('Hola');
    whatsapp.failNextSends(1, { ...rateLimited, retryAfterMs: 5 * MINUTE_MS });

    await dispatch();

    expect((await stored(id)).nextAttemptAt).toBeGreaterThanOrEqual(world.clock.now() + 5 * MINUTE_MS);
  });

  it('marks a message failed with the reason of a permanent failure', async () => {
    const { world, whatsapp, queue, stored, dispatch } = await deskWithLead();
    const id = await queue('Hola');
    whatsapp.failNextSends(1, undeliverable);

    expect(await dispatch()).toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect(await stored(id)).toMatchObject({
      status: 'failed',
      statusAt: world.clock.now(),
      attempts: 1,
      failure: { code: '131026', title: 'Message undeliverable' },
    });
  });

  it("gives up after the policy's maximum number of retryable failures", async () => {
    const { world, whatsapp, queue, stored, dispatch } = await deskWithLead();
    const id = await queue('Hola');
    whatsapp.failSendsWhen((r) => r.content.kind === 'text', rateLimited);

    for (let attempt = 1; attempt < defaultRetryPolicy.maxAttempts; attempt += 1) {
      await dispatch();
      expect(await stored(id)).toMatchObject({ status: 'queued', attempts: attempt });
      world.clock.advance(defaultRetryPolicy.maxDelayMs);
    }
    await dispatch();

    expect(await stored(id)).toMatchObject({
      status: 'failed',
      attempts: defaultRetryPolicy.maxAttempts,
      failure: { code: '130429', title: 'Rate limit hit' },
    });
  });

  it("sends a conversation's messages in order even when the first had to be retried", async () => {
    const { world, whatsapp, queue, stored, bodiesSent, dispatch } = await deskWithLead();
    const first = await queue('Primero');
    await queue('Segundo');
    whatsapp.failNextSends(1, rateLimited);

    await dispatch();
    expect(bodiesSent()).not.toContain('Segundo');

    world.clock.set((await stored(first)).nextAttemptAt);
    await dispatch();
    expect(bodiesSent().slice(-2)).toEqual(['Primero', 'Segundo']);
  });

  it('lets the next message go once the first has failed for good', async () => {
    const { whatsapp, queue, bodiesSent, dispatch } = await deskWithLead();
    await queue('Primero');
    await queue('Segundo');
    whatsapp.failNextSends(1, undeliverable);

    expect(await dispatch()).toEqual({ sent: 1, failed: 1, deferred: 0 });
    expect(bodiesSent().at(-1)).toBe('Segundo');
  });

  it('publishes every status change, and none for a deferral', async () => {
    const { world, whatsapp, queue, stored, dispatch } = await deskWithLead();
    const sent = await queue('Uno');
    const failed = await queue('Dos');
    whatsapp.failNextSends(1, rateLimited);
    await dispatch();
    world.clock.set((await stored(sent)).nextAttemptAt);
    whatsapp.failSendsWhen((r) => r.content.kind === 'text' && r.content.body === 'Dos', undeliverable);
    await dispatch();

    const changes = world.events.published.filter(
      (e) => e.type === 'message_status_changed' && [sent, failed].includes(e.messageId),
    );
    expect(changes).toMatchObject([
      { messageId: sent, status: 'sent' },
      { messageId: failed, status: 'failed' },
    ]);
  });
});
