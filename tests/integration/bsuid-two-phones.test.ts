import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { startServer } from '../../bootstrap/server.ts';
import { openEphemeralStorage, openStorage, type Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { SendAgentMessageInput } from '../../application/use-cases/send-agent-message.ts';
import { asId, type LeadId, type LineId, type UserId } from '../../domain/shared/ids.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { PHONE_NUMBER_ID, inbound, messagesChange, sign, webhookOf } from '../builders/meta-webhook-payloads.ts';
import { phone } from '../builders/phone.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { startStubGraphApi } from '../support/stub-graph-api.ts';
import { eventually } from '../support/eventually.ts';

/**
 * Meta's business-scoped user id (BSUID) names a WhatsApp account; its phone may change. One user id
 * arriving from a second phone, while another conversation on the line still holds that phone (here:
 * one the CRM opened by sending a template to the new number), used to violate
 * `conversations_line_phone_unique` on every attempt: the message was retried for ever and blocked the sender.
 */
const USER_ID = 'CO.1234567890123456';
const OLD_PHONE = '+573001110001';
const NEW_PHONE = '+573001110002';
const line = asId<LineId>('line-main');
const admin = { kind: 'bootstrap-admin', role: 'admin' } as const;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Target = { readonly name: string; open(): Promise<{ storage: Storage; url: string | null }> };
const postgresUrl = postgresForTests();
const targets: Target[] = [
  { name: 'pglite', open: async () => ({ storage: await openEphemeralStorage(), url: null }) },
  {
    name: 'postgres',
    open: async () => {
      const database = await freshPostgresDatabase();
      if (database === null) throw new Error('TEST_DATABASE_URL vanished');
      cleanups.push(database.drop);
      return {
        storage: await openStorage(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' })),
        url: database.url,
      };
    },
  },
];

for (const target of targets) {
  describe.skipIf(target.name === 'postgres' && postgresUrl === null)(
    `${target.name}: one WhatsApp user id from two phones`,
    () => {
      it("files the message in the user id's conversation, which takes the new phone from the one that held it", async () => {
        const { storage } = await target.open();
        const desk = await startDesk(T0, storage);
        cleanups.push(() => desk.container.unbindAllAsync().then(() => storage.close()));

        await desk.takeMessage(
          anEnvelope()
            .from({ phone: phone(OLD_PHONE), userId: USER_ID })
            .sentAt(T0)
            .saying('Hola')
            .build(),
        );
        const mine = await desk.read((r) => r.conversations.byIdentity(line, { phone: null, userId: USER_ID }));
        const created = await desk.container
          .get(TOKENS.CreateLead)
          .execute({ actor: admin, name: 'Rosa Mejía', phone: phone(NEW_PHONE) });
        if (!created.ok) throw new Error(JSON.stringify(created.error));
        const template = {
          kind: 'template',
          name: 'bienvenida',
          language: 'es_CO',
          parameters: ['Rosa', 'Ana'],
        } as const;
        const input = { leadId: created.value.id, author: asId<UserId>('u-ana'), actor: admin, content: template };
        expect((await desk.sendAgentMessage.execute(input as SendAgentMessageInput)).ok).toBe(true);
        const [opened] = await desk.read((r) => r.conversations.byLead(created.value.id));

        const later = anEnvelope()
          .from({ phone: phone(NEW_PHONE), userId: USER_ID })
          .sentAt(T0 + MINUTE_MS)
          .saying('Cambié de número')
          .build();
        const outcome = await desk.takeMessage(later);

        expect(outcome.ok).toBe(true);
        const holder = await desk.read((r) =>
          r.conversations.byIdentity(line, { phone: phone(NEW_PHONE), userId: null }),
        );
        expect(holder?.id).toBe(mine?.id);
        expect(holder?.contact).toEqual({ phone: NEW_PHONE, userId: USER_ID });
        // The CRM knew this number as its lead: the user's conversation now belongs to that lead.
        expect(holder?.leadId).toBe(created.value.id);
        expect(await desk.read((r) => r.conversations.byId(opened?.id ?? asId('none')))).toMatchObject({
          contact: { phone: null, userId: null },
        });
        const stored = await desk.read((r) => r.messages.byWaMessageId(later.waMessageId));
        expect(stored?.conversationId).toBe(mine?.id);
        expect(await desk.read((r) => r.leads.byId(created.value.id))).toMatchObject({
          phone: NEW_PHONE,
          waUserId: USER_ID,
        });
      });

      it("end to end through signed Meta webhooks: the second phone's message reaches the CRM, once, and the reply goes to the new phone", async () => {
        const secret = 'bsuid-app-secret-0123456789abcdef0123';
        const adminKey = 'bsuid-admin-key-0123456789abcdef0123';
        const stub = await startStubGraphApi({
          token: 'bsuid-access-token',
          version: 'v25.0',
          phoneNumberIds: [PHONE_NUMBER_ID],
        });
        cleanups.push(stub.close);
        const { storage, url } = await target.open();
        const config = loadConfig({
          PORT: '0',
          LOG_LEVEL: 'silent',
          ...(url === null ? {} : { DATABASE_URL: url }),
          WHATSAPP_ACCESS_TOKEN: 'bsuid-access-token',
          WHATSAPP_APP_SECRET: secret,
          WHATSAPP_VERIFY_TOKEN: 'bsuid-verify-token',
          WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
          WHATSAPP_GRAPH_URL: stub.url,
          WHATSAPP_GRAPH_VERSION: 'v25.0',
          CRM_ADMIN_API_KEY: adminKey,
        });
        const server = await startServer(config, {
          storage,
          prepare: (c) => seedDemo(c.get(TOKENS.UnitOfWork), PHONE_NUMBER_ID),
        });
        cleanups.push(server.close);
        const webhook = async (waPhone: string, text: string) => {
          const digits = waPhone.slice(1);
          const message = inbound.text(text, {
            from: digits,
            from_user_id: USER_ID,
            timestamp: String(Math.floor(Date.now() / 1000)),
          });
          const contacts = [{ profile: { name: 'Rosa' }, wa_id: digits, user_id: USER_ID }];
          const body = JSON.stringify(webhookOf(messagesChange({ messages: [message], contacts })));
          const response = await fetch(`${server.url}/webhooks/whatsapp`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(secret, body) },
            body,
          });
          expect(response.status).toBe(200);
        };
        const api = async (method: string, path: string, body?: unknown) => {
          const response = await fetch(`${server.url}/api/v1${path}`, {
            method,
            headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          return { status: response.status, json: (await response.json()) as Record<string, unknown> };
        };
        const sentTo = (waPhone: string) => stub.sentMessages.filter((m) => m.body.to === waPhone.slice(1));

        await webhook(OLD_PHONE, 'Hola');
        await until(() => sentTo(OLD_PHONE).length > 0, 'the bot answering the old phone');
        const lead = await api('POST', '/leads', { name: 'Rosa Mejía', phone: NEW_PHONE });
        expect(lead.status).toBe(201);
        const leadId = String(lead.json.id);
        const template = { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Rosa', 'Ana'] };
        expect((await api('POST', `/leads/${leadId}/messages`, template)).status).toBe(202);
        await until(() => sentTo(NEW_PHONE).length > 0, 'the template reaching the new phone');

        await webhook(NEW_PHONE, 'Hola, este es mi número nuevo');
        const inboundTexts = async () => {
          const page = await api('GET', `/leads/${leadId}/conversation`);
          const messages = page.json.messages as { direction: string; text: string }[];
          return messages.filter((m) => m.direction === 'inbound').map((m) => m.text);
        };
        await until(
          async () => (await inboundTexts()).includes('Hola, este es mi número nuevo'),
          'the message in the CRM conversation',
        );
        // The lead's chat shows the user's whole history, the old phone's "Hola" included, and the new message once.
        expect(await inboundTexts()).toEqual(['Hola', 'Hola, este es mi número nuevo']);

        expect(
          (
            await api('POST', `/leads/${leadId}/messages`, {
              kind: 'text',
              body: 'Hola Rosa, te escribo al número nuevo',
            })
          ).status,
        ).toBe(202);
        await until(
          () => sentTo(NEW_PHONE).some((m) => JSON.stringify(m.body).includes('número nuevo')),
          'the advisor reply at the new phone',
        );
        const stored = await server.container.get(TOKENS.UnitOfWork).transaction(async (r) => ({
          pending: await r.inbox.pendingCount(),
          byPhone: await r.conversations.byIdentity(line, { phone: phone(NEW_PHONE), userId: null }),
          ofLead: await r.conversations.byLead(asId<LeadId>(leadId)),
        }));
        expect(stored.pending).toBe(0);
        expect(stored.byPhone?.contact).toEqual({ phone: NEW_PHONE, userId: USER_ID });
        expect(stored.ofLead.filter((c) => c.contact.phone === NEW_PHONE)).toHaveLength(1);
      }, 60_000);
    },
  );
}

const until = (probe: () => boolean | Promise<boolean>, what: string): Promise<true> =>
  eventually(probe, { what, timeoutMs: 15_000, intervalMs: 50 });
