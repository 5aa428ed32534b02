import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaOwner, MediaStore } from '../../application/ports/media-store.ts';
import type { TransactionalStore } from '../../application/ports/unit-of-work.ts';
import { asId, type LeadId, type MediaId } from '../../domain/shared/ids.ts';

/** A fresh, empty store, and how many files it holds (to see that a refused file left nothing behind). */
export type MediaStoreSubject = {
  readonly store: MediaStore;
  files(): Promise<number>;
  /**
   * Runs `work` inside a transaction of the unit of work this store is used with in production, then rolls
   * it back. `joinsTransactions` says what the port's doc comment says of this adapter.
   */
  inRolledBackTransaction(work: () => Promise<void>): Promise<void>;
  readonly joinsTransactions: boolean;
  close(): Promise<void>;
};
export type OpenMediaStore = () => Promise<MediaStoreSubject>;

/** `inRolledBackTransaction` for a store used with `uow`: the work runs in a transaction that then throws. */
export const rollingBack =
  (uow: TransactionalStore) =>
  async (work: () => Promise<void>): Promise<void> => {
    const rollBack = new Error('roll back');
    await uow
      .transaction(async () => {
        await work();
        throw rollBack;
      })
      .catch((error: unknown) => {
        if (error !== rollBack) throw error;
      });
  };

const MIB = 1024 * 1024;
const pdf = { mimeType: 'application/pdf', filename: 'cedula.pdf', owner: null };
/** A streamed file keeps its owner, as a whole one does (who may read it depends on it). */
const owner: MediaOwner = { kind: 'lead', leadId: asId<LeadId>('lead_7') };

/** Deterministic bytes, different at every offset within a pattern much longer than any chunk. */
const bytesOf = (length: number, seed = 7): Uint8Array => {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + seed + (i >> 11)) & 0xff;
  return bytes;
};

/** Byte-for-byte, quickly (a deep equality of megabytes takes seconds), with a readable message. */
const expectSameBytes = (actual: Uint8Array | undefined, expected: Uint8Array): void => {
  expect(actual?.length).toBe(expected.length);
  expect(
    actual !== undefined && Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(expected),
    'same bytes',
  ).toBe(true);
};

async function* piecesOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    yield bytes.subarray(at, Math.min(bytes.length, at + size));
    at += size;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

const concat = async (body: AsyncIterable<Uint8Array>): Promise<{ bytes: Uint8Array; largest: number }> => {
  const pieces: Uint8Array[] = [];
  for await (const piece of body) pieces.push(new Uint8Array(piece));
  return { bytes: new Uint8Array(Buffer.concat(pieces)), largest: Math.max(0, ...pieces.map((p) => p.length)) };
};

/** Stores `length` bytes streamed in pieces of `sizes`, and reads them back whole and as a stream. */
const storesAndReadsBack = async (store: MediaStore, length: number, sizes: readonly number[]): Promise<void> => {
  const bytes = bytesOf(length, sizes.length);
  const stored = await store.putStream(
    { mimeType: 'video/mp4', filename: null, owner },
    piecesOf(bytes, sizes),
    3 * MIB,
  );
  if (!stored.ok) throw new Error(`refused ${length} bytes`);
  const whole = await store.get(stored.value);
  expect(whole).toMatchObject({ mimeType: 'video/mp4', filename: null, owner });
  expectSameBytes(whole?.bytes, bytes);
  const reader = await store.getStream(stored.value);
  expect(reader).toMatchObject({ mimeType: 'video/mp4', filename: null, owner, size: length });
  const read = await concat((reader as NonNullable<typeof reader>).body);
  expectSameBytes(read.bytes, bytes);
  // Read in pieces of at most 1 MiB: whoever serves a 100 MB file never holds it whole.
  expect(read.largest).toBeLessThanOrEqual(MIB);
};

