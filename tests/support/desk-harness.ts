import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import { takeInboundMessage } from '../../application/steps/inbound-message.ts';
import { withQuoteDrafts } from '../../application/use-cases/quote-drafts.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import type { Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { Instant } from '../../domain/shared/time.ts';

import { T0 } from './t0.ts';

export { T0 };

/** The desk's bootstrap admin key (`CRM_ADMIN_API_KEY`), for requests to its real HTTP app. */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef01234';

/**
 * The assembled application as `npm start` wires it (container, use cases, in-memory adapters, fake
 * WhatsApp, the message pipeline listening) with a fixed clock, sequential ids and the demo data loaded.
 * There is no safety poll: `idle()` runs the pipeline and waits until nothing is due nor running (what
 * a poll would find after the clock moved, e.g. a retry that came due).
 */
export const startDesk = async (
  start: Instant = T0,
  storage: Storage | null = null,
  env: Readonly<Record<string, string>> = {},
) => {
  const clock = new FixedClock(start);
  const config = loadConfig({ LOG_LEVEL: 'silent', CRM_ADMIN_API_KEY: TEST_ADMIN_KEY, ...env });
  const container = buildContainer(
    config,
    [override(TOKENS.Clock, clock), override(TOKENS.IdGenerator, new SequentialIdGenerator())],
    storage,
  );
  const uow = container.get(TOKENS.UnitOfWork);
  await seedDemo(uow, config.whatsapp.phoneNumberId ?? undefined);
  const pipeline = container.get(TOKENS.MessagePipeline);
  return {
    clock,
    container,
    whatsapp: container.get(TOKENS.FakeWhatsApp),
    events: container.get(TOKENS.Events),
    sendAgentMessage: container.get(TOKENS.SendAgentMessage),
    pipeline,
    /** Waits until the pipeline has processed every due inbox entry and sent every due message. */
    idle: (): Promise<void> => pipeline.idle(),
    media: container.get(TOKENS.MediaStore),
    /**
     * The inbox worker's step for one message, in a transaction of its own, for its outcome; the replies it
     * queued leave with `idle()`. (Leads playing through `whatsapp` go through the whole pipeline instead.)
     */
    takeMessage: (envelope: InboundEnvelope) =>
      withQuoteDrafts((drafts) =>
        uow.transaction((tx) => takeInboundMessage(tx, container.get(TOKENS.QuoteUnitDeps), envelope, drafts)),
      ),
    /** Reads the stored state through the repositories. */
    read: <T>(f: (repos: Repositories) => Promise<T>): Promise<T> => uow.transaction(f),
  };
};

export type Desk = Awaited<ReturnType<typeof startDesk>>;
