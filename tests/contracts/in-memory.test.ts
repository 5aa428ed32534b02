import { mediaFetchQueueContract } from './media-fetch-queue.contract.ts';
import { apiKeyRepositoryContract } from './api-key-repository.contract.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { inMemoryRepositories } from '../../adapters/memory/in-memory-repositories.ts';
import { configurationContract } from './configuration.contract.ts';
import type { OpenSubject } from './contract-subject.ts';
import { conversationRepositoryContract } from './conversation-repository.contract.ts';
import { deadLetterRepositoryContract } from './dead-letter-repository.contract.ts';
import { inboxRepositoryContract } from './inbox-repository.contract.ts';
import { leadRepositoryContract } from './lead-repository.contract.ts';
import { messageRepositoryContract } from './message-repository.contract.ts';
import { quoteRepositoryContract } from './quote-repository.contract.ts';
import { unitOfWorkContract } from './unit-of-work.contract.ts';
import { visitRepositoryContract } from './visit-repository.contract.ts';
import { appointmentRepositoryContract } from './appointment-repository.contract.ts';
import { reservationRepositoryContract } from './reservation-repository.contract.ts';
import { rateLimiterContract } from './rate-limiter.contract.ts';
import { InMemoryRateLimiter } from '../../adapters/memory/in-memory-rate-limiter.ts';

const open: OpenSubject = async () => {
  const store = new InMemoryStore();
  return { repos: inMemoryRepositories(store), uow: new InMemoryUnitOfWork(store), close: async () => {} };
};

leadRepositoryContract('in-memory', open);
conversationRepositoryContract('in-memory', open);
messageRepositoryContract('in-memory', open);
visitRepositoryContract('in-memory', open);
quoteRepositoryContract('in-memory', open);
configurationContract('in-memory', open);
unitOfWorkContract('in-memory', open);
inboxRepositoryContract('in-memory', open);
mediaFetchQueueContract('in-memory', open);
deadLetterRepositoryContract('in-memory', open);
apiKeyRepositoryContract('in-memory', open);
appointmentRepositoryContract('in-memory', open);
reservationRepositoryContract('in-memory', open);
rateLimiterContract('in-memory', async () => ({ limiter: new InMemoryRateLimiter(), close: async () => {} }));