/** `MediaStore` as every adapter must behave: in memory, on disk, in PGlite and in PostgreSQL. */
export const mediaStoreContract = (name: string, open: OpenMediaStore) =>
  describe(`${name}: MediaStore`, () => {
    let subject: MediaStoreSubject | null = null;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject?.close();
      subject = null;
    });
    const store = (): MediaStore => (subject as MediaStoreSubject).store;
    const files = (): Promise<number> => (subject as MediaStoreSubject).files();

    it('gives back what it stored whole, and null for an id it does not hold', async () => {
      const bytes = bytesOf(5_000);
      const id = await store().put({ bytes, ...pdf });
      expect(await store().get(id)).toEqual({ bytes, ...pdf });
      expect(await store().get(asId<MediaId>('media_404'))).toBeNull();
      expect(await store().getStream(asId<MediaId>('media_404'))).toBeNull();
    });

    it('deletes a file stored whole or streamed for good, and deleting it again or an unknown id is fine', async () => {
      const whole = await store().put({ bytes: bytesOf(5_000), ...pdf });
      const streamed = await store().putStream(pdf, piecesOf(bytesOf(3_000_000), [1_000_000]), 5_000_000);
      const kept = await store().put({ bytes: bytesOf(10), ...pdf });
      if (!streamed.ok) throw new Error('the stream is under the cap');
      const before = await files();

      for (const id of [whole, streamed.value, whole, asId<MediaId>('media_404')]) await store().delete(id);

      expect(await store().get(whole)).toBeNull();
      expect(await store().getStream(streamed.value)).toBeNull();
      expect((await store().get(kept))?.bytes).toEqual(bytesOf(10));
      expect(await files()).toBe(before - 2);
    });

    it('keeps its own copy: a caller reusing its buffer changes nothing stored', async () => {
      const bytes = bytesOf(100);
      const id = await store().put({ bytes, ...pdf });
      const reused = new Uint8Array(10);
      async function* oneBuffer() {
        for (let i = 0; i < 3; i += 1) yield reused.fill(i + 1);
      }
      const streamed = await store().putStream(pdf, oneBuffer(), 1_000);
      bytes.fill(0);
      reused.fill(0);
      expect((await store().get(id))?.bytes).toEqual(bytesOf(100));
      const expected = Uint8Array.from({ length: 30 }, (_, i) => Math.floor(i / 10) + 1);
      expect(streamed.ok && (await store().get(streamed.value))?.bytes).toEqual(expected);
    });

    it('stores a stream however it is cut into pieces, and reads it back whole or as a stream', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 3 * MIB }),
          fc.array(fc.integer({ min: 1, max: 1_500_000 }), { maxLength: 8 }),
          async (length, sizes) => {
            // Each run on a store of its own: no run sees what an earlier one stored.
            const own = await open();
            try {
              await storesAndReadsBack(own.store, length, sizes);
            } finally {
              await own.close();
            }
          },
        ),
        { numRuns: 6 },
      );
    }, 30_000);

    it('streams a file stored whole in pieces of at most 1 MiB too', async () => {
      const bytes = bytesOf(2 * MIB + 3);
      const id = await store().put({ bytes, ...pdf });
      const reader = await store().getStream(id);
      expect(reader?.size).toBe(bytes.length);
      const read = await concat((reader as NonNullable<typeof reader>).body);
      expectSameBytes(read.bytes, bytes);
      expect(read.largest).toBeLessThanOrEqual(MIB);
    });

    it('stores a stream of exactly the cap, and refuses one byte more, keeping nothing of it', async () => {
      const exact = await store().putStream(pdf, piecesOf(bytesOf(2_000), [700, 700]), 2_000);
      expect(exact.ok).toBe(true);
      expect(await files()).toBe(1);

      const over = await store().putStream(pdf, piecesOf(bytesOf(2_001), [700, 700]), 2_000);
      expect(over).toEqual({ ok: false, error: { type: 'MediaTooLarge', size: 2_001, maxBytes: 2_000 } });
      expect(await files()).toBe(1);
    });

    it('stops reading a body that never ends once it passes the cap, and lets it clean up', async () => {
      let pulled = 0;
      let closed = false;
      async function* endless() {
        try {
          for (;;) {
            pulled += 1;
            yield bytesOf(64 * 1024);
          }
        } finally {
          closed = true;
        }
      }
      const result = await store().putStream(pdf, endless(), MIB);
      expect(result).toMatchObject({ ok: false, error: { type: 'MediaTooLarge', maxBytes: MIB } });
      expect(pulled).toBe(17);
      expect(closed).toBe(true);
      expect(await files()).toBe(0);
    });

    it('keeps a file put in a transaction that rolls back only when it does not join transactions (an orphan)', async () => {
      const kept: MediaId[] = [];
      await (subject as MediaStoreSubject).inRolledBackTransaction(async () => {
        kept.push(await store().put({ bytes: bytesOf(100), ...pdf }));
        const streamed = await store().putStream(pdf, piecesOf(bytesOf(3_000), [1_000]), 10_000);
        if (streamed.ok) kept.push(streamed.value);
      });
      expect(kept).toHaveLength(2);
      const joins = (subject as MediaStoreSubject).joinsTransactions;
      for (const id of kept) expect(await store().get(id), id).toEqual(joins ? null : expect.anything());
      expect(await files()).toBe(joins ? 0 : 2);
    });

    it('keeps nothing of a refused stream inside a transaction either', async () => {
      await (subject as MediaStoreSubject).inRolledBackTransaction(async () => {
        const over = await store().putStream(pdf, piecesOf(bytesOf(2_001), [700]), 2_000);
        expect(over.ok).toBe(false);
      });
      expect(await files()).toBe(0);
    });

    it('rejects with the error of a body that fails midway, keeping nothing of it', async () => {
      async function* broken() {
        yield bytesOf(MIB);
        yield bytesOf(MIB);
        throw new Error('connection reset');
      }
      await expect(store().putStream(pdf, broken(), 10 * MIB)).rejects.toThrow('connection reset');
      expect(await files()).toBe(0);
    });
  });
