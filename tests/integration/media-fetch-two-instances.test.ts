import { describe, expect, it } from 'vitest';
import { SystemClock } from '../../adapters/clock/system-clock.ts';
import { RandomIdGenerator } from '../../adapters/ids/random-id-generator.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import type { ChannelMedia } from '../../application/ports/channel-media.ts';
import { FetchInboundMedia, type MediaFetched } from '../../application/use-cases/fetch-inbound-media.ts';
import { asId, type MessageId } from '../../domain/shared/ids.ts';
import { ok } from '../../domain/shared/result.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { pause, usePostgresInstances } from './postgres-instances.ts';

const target = await openTestPostgres();
const FILES = 12;
const WORKERS = 6;
const PHONE_NUMBER_ID = '1055500077';

/**
 * Media workers of two instances (two pools on one database) draining the same queue of files at once, each
 * download taking a while outside any transaction. The lease lives in the row and is taken in one UPDATE, so
 * however they interleave every file is downloaded exactly once, never by two workers at the same time.
 */
describe.skipIf(target === null)('postgres: two instances copying the same files', () => {
  const { repos, uowOf } = usePostgresInstances(target);

  it('download each file once, never two at once, and file every one on its message', async () => {
    await repos().lines.save(aLine().withPhoneNumberId(PHONE_NUMBER_ID).build());
    const ids = Array.from({ length: FILES }, (_, i) => asId<MessageId>(`msg_media_${i}`));
    for (const [i, id] of ids.entries()) {
      await repos().messages.addInbound(
        anInboundMessage()
          .withId(id)
          .withWaMessageId(`wamid.media.${i}`)
          .withContent({ kind: 'media', mediaKind: 'image', waMediaId: `wa-media-${i}`, mimeType: 'image/jpeg' })
          .build(),
      );
      await repos().mediaFetches.add({ messageId: id, phoneNumberId: PHONE_NUMBER_ID, waMediaId: `wa-media-${i}` }, 0);
    }
    const downloads = new Map<string, number>();
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const channel: ChannelMedia = {
      download: async (_line, file, sink) => {
        if (inFlight.has(file.waMediaId)) overlaps.push(file.waMediaId);
        inFlight.add(file.waMediaId);
        downloads.set(file.waMediaId, (downloads.get(file.waMediaId) ?? 0) + 1);
        try {
          await pause(20 + Math.random() * 40);
          async function* body() {
            yield new TextEncoder().encode(file.waMediaId);
          }
          const stored = await sink({ mimeType: 'image/jpeg', filename: null }, body(), 1_000);
          if (!stored.ok) throw new Error('the test file fits');
          return ok(stored.value);
        } finally {
          inFlight.delete(file.waMediaId);
        }
      },
    };
    const store = new InMemoryMediaStore();
    const clock = new SystemClock();
    const reports: MediaFetched[] = [];
    const workers = Array.from(
      { length: WORKERS },
      (_, n) =>
        new FetchInboundMedia(uowOf(n), clock, new RandomIdGenerator(clock), channel, store, {
          report: (fetched) => reports.push(fetched),
        }),
    );

    await Promise.all(workers.map((worker) => worker.drain()));

    expect(overlaps).toEqual([]);
    expect([...downloads.values()]).toEqual(Array.from({ length: FILES }, () => 1));
    expect(reports.map((r) => r.outcome)).toEqual(Array.from({ length: FILES }, () => 'media_stored'));
    expect(new Set(reports.map((r) => r.messageId)).size).toBe(FILES);
    expect(await repos().mediaFetches.pendingCount()).toBe(0);
    for (const id of ids) {
      const message = await repos().messages.byId(id);
      const mediaId = message?.content.kind === 'media' ? message.content.mediaId : undefined;
      expect(mediaId).toEqual(expect.any(String));
      expect((await store.get(asId(mediaId ?? 'none')))?.owner).toEqual({
        kind: 'conversation',
        conversationId: message?.conversationId,
      });
    }
  });
});
