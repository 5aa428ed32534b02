import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../adapters/whatsapp/meta-cloud/webhook-payload.ts';
import type { InboundEnvelope } from '../../../application/ports/inbound.ts';
import { inbound, type Json, messagesChange, webhookOf } from '../../builders/meta-webhook-payloads.ts';

const envelopeOf = (message: Json): InboundEnvelope | undefined => {
  const result = parseWebhook(webhookOf(messagesChange({ messages: [message] })), 1_750_000_000_000);
  if (!result.ok) throw new Error(result.error);
  const [first] = result.value.entries;
  return first?.kind === 'message' ? first.envelope : undefined;
};

// As adapters/whatsapp/meta-cloud/README.md §F20 describes it.
describe('parseWebhook: quoted replies (`context`)', () => {
  it('reads the id of the message a reply answers', () => {
    const envelope = envelopeOf(inbound.quotedText('Sí, ese me interesa', 'wamid.bot.42'));
    expect(envelope).toMatchObject({ replyTo: 'wamid.bot.42', content: { kind: 'text', body: 'Sí, ese me interesa' } });
  });

  it('reads a tapped button as a reply to the message that offered it', () => {
    expect(envelopeOf(inbound.buttonReply('consent:yes', 'Acepto'))?.replyTo).toMatch(/^wamid\./);
  });

  it('reads no reply in a message without context, a forwarded one, or a malformed context', () => {
    expect(envelopeOf(inbound.text('Hola'))).not.toHaveProperty('replyTo');
    expect(envelopeOf(inbound.forwardedText('Mira esto'))).not.toHaveProperty('replyTo');
    for (const context of [null, 'wamid.x', { id: 42 }, { id: '' }, { id: 'x'.repeat(201) }]) {
      const envelope = envelopeOf({ ...(inbound.text('Hola') as object), context });
      expect(envelope).toMatchObject({ content: { kind: 'text', body: 'Hola' } });
      expect(envelope).not.toHaveProperty('replyTo');
    }
  });
});
