import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttemptOutcome,
  afterAttempt,
  queuedMessage,
  withDeliveryStatus,
} from '../../../domain/messaging/lifecycle.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MessageId,
  type WaMessageId,
} from '../../../domain/shared/ids.ts';

const queued = (at = 1_000) =>
  queuedMessage({
    id: asId<MessageId>('msg_1'),
    conversation: { id: asId<ConversationId>('conv_1'), leadId: asId<LeadId>('lead_1') },
    visitId: null,
    at,
    content: { kind: 'text', body: 'Hola' },
    author: { kind: 'bot' },
  });

const outcome: fc.Arbitrary<AttemptOutcome> = fc.oneof(
  fc.string({ minLength: 1 }).map((id) => ({ kind: 'sent' as const, waMessageId: asId<WaMessageId>(id) })),
  fc.nat().map((nextAttemptAt) => ({ kind: 'retry' as const, nextAttemptAt })),
  fc.record({ code: fc.string(), title: fc.string() }).map((failure) => ({ kind: 'failed' as const, failure })),
);

describe('an outbound message through its life', () => {
  it('is queued, never tried and due at once, filed under the conversation and its lead', () => {
    expect(queued(1_000)).toMatchObject({
      direction: 'outbound',
      conversationId: 'conv_1',
      leadId: 'lead_1',
      status: 'queued',
      statusAt: 1_000,
      attempts: 0,
      nextAttemptAt: 1_000,
      waMessageId: null,
      failure: null,
    });
  });

  it('counts every attempt, and only a retry keeps it queued (due later)', () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 5 }), fc.nat(), (outcomes, at) => {
        const after = outcomes.reduce((m, o) => afterAttempt(m, o, at), queued());
        expect(after.attempts).toBe(outcomes.length);
        const last = outcomes.at(-1);
        if (last === undefined) return;
        const expected = last.kind === 'retry' ? queued().status : last.kind;
        if (outcomes.every((o) => o.kind === 'retry')) expect(after.status).toBe(expected);
        if (last.kind === 'retry') expect(after.nextAttemptAt).toBe(last.nextAttemptAt);
        if (last.kind === 'sent') expect(after).toMatchObject({ status: 'sent', waMessageId: last.waMessageId });
        if (last.kind === 'failed') expect(after).toMatchObject({ status: 'failed', failure: last.failure });
      }),
    );
  });

  it('keeps a failure reason only while failed: a later receipt clears it', () => {
    const failed = withDeliveryStatus(queued(), 'failed', 2_000, null);
    expect(failed.failure).toEqual({ code: 'unknown', title: 'Failed without a reason' });
    expect(withDeliveryStatus(failed, 'read', 3_000, null)).toMatchObject({
      status: 'read',
      statusAt: 3_000,
      failure: null,
    });
  });
});
