import type { EventPublisher } from '../../application/ports/events.ts';
import type { TransactionalStore, UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { PublishingUnitOfWork } from '../../application/publishing-unit-of-work.ts';

const nobody: EventPublisher = { publish: () => {} };

/** A store's transactions as use cases get them, publishing each committed transaction's events to `events`. */
export const unitOfWorkOver = (store: TransactionalStore, events: EventPublisher = nobody): UnitOfWork =>
  new PublishingUnitOfWork(store, events);
