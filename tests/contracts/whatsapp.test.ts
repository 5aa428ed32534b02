import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { FakeWhatsApp } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { DEFAULT_GRAPH_RETRY } from '../../adapters/whatsapp/meta-cloud/graph-retry.ts';
import { aLine } from '../builders/line-builder.ts';
import { openMetaCloud } from '../adapters/meta-cloud/meta-cloud-harness.ts';
import { businessMessage, type PhoneMessage } from '../../adapters/whatsapp/fake/phone-message.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import type { StubMedia } from '../support/stub-graph-api.ts';
import type { Delivered } from './message-gateway.contract.ts';
import type { MediaDownloadFailure } from '../../application/ports/channel-media.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { MetaChannelMedia } from '../../adapters/whatsapp/meta-cloud/meta-channel-media.ts';
import { MetaTemplateSource } from '../../adapters/whatsapp/meta-cloud/meta-template-source.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { runContracts } from './registry.ts';

/** What the fake lead's phone shows, in the contract's terms. */
const onFakePhone = async (to: string, message: PhoneMessage, store: InMemoryMediaStore): Promise<Delivered> => {
  const file = message.media?.source.from === 'business' ? await store.get(asId(message.media.source.mediaId)) : null;
  const list = message.list?.sections.flatMap((section) => section.rows.map((row) => row.id)) ?? [];
  return {
    to,
    kind: message.kind === 'media' ? (message.media?.kind as Delivered['kind']) : (message.kind as Delivered['kind']),
    text:
      message.kind === 'template'
        ? (message.template?.name ?? null)
        : message.kind === 'media'
          ? (message.media?.caption ?? null)
          : message.text,
    choices: message.kind === 'list' ? list : message.buttons.map((b) => b.id),
    fileBytes: file?.bytes.length ?? null,
  };
};

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Json)[key] : undefined), value);

/** What the stub Graph API received, in the contract's terms. */
const onGraph = (body: Json, uploads: readonly StubMedia[]): Delivered => {
  const type = String(body['type']);
  const interactive = type === 'interactive' ? String(at(body, 'interactive', 'type')) : null;
  const buttons = (at(body, 'interactive', 'action', 'buttons') ?? []) as Json[];
  const sections = (at(body, 'interactive', 'action', 'sections') ?? []) as { rows: Json[] }[];
  const mediaId = at(body, type, 'id');
  const text =
    at(body, 'text', 'body') ??
    at(body, 'interactive', 'body', 'text') ??
    at(body, 'template', 'name') ??
    at(body, type, 'caption');
  return {
    to: String(body['to'] ?? body['recipient']),
    kind: (interactive === 'button' ? 'buttons' : (interactive ?? type)) as Delivered['kind'],
    text: typeof text === 'string' ? text : null,
    choices: [
      ...buttons.map((b) => String(at(b, 'reply', 'id'))),
      ...sections.flatMap((s) => s.rows.map((r) => String(r['id']))),
    ],
    fileBytes: uploads.find((m) => m.id === mediaId)?.bytes.length ?? null,
  };
};

const passingOutage: MediaDownloadFailure = {
  type: 'MediaDownloadFailed',
  retryable: true,
  code: 'http_503',
  title: 'Service unavailable',
};

const line = aLine().withPhoneNumberId('pnid-contract').build();

/** WhatsApp's adapters, the fake and Meta's Cloud API against a stub Graph API, against every registered suite. */
runContracts('fake WhatsApp', {
  messageGateway: async () => {
    const media = new InMemoryMediaStore();
    const gateway = new FakeWhatsApp({
      clock: new FixedClock(0),
      deliver: async () => {},
      phoneNumberId: line.phoneNumberId,
    });
    const delivered = async (waMessageId: WaMessageId): Promise<Delivered | null> => {
      const shown = gateway.phones.find(waMessageId);
      if (shown === null) {
        // A user known only by the business-scoped id has no phone in the fake: what it recorded as sent.
        const sent = gateway.sent.find((m) => m.waMessageId === waMessageId);
        return sent === undefined ? null : onFakePhone(sent.to.userId ?? '', businessMessage(sent), media);
      }
      return onFakePhone(shown.phone.replace(/^\+/, ''), shown.message, media);
    };
    return {
      gateway,
      line,
      delivered,
      deliveredCount: async () => gateway.sent.length,
      storeMedia: (file) => media.put({ ...file, owner: null }),
      failNextSend: (failure) => gateway.failNextSends(1, { type: 'SendFailed', ...failure }),
      close: async () => {},
    };
  },
  channelMedia: async () => {
    const whatsapp = new FakeWhatsApp({
      clock: new FixedClock(0),
      deliver: async () => {},
      phoneNumberId: line.phoneNumberId,
    });
    return {
      channel: whatsapp,
      line,
      hold: (bytes, mimeType) => {
        const id = whatsapp.newMediaId();
        whatsapp.media.hold(id, { bytes, mimeType, filename: null });
        return id;
      },
      failNextDownload: () => whatsapp.failNextDownloads(1, passingOutage),
      close: async () => {},
    };
  },
  templateSource: async () => {
    // The fake account is what storage holds: the binding the app resolves in fake mode, over an empty store.
    const uow = new InMemoryUnitOfWork(new InMemoryStore());
    const container = buildContainer(loadConfig({ LOG_LEVEL: 'silent', WHATSAPP_MODE: 'fake' }), [
      override(TOKENS.Store, uow),
    ]);
    return {
      source: container.get(TOKENS.TemplateSource),
      publish: (templates) =>
        uow.transaction(async (repos) => {
          for (const template of templates) await repos.templates.save(template);
        }),
      failNextFetch: null,
      close: async () => {},
    };
  },
});

runContracts('Meta Cloud API (stub Graph API)', {
  messageGateway: async () => {
    const h = await openMetaCloud();
    return {
      gateway: h.gateway,
      line,
      delivered: async (waMessageId) => {
        const sent = h.stub.sentMessages.find((m) => m.waMessageId === waMessageId);
        return sent === undefined ? null : onGraph(sent.body, h.stub.media);
      },
      deliveredCount: async () => h.stub.sentMessages.length,
      storeMedia: (file) => h.media.put({ ...file, owner: null }),
      // Meta answers both codes with HTTP 400; the gateway may retry a retryable one, so every attempt fails.
      failNextSend: (failure) =>
        h.stub.failNext(
          failure.retryable ? DEFAULT_GRAPH_RETRY.maxAttempts : 1,
          { status: 400, error: { code: Number(failure.code), message: failure.title } },
          '/messages',
        ),
      close: () => h.close(),
    };
  },
  channelMedia: async () => {
    const h = await openMetaCloud();
    return {
      channel: new MetaChannelMedia(h.client),
      line,
      hold: (bytes, mimeType) => h.stub.addMedia(bytes, mimeType),
      failNextDownload: () => h.stub.failNext(DEFAULT_GRAPH_RETRY.maxAttempts, { status: 503 }, '/lookaside/'),
      close: () => h.close(),
    };
  },
  templateSource: async () => {
    const h = await openMetaCloud();
    return {
      source: new MetaTemplateSource(h.client),
      publish: async (templates) => {
        h.stub.templates.push(
          ...templates.map(({ name, language, status, category, body }) => ({
            name,
            language,
            status,
            category,
            components: [{ type: 'BODY', text: body }],
          })),
        );
      },
      failNextFetch: () => h.stub.failNext(DEFAULT_GRAPH_RETRY.maxAttempts, { status: 503 }, '/message_templates'),
      close: () => h.close(),
    };
  },
});
