import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { quotePdfChecks } from '../support/quote-pdf-checks.ts';

quotePdfChecks('in memory', async () => {
  const store = new InMemoryStore();
  const uow = new InMemoryUnitOfWork(store);
  return {
    uow,
    media: new InMemoryMediaStore({ store, transactions: uow }),
    files: async () => store.media.size,
    close: async () => {},
  };
});
