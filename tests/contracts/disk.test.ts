import { mkdtempSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { DiskMediaStore } from '../../adapters/media/disk-media-store.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { rollingBack } from './media-store.contract.ts';
import { runContracts } from './registry.ts';

/** The adapters that keep files in a folder, each test in a folder of its own, against every registered suite. */
runContracts('disk', {
  mediaStore: async () => {
    const root = mkdtempSync(join(tmpdir(), 'media-contract-'));
    const dir = join(root, 'media');
    // A file is its bytes plus `<id>.json`; anything else left behind (a half-written temp file) counts too.
    const files = async () =>
      (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.endsWith('.json')).length;
    // In production the disk store goes with PGlite's unit of work and its rollback hooks
    // (tests/integration/quote-pdf-rollback.test.ts); any unit of work that offers them shows the same.
    const uow = new InMemoryUnitOfWork(new InMemoryStore());
    return {
      store: new DiskMediaStore(dir, new SequentialIdGenerator(), uow),
      files,
      inRolledBackTransaction: rollingBack(uow),
      joinsTransactions: true,
      close: () => rm(root, { recursive: true, force: true }),
    };
  },
});

const aFolder = () => join(mkdtempSync(join(tmpdir(), 'media-owner-')), 'media');

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
