import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../application/ports/events.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { asId, type LeadId, type VisitId } from '../../domain/shared/ids.ts';

const visitChanged = (n: number): DeskEvent => ({
  type: 'visit_changed',
  leadId: asId<LeadId>(`l-${n}`),
  visitId: asId<VisitId>(`v-${n}`),
});

describe('InMemoryEventPublisher', () => {
  it('hands every event to subscribers until they unsubscribe, and survives a throwing one', () => {
    const events = new InMemoryEventPublisher();
    const heard: DeskEvent[] = [];
    events.subscribe(() => {
      throw new Error('broken subscriber');
    });
    const unsubscribe = events.subscribe((e) => heard.push(e));

    events.publish([visitChanged(1), visitChanged(2)]);
    unsubscribe();
    events.publish([visitChanged(3)]);

    expect(heard).toEqual([visitChanged(1), visitChanged(2)]);
  });

  it('remembers only the most recent events, so a long-running process does not grow', () => {
    const events = new InMemoryEventPublisher({ history: 10 });

    for (let n = 0; n < 1_000; n += 1) events.publish([visitChanged(n)]);

    expect(events.published).toEqual(Array.from({ length: 10 }, (_, i) => visitChanged(990 + i)));
  });
});
