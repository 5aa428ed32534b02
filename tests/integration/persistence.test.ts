import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { DrizzleMediaStore } from '../../adapters/persistence/drizzle-media-store.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { consents, media, mediaChunks, messageStatusHistory } from '../../adapters/persistence/schema.ts';
import { Conflict } from '../../application/ports/conflict.ts';
import { asId, type MediaId, type WaMessageId } from '../../domain/shared/ids.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { anOutboundMessage } from '../builders/outbound-message-builder.ts';
import { openTestDatabases, type TestDatabase } from '../support/database.ts';

const options = { defaultSettings: defaultBotSettings };

/** What the contract suites cannot see from the ports: the rows behind them. */
for (const target of await openTestDatabases()) {
  describe(`${target.name}: storage details`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await target.create();
    });
    afterAll(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await database.reset();
    });
    const repos = () => drizzleRepositories(database.db, options);
    const uow = () => new DrizzleUnitOfWork(database.db, options);

    it('keeps media bytes exactly, every byte value included, and returns null for an unknown id', async () => {
      const store = new DrizzleMediaStore(database.db, new SequentialIdGenerator());
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      const id = await store.put({ bytes, mimeType: 'audio/ogg', filename: null, owner: null });
      bytes[0] = 99;
      expect(await store.get(id)).toEqual({
        bytes: Uint8Array.from({ length: 256 }, (_, i) => i),
        mimeType: 'audio/ogg',
        filename: null,
        owner: null,
      });
      expect(await store.get(asId<MediaId>('media-none'))).toBeNull();
    });

    it('stores media from inside a transaction as part of it, without waiting for itself', async () => {
      const store = new DrizzleMediaStore(database.db, new SequentialIdGenerator());
      const file = {
        bytes: Uint8Array.from([1, 2, 3]),
        mimeType: 'application/pdf',
        filename: 'COT-000001.pdf',
        owner: null,
      };
      const kept = await uow().transaction(async () => {
        const id = await store.put(file);
        expect(await store.get(id)).toEqual(file);
        return id;
      });
      expect(await store.get(kept)).toEqual(file);

      let dropped: MediaId | null = null;
      const failing = uow().transaction(async () => {
        dropped = await store.put({ ...file, filename: 'COT-000002.pdf' });
        throw new Error('rendering the reply failed');
      });
      await expect(failing).rejects.toThrow('rendering the reply failed');
      expect(await store.get(dropped ?? asId<MediaId>('never-stored'))).toBeNull();
    });

    it('streams a file into 1 MiB rows of media_chunks, and a refused one inside a transaction leaves it usable', async () => {
      const store = new DrizzleMediaStore(database.db, new SequentialIdGenerator());
      const MIB = 1024 * 1024;
      async function* pieces(total: number) {
        for (let sent = 0; sent < total; sent += 300_000)
          yield new Uint8Array(Math.min(300_000, total - sent)).fill(sent % 251);
      }
      const kept = await uow().transaction(async () => {
        const refused = await store.putStream(
          { mimeType: 'video/mp4', filename: null, owner: null },
          pieces(5 * MIB),
          2 * MIB,
        );
        expect(refused).toMatchObject({ ok: false, error: { type: 'MediaTooLarge', maxBytes: 2 * MIB } });
        // The refusal rolled back to its savepoint: the transaction goes on and commits the next file.
        return store.putStream(
          { mimeType: 'application/pdf', filename: 'plano.pdf', owner: null },
          pieces(3 * MIB + 5),
          10 * MIB,
        );
      });
      if (!kept.ok) throw new Error('not stored');
      const rows = await database.db
        .select({
          mediaId: mediaChunks.mediaId,
          seq: mediaChunks.seq,
          size: sql<number>`octet_length(${mediaChunks.bytes})`,
        })
        .from(mediaChunks)
        .orderBy(asc(mediaChunks.seq));
      expect(rows).toEqual([0, 1, 2, 3].map((seq) => ({ mediaId: kept.value, seq, size: seq < 3 ? MIB : 5 })));
      expect(
        await database.db.select({ id: media.id, inline: sql<boolean>`${media.bytes} is not null` }).from(media),
      ).toEqual([{ id: kept.value, inline: false }]);
    });

    it('appends to the status history each time an outbound status changes', async () => {
      const queued = anOutboundMessage().createdAt(100).build();
      const sent = {
        ...queued,
        status: 'sent' as const,
        statusAt: 200,
        waMessageId: asId<WaMessageId>('wamid.h1'),
        attempts: 1,
      };
      for (const m of [queued, sent, { ...sent, attempts: 1 }, { ...sent, status: 'read' as const, statusAt: 300 }])
        await repos().messages.saveOutbound(m);

      const history = await database.db
        .select({ status: messageStatusHistory.status, at: messageStatusHistory.at })
        .from(messageStatusHistory)
        .where(eq(messageStatusHistory.messageId, queued.id))
        .orderBy(asc(messageStatusHistory.id));
      expect(history.map((h) => [h.status, h.at.getTime()])).toEqual([
        ['queued', 100],
        ['sent', 200],
        ['read', 300],
      ]);
    });

    it('refuses to turn a stored inbound message into an outbound one', async () => {
      const inbound = anInboundMessage().withId('m-1').build();
      await repos().messages.addInbound(inbound);
      await expect(repos().messages.saveOutbound(anOutboundMessage().withId('m-1').build())).rejects.toThrow(/inbound/);
      expect(await repos().messages.byId(inbound.id)).toEqual(inbound);
    });

    it('keeps every consent a lead gave, once each', async () => {
      const lead = aLead().build();
      await repos().leads.save({
        ...lead,
        consent: { at: 10, policyVersion: '2026-01', policyTextHash: null, messageId: null },
      });
      await repos().leads.save({
        ...lead,
        consent: { at: 10, policyVersion: '2026-01', policyTextHash: null, messageId: null },
        name: 'Renamed',
      });
      await repos().leads.save({
        ...lead,
        consent: { at: 50, policyVersion: '2026-03', policyTextHash: null, messageId: null },
      });

      const given = await database.db
        .select()
        .from(consents)
        .where(eq(consents.leadId, lead.id))
        .orderBy(asc(consents.id));
      expect(given.map((c) => [c.at.getTime(), c.policyVersion])).toEqual([
        [10, '2026-01'],
        [50, '2026-03'],
      ]);
    });

    it('reports a phone or WhatsApp user id taken by another lead as a Conflict', async () => {
      const first = aLead().withPhone('+573001112233').withWaUserId('CO.1').build();
      await repos().leads.save(first);
      await expect(repos().leads.save(aLead().withPhone('+573001112233').build())).rejects.toBeInstanceOf(Conflict);
      await expect(repos().leads.save(aLead().withPhone(null).withWaUserId('CO.1').build())).rejects.toBeInstanceOf(
        Conflict,
      );
      expect(await repos().leads.list()).toEqual([first]);
    });

    it('gives a rolled-back quote number back, so numbers stay gapless', async () => {
      await expect(
        uow().transaction(async (tx) => {
          await tx.quotes.nextSequence();
          throw new Error('the PDF failed');
        }),
      ).rejects.toThrow('the PDF failed');
      expect(await uow().transaction((tx) => tx.quotes.nextSequence())).toBe(1);
    });

    it('retries a transaction that lost a race, then reports the Conflict', async () => {
      let runs = 0;
      const losing = uow().transaction(async () => {
        runs += 1;
        throw new Conflict('lead', 'phone');
      });
      await expect(losing).rejects.toBeInstanceOf(Conflict);
      expect(runs).toBe(3);
    });
  });
}
