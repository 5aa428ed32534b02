import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusEnvelope } from '../../application/ports/inbound.ts';
import { nextStatus, type DeliveryStatus } from '../../domain/messaging/delivery-status.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { asId, type UserId, type WaMessageId } from '../../domain/shared/ids.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { recordDeliveryStatus } from '../../application/steps/delivery-status.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { aLine } from '../builders/line-builder.ts';
import { anOutboundMessage } from '../builders/outbound-message-builder.ts';
import { T0 } from '../support/t0.ts';
import { aWorld, outboxOf } from '../support/world.ts';

type Receipt = StatusEnvelope['status'];
const reEngagement = { code: '131047', title: 'Re-engagement message' };

const PHONE = '+573004440001';

/** Julián, who wrote at T0, and an advisor's message to them already sent (status `sent`). */
const deskWithSentMessage = async () => {
  const world = aWorld(T0);
  const { lead, conversation } = aLeadInConversation('lead-julian', PHONE, 'Julián Mora', 'u-ana', T0);
  const message = anOutboundMessage()
    .inConversation(conversation.id)
    .ofLead(lead.id)
    .saying('Hola Julián')
    .by({ kind: 'user', userId: asId<UserId>('u-ana') })
    .createdAt(T0)
    .build();
  await world.given({
    lines: [aLine().withId('line-1').build()],
    leads: [lead],
    conversations: [conversation],
    outbound: [message],
  });
  const { whatsapp, dispatch } = outboxOf(world);
  await dispatch();
  const id = message.id;
  const stored = async () => (await world.read((r) => r.messages.byId(id))) as OutboundMessage;
  const wamid = (await stored()).waMessageId as WaMessageId;
  const report = (status: Receipt, failure?: { code: string; title: string }) => {
    world.clock.advance(MINUTE_MS);
    return whatsapp.reportStatus(wamid, status, failure);
  };
  const recordStatus = (envelope: StatusEnvelope) => world.uow.transaction((tx) => recordDeliveryStatus(tx, envelope));
  const changes = () =>
    world.events.published
      .filter((e) => e.type === 'message_status_changed' && e.messageId === id)
      .map((e) => e.type === 'message_status_changed' && e.status);
  return { world, conversation, id, wamid, stored, report, recordStatus, changes };
};

/** The reference: each status the domain's `nextStatus` moves to from `sent`, skipping non-changes. */
const statusesAfter = (receipts: readonly Receipt[]): DeliveryStatus[] =>
  receipts.reduce<DeliveryStatus[]>((moves, receipt) => {
    const current = moves.at(-1) ?? 'sent';
    const next = nextStatus(current, receipt);
    if (next !== current) moves.push(next);
    return moves;
  }, []);

describe("a delivery receipt (the inbox worker's step)", () => {
  it('moves the stored status forward with each receipt', async () => {
    const { world, stored, report, changes } = await deskWithSentMessage();

    await report('delivered');
    expect(await stored()).toMatchObject({ status: 'delivered', statusAt: world.clock.now() });
    await report('read');
    expect(await stored()).toMatchObject({ status: 'read', statusAt: world.clock.now() });
    expect(changes()).toEqual(['sent', 'delivered', 'read']);
  });

  it('keeps "read" when "delivered" arrives after it', async () => {
    const { stored, report } = await deskWithSentMessage();

    await report('read');
    const readAt = (await stored()).statusAt;
    await report('delivered');

    expect(await stored()).toMatchObject({ status: 'read', statusAt: readAt });
  });

  it('publishes one event per real change, however often a receipt repeats', async () => {
    const { stored, report, changes } = await deskWithSentMessage();

    await report('delivered');
    await report('delivered');
    await report('sent');
    await report('delivered');

    expect((await stored()).status).toBe('delivered');
    expect(changes()).toEqual(['sent', 'delivered']);
  });

  it('keeps the reason of a failure', async () => {
    const { stored, report, changes } = await deskWithSentMessage();

    await report('failed', reEngagement);

    expect(await stored()).toMatchObject({ status: 'failed', failure: reEngagement });
    expect(changes()).toEqual(['sent', 'failed']);
  });

  it('refuses a receipt for a message it never sent', async () => {
    const { world, recordStatus } = await deskWithSentMessage();
    const waMessageId = asId<WaMessageId>('wamid.someone-else');

    const result = await recordStatus({ waMessageId, status: 'read', at: world.clock.now(), failure: null });

    expect(result).toEqual({ ok: false, error: { type: 'UnknownMessage', waMessageId } });
  });

  it('refuses a receipt naming an inbound message', async () => {
    const { world, conversation, recordStatus } = await deskWithSentMessage();
    const inbound = anInboundMessage().inConversation(conversation.id).saying('¿Me escuchas?').build();
    await world.given({ inbound: [inbound] });

    const result = await recordStatus({
      waMessageId: inbound.waMessageId,
      status: 'read',
      at: world.clock.now(),
      failure: null,
    });

    expect(result).toMatchObject({ ok: false, error: { type: 'UnknownMessage' } });
  });

  it('ends at the furthest status whatever order the receipts come in, one event per move', async () => {
    const receipts = fc.array(fc.constantFrom<Receipt>('sent', 'delivered', 'read', 'played', 'failed'), {
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(receipts, async (sequence) => {
        const { stored, report, changes } = await deskWithSentMessage();
        for (const status of sequence) await report(status, status === 'failed' ? reEngagement : undefined);

        const expected = statusesAfter(sequence);
        const final = await stored();
        expect(final.status).toBe(expected.at(-1) ?? 'sent');
        expect(final.status).toBe(statusesAfter([...sequence].sort()).at(-1) ?? 'sent');
        if (final.status === 'failed') expect(final.failure).toEqual(reEngagement);
        expect(changes()).toEqual(['sent', ...expected]);
      }),
      { numRuns: 60 },
    );
  });
});
