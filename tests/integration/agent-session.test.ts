import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { startServer } from '../../bootstrap/server.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { PHONE_NUMBER_ID, inbound, messagesChange, sign, webhookOf } from '../builders/meta-webhook-payloads.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { startStubGraphApi } from '../support/stub-graph-api.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN = 'session-admin-key-0123456789abcdef0123';
const SECRET = 'session-app-secret-0123456789abcdef012';
const TOKEN = 'session-access-token';
const postgres = postgresForTests();

type Json = Record<string, unknown>;

describe('a whole agent session over a real socket on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(postgres === null)(
    'template, reply, text, file, quote, appointment, reservation, authorisation',
    async () => {
      const database = await freshPostgresDatabase();
      if (database === null) throw new Error('TEST_DATABASE_URL vanished');
      cleanups.push(database.drop);
      // Meta mode (the webhook exists only there) against a stub Graph API on 127.0.0.1.
      const stub = await startStubGraphApi({ token: TOKEN, version: 'v25.0', phoneNumberIds: [PHONE_NUMBER_ID] });
      cleanups.push(stub.close);
      const config = loadConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: database.url,
        CRM_ADMIN_API_KEY: ADMIN,
        WHATSAPP_ACCESS_TOKEN: TOKEN,
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_VERIFY_TOKEN: 'verify',
        WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
        WHATSAPP_GRAPH_URL: stub.url,
      });
      // Meta mode starts empty: the demo desk is loaded as `npm run seed` does.
      const server = await startServer(config, { prepare: (c) => seedDemo(c.get(TOKENS.UnitOfWork), PHONE_NUMBER_ID) });
      cleanups.push(server.close);
      const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
        const response = await fetch(`${server.url}/api/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${ADMIN}`,
            ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
        });
        return { status: response.status, json: (await response.json()) as Json };
      };
      const conversation = async (leadId: string) => (await api('GET', `/leads/${leadId}/conversation`)).json;

      const lead = await api('POST', '/leads', { name: 'Sheena Nelson', phone: '+16505551234', advisorId: 'u-ana' });
      expect(lead.status).toBe(201);
      const leadId = String(lead.json.id);
      const visit = await api('POST', `/leads/${leadId}/visits`, { projectId: 'p-bog-1', unitTypeId: 'p-bog-1-t1' });
      expect(visit.status).toBe(201);
      const visitId = String(visit.json.id);

      // The window is closed: the panel offers templates only.
      expect(await conversation(leadId)).toMatchObject({ window: { open: false } });
      expect((await api('POST', `/leads/${leadId}/messages`, { kind: 'text', body: 'Hola' })).status).toBe(409);
      expect(
        (
          await api('POST', `/leads/${leadId}/messages`, {
            kind: 'template',
            name: 'bienvenida',
            language: 'es_CO',
            parameters: ['Sheena', 'Ana'],
          })
        ).status,
      ).toBe(202);

      // The lead replies on WhatsApp: the window opens.
      const body = JSON.stringify(
        webhookOf(
          messagesChange({
            messages: [inbound.text('¡Hola! Sí, me interesa', { timestamp: String(Math.floor(Date.now() / 1000)) })],
          }),
        ),
      );
      const hook = await fetch(`${server.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) },
        body,
      });
      expect(hook.status).toBe(200);
      await eventually(async () => expect(JSON.stringify(await conversation(leadId))).toContain('me interesa'), {
        timeoutMs: 10_000,
        intervalMs: 100,
      });
      expect(await conversation(leadId)).toMatchObject({ window: { open: true } });

      expect(
        (await api('POST', `/leads/${leadId}/messages`, { kind: 'text', body: 'Te comparto el brochure 📎' })).status,
      ).toBe(202);
      const form = new FormData();
      form.set(
        'file',
        new Blob([new TextEncoder().encode('%PDF-1.7 brochure')], { type: 'application/pdf' }),
        'brochure.pdf',
      );
      const upload = await api('POST', '/media', form);
      expect(upload.status).toBe(201);
      const file = {
        kind: 'media',
        mediaKind: 'document',
        mediaId: upload.json.id,
        mimeType: 'application/pdf',
        filename: 'brochure.pdf',
      };
      expect((await api('POST', `/leads/${leadId}/messages`, file)).status).toBe(202);

      const quote = await api('POST', `/visits/${visitId}/quotes`, { unitTypeId: 'p-bog-1-t1' });
      expect(quote.status).toBe(201);
      expect((await api('POST', `/quotes/${String(quote.json.id)}/send`)).status).toBe(202);

      const appointment = await api('POST', `/visits/${visitId}/appointments`, {
        startsAt: '2030-01-15T15:00:00.000Z',
        endsAt: '2030-01-15T16:00:00.000Z',
      });
      expect(appointment.status).toBe(201);
      const reservation = await api('POST', `/visits/${visitId}/reservations`, { unitId: 'p-bog-1-t1-u1' });
      expect(reservation.status).toBe(201);
      expect((await api('POST', `/visits/${visitId}/reservations`, { unitId: 'p-bog-1-t1-u1' })).status).toBe(409);
      expect((await api('POST', `/reservations/${String(reservation.json.id)}/authorise`)).status).toBe(200);
      // Authorised, the unit stays separated; the promesa sells it.
      expect((await api('PATCH', `/visits/${visitId}/stage`, { stage: 'promise' })).status).toBe(200);

      const card = (await api('GET', `/visits/${visitId}`)).json;
      expect(card).toMatchObject({ visit: { stage: 'promise' }, quotes: [{ number: 'COT-000001' }] });
      expect(JSON.stringify(card)).toContain('"sold"');
      const messages = JSON.stringify(await conversation(leadId));
      for (const seen of ['¡Hola Sheena! Soy Ana', 'me interesa', 'brochure', 'COT-000001'])
        expect(messages).toContain(seen);
      // Everything the advisor sent went out through the Graph API.
      const sentTypes = () => stub.sentMessages.map((m) => m.body['type']);
      await eventually(() => sentTypes().filter((t) => t === 'document').length >= 2, {
        what: 'both documents to go out',
        timeoutMs: 10_000,
        intervalMs: 100,
      });
      expect(sentTypes()).toEqual(expect.arrayContaining(['template', 'text', 'document']));
      expect(sentTypes().filter((t) => t === 'document')).toHaveLength(2);
    },
    120_000,
  );
});
