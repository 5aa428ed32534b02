import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../../adapters/whatsapp/meta-cloud/webhook-signature.ts';
import { inbound, messagesChange, sign, webhookOf } from '../../builders/meta-webhook-payloads.ts';

const SECRET = 'f1e2d3c4b5a6978877665544332211ff';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const body = JSON.stringify(webhookOf(messagesChange({ messages: [inbound.text('Hola')] })));

describe('verifySignature (X-Hub-Signature-256)', () => {
  it('accepts the HMAC-SHA256 of the raw body keyed with the app secret', () => {
    expect(verifySignature(SECRET, bytes(body), sign(SECRET, body))).toBe(true);
  });

  it('accepts upper-case hex digits', () => {
    const header = sign(SECRET, body).replace(/^sha256=/, '');
    expect(verifySignature(SECRET, bytes(body), `sha256=${header.toUpperCase()}`)).toBe(true);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifySignature(SECRET, bytes(body), sign('another-secret', body))).toBe(false);
  });

  it('refuses a tampered body', () => {
    const tampered = body.replace('Hola', 'Hola!');
    expect(verifySignature(SECRET, bytes(tampered), sign(SECRET, body))).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the sha256= prefix', sign(SECRET, body).slice('sha256='.length)],
    ['with the old sha1= prefix', sign(SECRET, body).replace('sha256=', 'sha1=')],
    ['too short', sign(SECRET, body).slice(0, -2)],
    ['too long', `${sign(SECRET, body)}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
  ])('refuses a %s header', (_name, header) => {
    expect(verifySignature(SECRET, bytes(body), header)).toBe(false);
  });

  it('refuses everything when the app secret is empty (misconfiguration fails closed)', () => {
    expect(verifySignature('', bytes(body), sign('', body))).toBe(false);
  });

  it('signs the raw bytes: Meta’s \\u-escaped unicode verifies, the re-serialised JSON does not', () => {
    const raw = '{"text":{"body":"Caf\\u00e9 \\ud83c\\udfe0 en Medell\\u00edn"}}';
    const header = sign(SECRET, raw);
    expect(verifySignature(SECRET, bytes(raw), header)).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).toContain('Café 🏠');
    expect(verifySignature(SECRET, bytes(reserialised), header)).toBe(false);
  });

  it('verifies a raw UTF-8 body with emoji byte for byte', () => {
    const raw = bytes('{"text":{"body":"¡Hola! 😀 ñandú"}}');
    expect(verifySignature(SECRET, raw, sign(SECRET, raw))).toBe(true);
  });
});
