import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { FakeWhatsApp } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { DEFAULT_GRAPH_RETRY } from '../../adapters/whatsapp/meta-cloud/graph-retry.ts';
import { aLine } from '../builders/line-builder.ts';
import { openMetaCloud } from '../adapters/meta-cloud/meta-cloud-harness.ts';
import { runContracts } from './registry.ts';

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
    return {
      gateway,
      line,
      storeMedia: (file) => media.put({ ...file, owner: null }),
      failNextSend: (failure) => gateway.failNextSends(1, { type: 'SendFailed', ...failure }),
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
});
