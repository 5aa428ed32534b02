import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskMediaStore } from '../../adapters/media/disk-media-store.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';

const aStore = () =>
  new DiskMediaStore(join(mkdtempSync(join(tmpdir(), 'media-')), 'media'), new SequentialIdGenerator());

describe('DiskMediaStore', () => {
  it('gives back the bytes, type and name it stored, also through a new instance on the same folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'media-')), 'media');
    const bytes = new TextEncoder().encode('%PDF-1.7 cotización');
    const id = await new DiskMediaStore(dir, new SequentialIdGenerator()).put({
      bytes,
      mimeType: 'application/pdf',
      filename: 'COT-000001.pdf',
      owner: null,
    });

    expect(await new DiskMediaStore(dir, new SequentialIdGenerator()).get(id)).toEqual({
      bytes,
      mimeType: 'application/pdf',
      filename: 'COT-000001.pdf',
      owner: null,
    });
  });

  it('answers null for an unknown id and for ids that try to leave its folder', async () => {
    const store = aStore();
    expect(await store.get(asId<MediaId>('media_404'))).toBeNull();
    expect(await store.get(asId<MediaId>('../../etc/passwd'))).toBeNull();
  });

  it('removes a file stored inside a transaction once that transaction rolls back, and keeps one stored outside', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'media-')), 'media');
    let inTransaction = true;
    const undo: (() => Promise<void>)[] = [];
    const hooks = { onRollback: (step: () => Promise<void>) => inTransaction && undo.push(step) > 0 };
    const store = new DiskMediaStore(dir, new SequentialIdGenerator(), hooks);
    const file = { bytes: new Uint8Array([37, 80, 68, 70]), mimeType: 'application/pdf', filename: null, owner: null };
    const inside = await store.put(file);
    async function* body() {
      yield new Uint8Array([1, 2, 3]);
    }
    const streamed = await store.putStream({ mimeType: 'image/png', filename: null, owner: null }, body(), 10);
    inTransaction = false;
    const outside = await store.put(file);
    expect(await store.get(inside)).not.toBeNull();

    for (const step of undo.reverse()) await step();

    expect(await store.get(inside)).toBeNull();
    expect(streamed.ok && (await store.get(streamed.value))).toBeNull();
    expect(await store.get(outside)).not.toBeNull();
    expect((await readdir(dir)).sort()).toEqual([outside, `${outside}.json`].sort());
  });
});
