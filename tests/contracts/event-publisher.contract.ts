import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent, EventPublisher } from '../../application/ports/events.ts';
import { asId } from '../../domain/shared/ids.ts';
import { eventually } from '../support/eventually.ts';

type Listener = (event: DeskEvent) => void;

/** An EventPublisher under test, with the subscribers that hear it. */
export type EventPublisherSubject = {
  readonly publisher: EventPublisher;
  /** Subscribes on this instance (the SSE streams it serves); returns the unsubscribe. */
  subscribe(listener: Listener): () => void;
  /**
   * Subscribes on another instance sharing the publisher's channel (already listening); `null` for an adapter
   * that serves one process only.
   */
  readonly elsewhere: ((listener: Listener) => () => void) | null;
  close(): Promise<void>;
};
export type OpenEventPublisher = () => Promise<EventPublisherSubject>;

const received = (i: number): DeskEvent => ({
  type: 'message_received',
  conversationId: asId(`conversation-${i}`),
  leadId: i % 2 === 0 ? asId(`lead-${i}`) : null,
  messageId: asId(`message-${i}`),
});
const assigned = (i: number): DeskEvent => ({
  type: 'lead_assigned',
  leadId: asId(`lead-${i}`),
  advisorId: asId('u-ana'),
});

/** `EventPublisher` as the in-process one and the PostgreSQL LISTEN/NOTIFY relay must both behave. */
export const eventPublisherContract = (name: string, open: OpenEventPublisher) =>
  describe(`${name}: EventPublisher`, () => {
    let subject: EventPublisherSubject | null = null;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject?.close();
      subject = null;
    });
    const s = (): EventPublisherSubject => {
      if (subject === null) throw new Error('event publisher subject used outside a test');
      return subject;
    };

    it("hands the events to this instance's subscribers before publish returns, in order", () => {
      const heard: DeskEvent[] = [];
      const also: DeskEvent[] = [];
      s().subscribe((e) => heard.push(e));
      s().subscribe((e) => also.push(e));
      const events = [received(1), assigned(2), received(3)];
      s().publisher.publish(events);
      expect(heard).toEqual(events);
      expect(also).toEqual(events);
    });

    it('stops telling a subscriber once it unsubscribes, and tells nobody of nothing', () => {
      const heard: DeskEvent[] = [];
      const unsubscribe = s().subscribe((e) => heard.push(e));
      s().publisher.publish([]);
      s().publisher.publish([received(1)]);
      unsubscribe();
      s().publisher.publish([received(2)]);
      expect(heard).toEqual([received(1)]);
    });

    it('never throws, even when a subscriber does, and the others still hear', () => {
      const heard: DeskEvent[] = [];
      s().subscribe(() => {
        throw new Error('broken stream');
      });
      s().subscribe((e) => heard.push(e));
      expect(() => s().publisher.publish([received(1), received(2)])).not.toThrow();
      expect(heard).toEqual([received(1), received(2)]);
    });

    it('reaches the other instances once each, in order, without echoing back here', async () => {
      const elsewhere = s().elsewhere;
      if (elsewhere === null) return; // One process: "every instance" is this one, tested above.
      const here: DeskEvent[] = [];
      const there: DeskEvent[] = [];
      s().subscribe((e) => here.push(e));
      elsewhere((e) => there.push(e));
      const events = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? assigned(i) : received(i)));
      for (const event of events) s().publisher.publish([event]);
      await eventually(() => expect(there).toEqual(events), { what: 'the other instance to hear every event' });
      expect(here).toEqual(events);
    });
  });
