import { InProcessWorkSignal } from '../../adapters/memory/in-process-work-signal.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { InMemoryRateLimiter } from '../../adapters/memory/in-memory-rate-limiter.ts';
import { inMemoryRepositories } from '../../adapters/memory/in-memory-repositories.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { rollingBack } from './media-store.contract.ts';
import { runContracts } from './registry.ts';

/** The in-memory adapters, each test on a fresh store, against every registered contract suite. */
runContracts('in-memory', {
  storage: async () => {
    const store = new InMemoryStore();
    return { repos: inMemoryRepositories(store), uow: new InMemoryUnitOfWork(store), close: async () => {} };
  },
  rateLimiter: async () => ({ limiter: new InMemoryRateLimiter(), close: async () => {} }),
  mediaStore: async () => {
    const shared = new InMemoryStore();
    // Wired as the composition root wires it: a file put in a transaction that rolls back is removed.
    const uow = new InMemoryUnitOfWork(shared);
    return {
      store: new InMemoryMediaStore({ store: shared, transactions: uow }),
      files: async () => shared.media.size,
      inRolledBackTransaction: rollingBack(uow),
      joinsTransactions: true,
      close: async () => {},
    };
  },
  workSignal: async () => ({ signal: new InProcessWorkSignal(), elsewhere: null, close: async () => {} }),
  eventPublisher: async () => {
    const publisher = new InMemoryEventPublisher();
    return { publisher, subscribe: (l) => publisher.subscribe(l), elsewhere: null, close: async () => {} };
  },
});
