import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialBotState } from '../../../domain/chatbot/bot-state.ts';
import type { PhoneE164 } from '../../../domain/contact/phone.ts';
import { withInbound, type Conversation } from '../../../domain/conversation/conversation.ts';
import { mayBeSent, windowAt } from '../../../domain/conversation/window.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import type { ConversationId, LineId, MediaId } from '../../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../../domain/shared/time.ts';

const instant = fc.integer({ min: 0, max: 4_000_000_000_000 });
const insideWindow = fc.integer({ min: 0, max: DAY_MS - 1 });
const afterWindow = fc.integer({ min: DAY_MS, max: 400 * DAY_MS });

const freeForm: fc.Arbitrary<OutboundContent> = fc.constantFrom<OutboundContent>(
  { kind: 'text', body: 'Hola' },
  { kind: 'buttons', body: '¿Aceptas?', buttons: [{ id: 'yes', title: 'Sí' }] },
  { kind: 'list', body: 'Proyectos', buttonLabel: 'Ver', sections: [{ rows: [{ id: 'p1', title: 'Torres' }] }] },
  { kind: 'media', mediaKind: 'document', mediaId: 'm1' as MediaId, mimeType: 'application/pdf', filename: 'q.pdf' },
  { kind: 'media', mediaKind: 'audio', mediaId: 'm2' as MediaId, mimeType: 'audio/ogg', voice: true },
);
const template: fc.Arbitrary<OutboundContent> = fc.record({
  kind: fc.constant('template' as const),
  name: fc.string({ minLength: 1 }),
  language: fc.constantFrom('es', 'es_CO', 'en_US'),
  parameters: fc.array(fc.string()),
  renderedText: fc.string(),
});
const lastInbound = fc.option(instant, { nil: null });

describe('the 24-hour customer-service window', () => {
  it('is open for any now with 0 ≤ now − lastInbound < 24 h, closing at lastInbound + 24 h', () => {
    fc.assert(
      fc.property(instant, insideWindow, (last, elapsed) => {
        expect(windowAt(last, last + elapsed)).toEqual({ kind: 'open', closesAt: last + DAY_MS });
      }),
    );
  });

  it('is closed from exactly lastInbound + 24 h onwards', () => {
    fc.assert(
      fc.property(instant, afterWindow, (last, elapsed) => {
        expect(windowAt(last, last + elapsed)).toEqual({ kind: 'closed' });
      }),
    );
  });

  it('is closed whenever the lead never wrote', () => {
    fc.assert(
      fc.property(instant, (now) => {
        expect(windowAt(null, now)).toEqual({ kind: 'closed' });
      }),
    );
  });

  it('closes at the exact millisecond: open 1 ms before, closed at the instant itself', () => {
    const last = Date.UTC(2026, 0, 10, 9, 30);
    expect(windowAt(last, last + DAY_MS - 1)).toEqual({ kind: 'open', closesAt: last + DAY_MS });
    expect(windowAt(last, last + DAY_MS)).toEqual({ kind: 'closed' });
    expect(windowAt(last, last + 23 * HOUR_MS)).toEqual({ kind: 'open', closesAt: Date.UTC(2026, 0, 11, 9, 30) });
  });
});

describe('mayBeSent', () => {
  it('always lets a template through, window or not', () => {
    fc.assert(
      fc.property(template, lastInbound, instant, (content, last, now) => {
        expect(mayBeSent(content, last, now)).toEqual({ ok: true, value: content });
      }),
    );
  });

  it('lets every free-form kind through inside the window', () => {
    fc.assert(
      fc.property(freeForm, instant, insideWindow, (content, last, elapsed) => {
        expect(mayBeSent(content, last, last + elapsed)).toEqual({ ok: true, value: content });
      }),
    );
  });

  it('refuses every free-form kind outside the window with WindowClosed', () => {
    fc.assert(
      fc.property(freeForm, instant, afterWindow, fc.boolean(), (content, last, elapsed, never) => {
        const result = mayBeSent(content, never ? null : last, last + elapsed);
        expect(result).toEqual({ ok: false, error: { type: 'WindowClosed' } });
      }),
    );
  });
});

const conversation = (lastInboundAt: number | null): Conversation => ({
  id: 'c1' as ConversationId,
  lineId: 'l1' as LineId,
  contact: { phone: '+573001234567' as PhoneE164, userId: null },
  profileName: 'Ana',
  leadId: null,
  bot: initialBotState,
  lastInboundAt,
  origin: null,
  createdAt: 0,
});

const shuffled = <T>(xs: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...xs], { minLength: xs.length });

describe('withInbound', () => {
  it('keeps the latest inbound instant whatever order the webhooks arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(instant, { minLength: 1, maxLength: 30 }).chain((xs) => fc.tuple(fc.constant(xs), shuffled(xs))),
        lastInbound,
        ([instants, order], before) => {
          const after = order.reduce(
            (c, at) => withInbound(c, at, null, { phone: null, userId: null }),
            conversation(before),
          );
          expect(after.lastInboundAt).toBe(Math.max(...instants, before ?? -Infinity));
        },
      ),
    );
  });

  it('ends on the phone of the latest message, whatever order the webhooks arrive in (a number change is not undone by a late one)', () => {
    const message = fc.record({
      at: instant,
      phone: fc.constantFrom('+573001000001', '+573001000002', '+573001000003') as fc.Arbitrary<PhoneE164>,
    });
    fc.assert(
      fc.property(
        fc
          .uniqueArray(message, { minLength: 1, maxLength: 12, selector: (m) => m.at })
          .chain((ms) => fc.tuple(fc.constant(ms), shuffled(ms))),
        ([messages, order]) => {
          const start: Conversation = { ...conversation(null), contact: { phone: null, userId: 'CO.1' } };
          const after = order.reduce((c, m) => withInbound(c, m.at, null, { phone: m.phone, userId: 'CO.1' }), start);
          const latest = messages.reduce((a, b) => (b.at > a.at ? b : a));
          expect(after.contact).toEqual({ phone: latest.phone, userId: 'CO.1' });
        },
      ),
    );
  });

  it('keeps the known profile name and identity when a webhook omits them, and takes new ones', () => {
    const late = withInbound(conversation(1_000), 500, null, { phone: null, userId: 'u-9' });
    expect(late).toMatchObject({
      lastInboundAt: 1_000,
      profileName: 'Ana',
      contact: { phone: '+573001234567', userId: 'u-9' },
    });
    expect(withInbound(late, 2_000, 'Ana María', { phone: null, userId: null })).toMatchObject({
      lastInboundAt: 2_000,
      profileName: 'Ana María',
    });
  });
});
