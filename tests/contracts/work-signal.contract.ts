import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Work, WorkSignal } from '../../application/ports/work-signal.ts';
import { eventually } from '../support/eventually.ts';

/** A WorkSignal under test, and, for an adapter that spans instances, the signal of another instance. */
export type WorkSignalSubject = {
  readonly signal: WorkSignal;
  /** Another instance's signal on the same channel (already listening); `null` for one process only. */
  readonly elsewhere: WorkSignal | null;
  close(): Promise<void>;
};
export type OpenWorkSignal = () => Promise<WorkSignalSubject>;

/** `WorkSignal` as the in-process one and the PostgreSQL LISTEN/NOTIFY one must both behave. */
export const workSignalContract = (name: string, open: OpenWorkSignal) =>
  describe(`${name}: WorkSignal`, () => {
    let subject: WorkSignalSubject | null = null;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject?.close();
      subject = null;
    });
    const s = (): WorkSignalSubject => {
      if (subject === null) throw new Error('work signal subject used outside a test');
      return subject;
    };

    it("wakes this instance's listeners at once, with the kind of work announced", () => {
      const heard: Work[] = [];
      s().signal.subscribe((work) => heard.push(work));
      s().signal.announce('inbox');
      s().signal.announce('outbox');
      expect(heard).toEqual(['inbox', 'outbox']);
    });

    it('stops waking a listener that unsubscribed, and keeps waking the others', () => {
      const [gone, kept]: [Work[], Work[]] = [[], []];
      const stop = s().signal.subscribe((work) => gone.push(work));
      s().signal.subscribe((work) => kept.push(work));
      stop();
      s().signal.announce('inbox');
      expect(gone).toEqual([]);
      expect(kept).toEqual(['inbox']);
    });

    it('announces without listeners, and never throws', () => {
      expect(() => s().signal.announce('outbox')).not.toThrow();
    });

    it('wakes the other instances on the same database soon after', async () => {
      const elsewhere = s().elsewhere;
      if (elsewhere === null) return; // one process: nothing else to wake
      const heard = new Set<Work>();
      elsewhere.subscribe((work) => heard.add(work));
      s().signal.announce('inbox');
      s().signal.announce('outbox');
      await eventually(() => expect([...heard].sort()).toEqual(['inbox', 'outbox']));
    });
  });
