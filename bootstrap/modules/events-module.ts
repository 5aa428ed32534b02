import { randomUUID } from 'node:crypto';
import { ContainerModule, type ServiceIdentifier } from 'inversify';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { InProcessWorkSignal } from '../../adapters/memory/in-process-work-signal.ts';
import { PostgresEventRelay } from '../../adapters/persistence/postgres-event-relay.ts';
import { PostgresWorkSignal } from '../../adapters/persistence/postgres-work-signal.ts';
import { announcingQueued } from '../../application/message-pipeline.ts';
import type { EventPublisher } from '../../application/ports/events.ts';
import type { WorkSignal } from '../../application/ports/work-signal.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage.ts';
import { TOKENS } from '../tokens.ts';

/** Where the use cases' events go before `announcingQueued`: the hub, or the relay to the other instances. */
const DeskEventSink = Symbol.for('DeskEventSink') as ServiceIdentifier<EventPublisher>;

/**
 * Live desk events and the pipeline's wake-ups. Subscribers (the event stream) listen to the in-memory hub.
 * With PostgreSQL the use cases publish through a relay that also NOTIFYs the other instances and feeds
 * theirs into the hub, and stored work is announced on a channel of its own; both are resolved with the use
 * cases when the app is built, and stop listening when the container unbinds. A queued message announces
 * outbox work (`announcingQueued`), so the senders wake whoever queued it.
 */
export const eventsModule = (storage: Storage | null) =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.Events).toConstantValue(new InMemoryEventPublisher());
    bind(TOKENS.EventPublisher).toResolvedValue(
      (sink: EventPublisher, signal: WorkSignal) => announcingQueued(sink, signal),
      [DeskEventSink, TOKENS.WorkSignal],
    );
    const notifications = storage?.notifications ?? null;
    if (notifications === null) {
      bind(DeskEventSink).toService(TOKENS.Events);
      bind(TOKENS.WorkSignal).toConstantValue(new InProcessWorkSignal());
      return;
    }
    const instanceId = randomUUID();
    bind(DeskEventSink)
      .toResolvedValue(
        (hub: InMemoryEventPublisher, logger: Logger) => {
          const relay = new PostgresEventRelay(notifications, hub, { instanceId, logger });
          void relay.listen();
          return relay;
        },
        [TOKENS.Events, TOKENS.Logger],
      )
      .onDeactivation((publisher) => (publisher instanceof PostgresEventRelay ? publisher.close() : undefined));
    bind(TOKENS.WorkSignal)
      .toResolvedValue(
        (logger: Logger) => {
          const signal = new PostgresWorkSignal(notifications, { instanceId, logger });
          void signal.listen();
          return signal;
        },
        [TOKENS.Logger],
      )
      .onDeactivation((signal) => (signal instanceof PostgresWorkSignal ? signal.close() : undefined));
  });
