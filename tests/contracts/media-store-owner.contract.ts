import { describe, expect, it } from 'vitest';
import type { MediaOwner, MediaStore } from '../../application/ports/media-store.ts';
import { asId, type ConversationId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';
import { aPdf } from '../builders/media-fixtures.ts';

/** A fresh, empty media store for one test. */
export type OpenMediaStore = () => Promise<MediaStore>;

const owners: readonly [string, MediaOwner | null][] = [
  ['its uploader', { kind: 'user', userId: asId<UserId>('u-ana') }],
  ['its lead', { kind: 'lead', leadId: asId<LeadId>('lead-7') }],
  ['its conversation', { kind: 'conversation', conversationId: asId<ConversationId>('conv-3') }],
  ['no owner', null],
];

/** What every MediaStore keeps of a file's owner: the rule "who may read it" is only as good as this. */
export const mediaStoreOwnerContract = (name: string, open: OpenMediaStore) =>
  describe(`${name}: MediaStore owners`, () => {
    it.each(owners)('gives back a file with %s exactly as it was put', async (_label, owner) => {
      const store = await open();
      const file = { bytes: aPdf(), mimeType: 'application/pdf', filename: 'COT-000001.pdf', owner };

      const id = await store.put(file);

      expect(await store.get(id)).toEqual(file);
    });

    it('keeps each file’s own owner, and answers null for an unknown id', async () => {
      const store = await open();
      const mine = await store.put({
        bytes: aPdf(),
        mimeType: 'application/pdf',
        filename: null,
        owner: { kind: 'user', userId: asId<UserId>('u-ana') },
      });
      const theirs = await store.put({
        bytes: aPdf(),
        mimeType: 'application/pdf',
        filename: null,
        owner: { kind: 'user', userId: asId<UserId>('u-carlos') },
      });

      expect((await store.get(mine))?.owner).toEqual({ kind: 'user', userId: 'u-ana' });
      expect((await store.get(theirs))?.owner).toEqual({ kind: 'user', userId: 'u-carlos' });
      expect(await store.get(asId<MediaId>('media-none'))).toBeNull();
    });
  });
