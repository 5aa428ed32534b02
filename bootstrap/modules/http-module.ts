import { ContainerModule } from 'inversify';
import { createHttpApp } from '../../adapters/http/create-http-app.ts';
import { SIMULATOR_DIR } from '../../adapters/http/simulator.router.ts';
import type { Config } from '../config.ts';
import { crmApi } from '../crm-api.ts';
import { fakeInbound } from '../fake-inbound.ts';
import { fakePhones } from '../fake-phone.ts';
import { metaWebhook } from '../meta-webhook.ts';
import type { Logger } from '../logger.ts';
import { TOKENS, type Readiness } from '../tokens.ts';

/**
 * The Hono app. Use cases get added to its dependency list as their areas are wired. Building it builds the
 * message pipeline, which from then on hears the work any route stores.
 */
export const httpModule = (config: Config) =>
  new ContainerModule(({ bind }) => {
    // The 15 s `GET /api/v1/events` documents; a test shortens it.
    bind(TOKENS.EventHeartbeatMs).toConstantValue(15_000);
    bind(TOKENS.HttpApp).toDynamicValue((context) => {
      context.get(TOKENS.MessagePipeline);
      return createHttpApp({
        logger: context.get<Logger>(TOKENS.Logger),
        readiness: context.get<Readiness>(TOKENS.Readiness),
        crm: crmApi(context),
        limits: context.get(TOKENS.RequestLimits),
        clientIp: context.get(TOKENS.ClientIp),
        // One mode, one surface: Meta's webhook never beside the fake phones, which take no key.
        ...(config.whatsappMode === 'meta'
          ? { webhook: metaWebhook(context, config) }
          : {
              fakeWhatsApp: { inbound: fakeInbound(context, config), phones: fakePhones(context) },
              simulatorDir: SIMULATOR_DIR,
            }),
      });
    });
  });
