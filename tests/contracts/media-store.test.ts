import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { DiskMediaStore } from '../../adapters/media/disk-media-store.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { mediaStoreContract } from './media-store.contract.ts';

mediaStoreContract('in-memory', async () => {
  const shared = new InMemoryStore();
  return {
    store: new InMemoryMediaStore({ store: shared }),
    files: async () => shared.media.size,
    close: async () => {},
  };
});

mediaStoreContract('disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'media-contract-'));
  const dir = join(root, 'media');
  // A file is its bytes plus `<id>.json`; anything else left behind (a half-written temp file) counts too.
  const files = async () =>
    (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.endsWith('.json')).length;
  return {
    store: new DiskMediaStore(dir, new SequentialIdGenerator()),
    files,
    close: () => rm(root, { recursive: true, force: true }),
  };
});
