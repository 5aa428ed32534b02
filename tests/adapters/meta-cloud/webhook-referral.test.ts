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

// As adapters/whatsapp/meta-cloud/README.md §F18 describes it.
const referral = {
  source_url: 'https://fb.me/3cr4Wqqkh',
  source_id: '120210000000000',
  source_type: 'ad',
  headline: 'Apartamentos en Medellín',
  body: 'Separa con el 1 %',
  media_type: 'image',
  image_url: 'https://scontent.xx.fbcdn.net/ad.jpg',
  ctwa_clid: 'ARAkLkA8rmlFeiCk',
};

describe('parseWebhook: Click-to-WhatsApp referrals', () => {
  it('reads the ad a message was written from, without its media URLs', () => {
    expect(envelopeOf({ ...(inbound.text('Hola') as object), referral })?.referral).toEqual({
      sourceType: 'ad',
      sourceId: '120210000000000',
      sourceUrl: 'https://fb.me/3cr4Wqqkh',
      headline: 'Apartamentos en Medellín',
      body: 'Separa con el 1 %',
      mediaType: 'image',
      ctwaClid: 'ARAkLkA8rmlFeiCk',
    });
  });

  it('leaves it out of a message written without one', () => {
    expect(envelopeOf(inbound.text('Hola'))).not.toHaveProperty('referral');
  });

  it('drops a malformed field or kind, and never the message, whatever the referral holds', () => {
    const odd = { source_type: 'story', source_id: 42, headline: '  Casas  ', body: 'x'.repeat(5_000) };
    expect(envelopeOf({ ...(inbound.text('Hola') as object), referral: odd })?.referral).toEqual({
      sourceType: 'other',
      sourceId: null,
      sourceUrl: null,
      headline: 'Casas',
      body: 'x'.repeat(2_000),
      mediaType: null,
      ctwaClid: null,
    });
    for (const junk of [null, 'ad', 7, []])
      expect(envelopeOf({ ...(inbound.text('Hola') as object), referral: junk })?.content).toEqual({
        kind: 'text',
        body: 'Hola',
      });
  });
});
