import type { DeskEvent, EventPublisher } from './ports/events.ts';
import type { Repositories, Transaction, TransactionalStore, UnitOfWork } from './ports/unit-of-work.ts';

/**
 * The unit of work use cases get: the store's transactions, each with the events its work records, published
 * after it commits. A run that throws (rolled back, or lost a race and is run again) publishes nothing of its own,
 * so a subscriber never hears of a change that was not stored, nor twice of one that was.
 */
export class PublishingUnitOfWork implements UnitOfWork {
  constructor(
    private readonly store: TransactionalStore,
    private readonly events: EventPublisher,
  ) {}

  readonly transaction = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    let recorded: DeskEvent[] = [];
    const result = await this.store.transaction((repos: Repositories) => {
      // Each run starts afresh: a run that lost a race recorded events of a change that never landed.
      const events: DeskEvent[] = [];
      recorded = events;
      return work({ ...repos, events: { record: (...more) => void events.push(...more) } });
    });
    if (recorded.length > 0) this.events.publish(recorded);
    return result;
  };

  readonly single = <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => this.store.single(work);
}
