import { describe, expect, it } from 'vitest';
import type { SendFailure } from '../../application/ports/message-gateway.ts';
import { defaultRetryPolicy } from '../../domain/messaging/retry.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { asId, type MessageId, type UserId } from '../../domain/shared/ids.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { startDesk } from '../support/desk-harness.ts';
import { actorNamed } from '../support/lead-desk-routes.ts';

const rateLimited: SendFailure = { type: 'SendFailed', retryable: true, code: '130429', title: 'Rate limit hit' };
const undeliverable: SendFailure = {
  type: 'SendFailed',
  retryable: false,
  code: '131026',
  title: 'Message undeliverable',
};

/** A registered lead with the bot's replies already sent: the outbox is empty. */
const deskWithLead = async () => {
  const desk = await startDesk();
  const { person, lead } = await registerThroughBot(desk, '+573006660001', 'Sofía Lara');
  const queue = async (body: string): Promise<MessageId> => {
    const result = await desk.sendAgentMessage.execute({
      actor: actorNamed('u-ana'),
      leadId: lead.id,
      author: asId<UserId>('u-ana'),
      content: { kind: 'text', body },
    });
    if (!result.ok) throw new Error(`could not queue "${body}": ${result.error.type}`);
    return result.value.id;
  };
  const stored = async (id: MessageId) => (await desk.read((r) => r.messages.byId(id))) as OutboundMessage;
  const bodiesSent = () => person.inbox().flatMap((m) => (m.content.kind === 'text' ? [m.content.body] : []));
  // The use case alone: the pipeline stops listening, so nothing sends what a test queues before it says so.
  await desk.pipeline.stop();
  const outbox = desk.container.get(TOKENS.DispatchOutbound);
  const dispatch = () => outbox.execute();
  return { desk, person, queue, stored, bodiesSent, dispatch };
};

describe('DispatchOutbound', () => {
  it('keeps a message queued after a retryable failure and sends it once the back-off has passed', async () => {
    const { desk, queue, stored, bodiesSent, dispatch } = await deskWithLead();
    const id = await queue('Hola Sofía');
    desk.whatsapp.failNextSends(1, rateLimited);

    expect(await dispatch()).toEqual({ sent: 0, failed: 0, deferred: 1 });
    const deferred = await stored(id);
    expect(deferred).toMatchObject({ status: 'queued', attempts: 1, waMessageId: null });
    expect(deferred.nextAttemptAt).toBeGreaterThan(desk.clock.now());
    expect(await dispatch()).toEqual({ sent: 0, failed: 0, deferred: 0 });

    desk.clock.set(deferred.nextAttemptAt);
    expect(await dispatch()).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(await stored(id)).toMatchObject({ status: 'sent', attempts: 2, failure: null });
    expect(bodiesSent().at(-1)).toBe('Hola Sofía');
  });

  it("waits at least as long as the channel's retry hint", async () => {
    const { desk, queue, stored, dispatch } = await deskWithLead();
    const id = await queue('Hola');
    desk.whatsapp.failNextSends(1, { ...rateLimited, retryAfterMs: 5 * MINUTE_MS });

    await dispatch();

    expect((await stored(id)).nextAttemptAt).toBeGreaterThanOrEqual(desk.clock.now() + 5 * MINUTE_MS);
  });

  it('marks a message failed with the reason of a permanent failure', async () => {
    const { desk, queue, stored, dispatch } = await deskWithLead();
    const id = await queue('Hola');
    desk.whatsapp.failNextSends(1, undeliverable);

    expect(await dispatch()).toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect(await stored(id)).toMatchObject({
      status: 'failed',
      statusAt: desk.clock.now(),
      attempts: 1,
      failure: { code: '131026', title: 'Message undeliverable' },
    });
  });

  it("gives up after the policy's maximum number of retryable failures", async () => {
    const { desk, queue, stored, dispatch } = await deskWithLead();
    const id = await queue('Hola');
    desk.whatsapp.failSendsWhen((r) => r.content.kind === 'text', rateLimited);

    for (let attempt = 1; attempt < defaultRetryPolicy.maxAttempts; attempt += 1) {
      await dispatch();
      expect(await stored(id)).toMatchObject({ status: 'queued', attempts: attempt });
      desk.clock.advance(defaultRetryPolicy.maxDelayMs);
    }
    await dispatch();

    expect(await stored(id)).toMatchObject({
      status: 'failed',
      attempts: defaultRetryPolicy.maxAttempts,
      failure: { code: '130429', title: 'Rate limit hit' },
    });
  });

  it("sends a conversation's messages in order even when the first had to be retried", async () => {
    const { desk, queue, stored, bodiesSent, dispatch } = await deskWithLead();
    const first = await queue('Primero');
    await queue('Segundo');
    desk.whatsapp.failNextSends(1, rateLimited);

    await dispatch();
    expect(bodiesSent()).not.toContain('Segundo');

    desk.clock.set((await stored(first)).nextAttemptAt);
    await dispatch();
    expect(bodiesSent().slice(-2)).toEqual(['Primero', 'Segundo']);
  });

  it('lets the next message go once the first has failed for good', async () => {
    const { desk, queue, bodiesSent, dispatch } = await deskWithLead();
    await queue('Primero');
    await queue('Segundo');
    desk.whatsapp.failNextSends(1, undeliverable);

    expect(await dispatch()).toEqual({ sent: 1, failed: 1, deferred: 0 });
    expect(bodiesSent().at(-1)).toBe('Segundo');
  });

  it('publishes every status change, and none for a deferral', async () => {
    const { desk, queue, stored, dispatch } = await deskWithLead();
    const sent = await queue('Uno');
    const failed = await queue('Dos');
    desk.whatsapp.failNextSends(1, rateLimited);
    await dispatch();
    desk.clock.set((await stored(sent)).nextAttemptAt);
    desk.whatsapp.failSendsWhen((r) => r.content.kind === 'text' && r.content.body === 'Dos', undeliverable);
    await dispatch();

    const changes = desk.events.published.filter(
      (e) => e.type === 'message_status_changed' && [sent, failed].includes(e.messageId),
    );
    expect(changes).toMatchObject([
      { messageId: sent, status: 'sent' },
      { messageId: failed, status: 'failed' },
    ]);
  });
});
