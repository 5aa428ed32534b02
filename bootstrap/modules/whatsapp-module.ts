import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import { FAKE_PHONE_NUMBER_ID, FakeWhatsApp } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { GraphClient } from '../../adapters/whatsapp/meta-cloud/graph-client.ts';
import { MetaChannelMedia } from '../../adapters/whatsapp/meta-cloud/meta-channel-media.ts';
import { MetaCloudGateway } from '../../adapters/whatsapp/meta-cloud/meta-cloud-gateway.ts';
import { MetaTemplateSource } from '../../adapters/whatsapp/meta-cloud/meta-template-source.ts';
import { ThroughputLimiter } from '../../adapters/whatsapp/meta-cloud/throughput-limiter.ts';
import type { Clock } from '../../application/ports/clock.ts';
import type { MediaStore } from '../../application/ports/media-store.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { Config } from '../config.ts';
import { TOKENS } from '../tokens.ts';

/** The WhatsApp channel: Meta's Cloud API with an access token, else the fake, whose leads reach the inbox. */
export const whatsappModule = (config: Config) =>
  new ContainerModule((options) =>
    config.whatsappMode === 'meta' ? bindMeta(options, config) : bindFake(options, config),
  );

type Binder = Parameters<ConstructorParameters<typeof ContainerModule>[0]>[0];

const bindMeta = ({ bind }: Binder, config: Config): void => {
  const { whatsapp } = config;
  // Bound, not captured, so a test's override of the client or the limiter reaches every adapter using it.
  bind(TOKENS.GraphClient).toConstantValue(
    new GraphClient({
      baseUrl: whatsapp.graphUrl,
      version: whatsapp.graphVersion,
      accessToken: whatsapp.accessToken ?? '',
      businessAccountId: whatsapp.businessAccountId ?? '',
      timeoutMs: 10_000,
    }),
  );
  // Meta lets a business send a few messages in a row to one user (a bot turn is 2–3); it answers
  // 131056 when there are too many, and only then does the limiter space that user out.
  // The margin keeps a one-second window at the receiving end within the limit despite uneven send latency.
  bind(TOKENS.ThroughputLimiter).toConstantValue(
    new ThroughputLimiter({ perSecond: whatsapp.messagesPerSecond, recipientSpacingMs: 0, windowMarginMs: 50 }),
  );
  bind(TOKENS.MessageGateway).toResolvedValue(
    (client: GraphClient, limiter: ThroughputLimiter, media: MediaStore, clock: Clock) =>
      new MetaCloudGateway({ client, media, limiter, clock }),
    [TOKENS.GraphClient, TOKENS.ThroughputLimiter, TOKENS.MediaStore, TOKENS.Clock],
  );
  bind(TOKENS.ChannelMedia).toResolvedValue(
    (client: GraphClient) =>
      new MetaChannelMedia(client, { mediaHosts: whatsapp.mediaHosts, maxBytes: whatsapp.mediaMaxBytes }),
    [TOKENS.GraphClient],
  );
  bind(TOKENS.TemplateSource).toResolvedValue(
    (client: GraphClient) => new MetaTemplateSource(client),
    [TOKENS.GraphClient],
  );
};

const bindFake = ({ bind }: Binder, config: Config): void => {
  // The fake calls back into use cases that themselves send through it: resolve them on first use.
  bind(TOKENS.FakeWhatsApp).toDynamicValue(
    (context) =>
      new FakeWhatsApp({
        clock: context.get(TOKENS.Clock),
        instance: randomUUID().slice(0, 8),
        phoneNumberId: config.whatsapp.phoneNumberId ?? FAKE_PHONE_NUMBER_ID,
        // The same pipeline as a webhook: into the inbox, processed and answered. A fake lead is a person
        // waiting for the answer, so delivering resolves once the pipeline is idle (the answer sent).
        deliver: async (envelope) => {
          const pipeline = context.get(TOKENS.MessagePipeline);
          await pipeline.receive([{ kind: 'message', envelope }]);
          await pipeline.idle();
        },
        onStatus: async (envelope) => {
          const pipeline = context.get(TOKENS.MessagePipeline);
          await pipeline.receive([{ kind: 'status', envelope }]);
          await pipeline.idle();
        },
      }),
  );
  bind(TOKENS.MessageGateway).toService(TOKENS.FakeWhatsApp);
  bind(TOKENS.ChannelMedia).toService(TOKENS.FakeWhatsApp);
  // The fake account's templates are the ones already stored (the demo seed): a sync keeps them as they are.
  bind(TOKENS.TemplateSource).toResolvedValue(
    (uow: UnitOfWork) => ({ fetchAll: () => uow.transaction((repos) => repos.templates.all()) }),
    [TOKENS.UnitOfWork],
  );
};
