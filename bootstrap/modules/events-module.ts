import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { PostgresEventRelay } from '../../adapters/persistence/postgres-event-relay.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage.ts';
import { TOKENS } from '../tokens.ts';

/**
 * Live desk events. Subscribers (the event stream) listen to the in-memory hub. With PostgreSQL the use
 * cases publish through a relay that also NOTIFYs the other instances and feeds theirs into the hub; it
 * is resolved with the use cases when the app is built, and stops listening when the container unbinds.
 */
export const eventsModule = (storage: Storage | null) =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.Events).toConstantValue(new InMemoryEventPublisher());
    const notifications = storage?.notifications ?? null;
    if (notifications === null) {
      bind(TOKENS.EventPublisher).toService(TOKENS.Events);
      return;
    }
    bind(TOKENS.EventPublisher)
      .toResolvedValue(
        (hub: InMemoryEventPublisher, logger: Logger) => {
          const relay = new PostgresEventRelay(notifications, hub, { instanceId: randomUUID(), logger });
          void relay.listen();
          return relay;
        },
        [TOKENS.Events, TOKENS.Logger],
      )
      .onDeactivation((publisher) => (publisher instanceof PostgresEventRelay ? publisher.close() : undefined));
  });
