import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { DiskMediaStore } from '../../adapters/media/disk-media-store.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';
import { mediaStoreOwnerContract } from './media-store-owner.contract.ts';

const aFolder = () => join(mkdtempSync(join(tmpdir(), 'media-owner-')), 'media');

mediaStoreOwnerContract('in-memory', async () => new InMemoryMediaStore());
mediaStoreOwnerContract('disk', async () => new DiskMediaStore(aFolder(), new SequentialIdGenerator()));

describe('DiskMediaStore: metadata from before owners were recorded', () => {
  it.each([
    ['no owner field', { mimeType: 'application/pdf', filename: 'viejo.pdf' }],
    ['an owner it cannot read', { mimeType: 'application/pdf', filename: 'viejo.pdf', owner: { kind: 'lead' } }],
  ])('reads a file with %s as owned by nobody (fail closed)', async (_label, meta) => {
    const folder = aFolder();
    const store = new DiskMediaStore(folder, new SequentialIdGenerator());
    const id = await store.put({
      bytes: new Uint8Array([1, 2, 3]),
      mimeType: 'application/pdf',
      filename: 'viejo.pdf',
      owner: { kind: 'user', userId: asId('u-ana') },
    });
    writeFileSync(join(folder, `${id}.json`), JSON.stringify(meta));

    expect(await store.get(asId<MediaId>(id))).toEqual({
      bytes: new Uint8Array([1, 2, 3]),
      mimeType: 'application/pdf',
      filename: 'viejo.pdf',
      owner: null,
    });
  });
});
