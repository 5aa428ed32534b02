import { mkdtempSync } from 'node:fs';
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
});
