import { describe, expect, it } from 'vitest';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { inMemoryRepositories } from '../../adapters/memory/in-memory-repositories.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { Conflict } from '../../application/ports/conflict.ts';
import type { DeskEvent } from '../../application/ports/events.ts';
import type { TransactionalStore } from '../../application/ports/unit-of-work.ts';
import { PublishingUnitOfWork } from '../../application/publishing-unit-of-work.ts';
import { asId, type LeadId, type UserId, type VisitId } from '../../domain/shared/ids.ts';
import { aLead } from '../builders/lead-builder.ts';

const visitChanged = (n: number): DeskEvent => ({
  type: 'visit_changed',
  leadId: asId<LeadId>(`lead-${n}`),
  visitId: asId<VisitId>(`visit-${n}`),
});

const setup = () => {
  const events = new InMemoryEventPublisher();
  const uow = new PublishingUnitOfWork(new InMemoryUnitOfWork(new InMemoryStore()), events);
  return { uow, events };
};

describe('the unit of work use cases get', () => {
  it('publishes what a transaction recorded once it has committed, in the order recorded', async () => {
    const { uow, events } = setup();
    let publishedInside = -1;

    await uow.transaction(async (tx) => {
      tx.events.record(visitChanged(1));
      tx.events.record(visitChanged(2), { type: 'user_deactivated', userId: asId<UserId>('u-1') });
      publishedInside = events.published.length;
    });

    expect(publishedInside).toBe(0);
    expect(events.published).toEqual([visitChanged(1), visitChanged(2), { type: 'user_deactivated', userId: 'u-1' }]);
  });

  it('publishes nothing of a transaction that rolled back, and its writes are gone', async () => {
    const { uow, events } = setup();
    const lead = aLead().withId('lead-gone').build();

    const failing = uow.transaction(async (tx) => {
      await tx.leads.save(lead);
      tx.events.record(visitChanged(1));
      throw new Error('disk full');
    });

    await expect(failing).rejects.toThrow('disk full');
    expect(events.published).toEqual([]);
    expect(await uow.transaction((tx) => tx.leads.byId(lead.id))).toBeNull();
  });

  it('publishes the events of the run that committed only, when a lost race ran the work again', async () => {
    const { uow, events } = setup();
    let runs = 0;

    await uow.transaction(async (tx) => {
      runs += 1;
      tx.events.record(visitChanged(runs));
      if (runs === 1) throw new Conflict('lead', 'lost the race');
    });

    expect(runs).toBe(2);
    expect(events.published).toEqual([visitChanged(2)]);
  });

  it('keeps the events of transactions running side by side apart, one batch each', async () => {
    const repos = inMemoryRepositories(new InMemoryStore());
    // A store whose transactions interleave (as PostgreSQL's do), unlike the in-memory one.
    const interleaving: TransactionalStore = { transaction: (work) => work(repos), single: (work) => work(repos) };
    const batches: (readonly DeskEvent[])[] = [];
    const uow = new PublishingUnitOfWork(interleaving, { publish: (events) => void batches.push(events) });
    // Each transaction waits, after its first event, until told to go on; they finish in the reverse order of
    // their start, once all three are inside (gates rather than timers, which a busy machine may fire out of order).
    const gates = new Map<number, () => void>();
    let inside = 0;
    let allInside = (): void => {};
    const entered = new Promise<void>((resolve) => {
      allInside = resolve;
    });
    const runs = new Map(
      [1, 2, 3].map((n) => [
        n,
        uow.transaction(async (tx) => {
          tx.events.record(visitChanged(n));
          const go = new Promise<void>((resolve) => gates.set(n, resolve));
          if (++inside === 3) allInside();
          await go;
          tx.events.record(visitChanged(n * 10));
        }),
      ]),
    );
    await entered;
    for (const n of [3, 2, 1]) {
      gates.get(n)?.();
      await runs.get(n);
    }

    expect(batches).toEqual([
      [visitChanged(3), visitChanged(30)],
      [visitChanged(2), visitChanged(20)],
      [visitChanged(1), visitChanged(10)],
    ]);
  });
});
