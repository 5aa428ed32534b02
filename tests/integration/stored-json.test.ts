import { botStateCodec } from '../../adapters/persistence/codecs/bot-state-codec.ts';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { UnreadableStoredValue } from '../../adapters/persistence/codecs/stored-codec.ts';
import { drizzleRepositories } from '../../adapters/persistence/drizzle-repositories.ts';
import {
  botSettings,
  conversations,
  inbox,
  messages,
  projects,
  quotes,
  visits,
} from '../../adapters/persistence/schema.ts';
import { UnreadableInboxEntry } from '../../application/ports/inbox-repository.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import { inboxFailureOf } from '../../application/use-cases/inbox-failure.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MediaId,
  type MessageId,
  type QuoteId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import * as samples from '../fixtures/stored-json/samples.ts';
import { openTestDatabases, type TestDatabase } from '../support/database.ts';
import { MIGRATIONS, migrationsUpTo } from '../support/migrations-up-to.ts';

/** Rows as the app wrote them before stored values were versioned (`tests/fixtures/stored-json/v0`). */
const v0 = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/stored-json/v0/${file}.json`, import.meta.url), 'utf8')).rows;

const at = new Date(1_741_000_000_000);
const names = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[];

for (const target of await openTestDatabases()) {
  describe(`${target.name}: stored JSON`, () => {
    let database: TestDatabase | null = null;
    let repos: Repositories;
    const db = () => {
      if (database === null) throw new Error(`${target.name} database not open`);
      return database.db;
    };
    beforeAll(async () => {
      database = await target.create();
    });
    afterAll(async () => {
      await database?.close();
    });
    beforeEach(async () => {
      await database?.reset();
      repos = drizzleRepositories(db(), { defaultSettings: defaultBotSettings });
    });

    it('reads bot states of every step stored before versioning', async () => {
      const rows = v0('bot-state');
      for (const [i, name] of names(samples.botStates).entries())
        await db()
          .insert(conversations)
          .values({ id: `c-${name}`, lineId: 'line-1', waUserId: `u-${i}`, bot: rows[name], createdAt: at });
      for (const name of names(samples.botStates))
        expect((await repos.conversations.byId(asId<ConversationId>(`c-${name}`)))?.bot).toEqual(
          samples.botStates[name],
        );
    });

    it('reads messages stored before versioning: content of every kind, author and failure', async () => {
      const inbound = v0('inbound-content');
      const outbound = v0('outbound-content');
      const base = { conversationId: 'c-1', leadId: 'lead-1', createdAt: at };
      for (const name of names(samples.inboundContents))
        await db()
          .insert(messages)
          .values({
            ...base,
            id: `in-${name}`,
            direction: 'inbound',
            type: samples.inboundContents[name].kind,
            content: inbound[name],
            waMessageId: `wamid.in-${name}`,
            sentAt: at,
          });
      for (const name of names(samples.outboundContents))
        await db()
          .insert(messages)
          .values({
            ...base,
            id: `out-${name}`,
            direction: 'outbound',
            type: samples.outboundContents[name].kind,
            content: outbound[name],
            author: name === 'text' ? v0('message-author')['user'] : v0('message-author')['bot'],
            failure: name === 'text' ? v0('send-failure')['undeliverable'] : null,
            status: name === 'text' ? 'failed' : 'queued',
            statusAt: at,
            nextAttemptAt: at,
          });
      for (const name of names(samples.inboundContents))
        expect((await repos.messages.byId(asId<MessageId>(`in-${name}`)))?.content).toEqual(
          samples.inboundContents[name],
        );
      for (const name of names(samples.outboundContents))
        expect((await repos.messages.byId(asId<MessageId>(`out-${name}`)))?.content).toEqual(
          samples.outboundContents[name],
        );
      expect(await repos.messages.byId(asId<MessageId>('out-text'))).toMatchObject({
        author: samples.authors.user,
        failure: samples.failures.undeliverable,
      });
      expect(await repos.messages.byId(asId<MessageId>('out-buttons'))).toMatchObject({
        author: samples.authors.bot,
        failure: null,
      });
    });

    it('claims inbox entries of every kind stored before versioning', async () => {
      const rows = v0('inbox-entry');
      for (const name of names(samples.inboxEntries))
        await db()
          .insert(inbox)
          .values({
            waId: `wa-${name}`,
            kind: samples.inboxEntries[name].kind,
            orderingKey: `key-${name}`,
            payload: rows[name],
            receivedAt: at,
            notBefore: at,
          });
      const claimed = [];
      for (let item = await repos.inbox.claimNext(at.getTime()); item !== null; ) {
        claimed.push(item.entry);
        await repos.inbox.markProcessed(item.id, at.getTime());
        item = await repos.inbox.claimNext(at.getTime());
      }
      expect(claimed).toEqual(Object.values(samples.inboxEntries));
    });

    it('reads quotes, payment plans, visit criteria and bot settings stored before versioning', async () => {
      const quoteRows = v0('quote');
      for (const name of names(samples.quotes)) {
        await db().delete(quotes);
        await db().insert(quotes).values({
          id: samples.quotes[name].id,
          number: samples.quotes[name].number,
          conversationId: 'c-1',
          projectId: samples.quotes[name].projectId,
          unitId: samples.quotes[name].unitId,
          issuedAt: at,
          validUntil: at,
          figures: quoteRows[name],
        });
        expect((await repos.quotes.byId(asId<QuoteId>(samples.quotes[name].id)))?.quote).toEqual(samples.quotes[name]);
      }

      const plans = v0('payment-plan');
      for (const name of names(samples.paymentPlans))
        await db()
          .insert(projects)
          .values({
            id: `p-${name}`,
            name: 'Torres',
            city: 'Medellín',
            currency: 'COP',
            description: '',
            paymentPlan: plans[name],
          });
      const catalog = await repos.catalog.all();
      for (const name of names(samples.paymentPlans))
        expect(catalog.projects.find((p) => p.id === `p-${name}`)?.paymentPlan).toEqual(samples.paymentPlans[name]);

      const criteria = v0('search-criteria');
      for (const name of names(samples.criteriaSamples)) {
        await db()
          .insert(visits)
          .values({
            id: `v-${name}`,
            leadId: 'lead-1',
            projectId: 'p-1',
            stage: 'new',
            criteria: criteria[name],
            createdAt: at,
          });
        expect((await repos.visits.byId(asId<VisitId>(`v-${name}`)))?.criteria).toEqual(samples.criteriaSamples[name]);
      }

      const settings = v0('bot-settings');
      for (const name of names(samples.botSettingsSamples)) {
        await db().delete(botSettings);
        await db().insert(botSettings).values({ id: 1, settings: settings[name] });
        expect(await repos.settings.current()).toEqual(samples.botSettingsSamples[name]);
      }
    });

    it('writes values in the current version, and reads them back', async () => {
      const conversationId = asId<ConversationId>('c-new');
      await repos.conversations.save({
        id: conversationId,
        lineId: asId('line-1'),
        contact: { phone: null, userId: 'u-1' },
        profileName: null,
        leadId: null,
        bot: samples.botStates.quoted,
        lastInboundAt: null,
        origin: null,
        createdAt: at.getTime(),
      });
      const [row] = await db().select().from(conversations).where(eq(conversations.id, conversationId));
      expect(row?.bot).toEqual({ v: botStateCodec.version, value: samples.botStates.quoted });
      expect((await repos.conversations.byId(conversationId))?.bot).toEqual(samples.botStates.quoted);
    });

    it('fails to claim an inbox entry it cannot read like any failed entry, until it is a dead letter', async () => {
      const entry = (waId: string, orderingKey: string, payload: unknown) => ({
        waId,
        kind: 'message' as const,
        orderingKey,
        payload,
        receivedAt: at,
        notBefore: at,
      });
      await db()
        .insert(inbox)
        .values([
          entry('wa-corrupt', 'msg:pn-1:CO.1', { kind: 'message', envelope: { from: { phone: '+573001234567' } } }),
          entry('wa-newer', 'msg:pn-1:CO.2', { v: 99, value: {} }),
          entry('wa-good', 'msg:pn-1:CO.1', v0('inbox-entry')['message']),
        ]);
      const now = at.getTime();

      const failure = await repos.inbox.claimNext(now).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UnreadableInboxEntry);
      expect(failure).toMatchObject({ entry: { id: 1, kind: 'message', attempts: 0, failures: 0 } });
      expect(String((failure as Error).message)).not.toContain('+573001234567');
      expect(inboxFailureOf(failure)).toMatchObject({ code: 'unreadable_entry' });
      // The failure path: counted, and at the bound a dead letter, which lets the rest of its key through.
      expect(await repos.inbox.recordFailure(1, inboxFailureOf(failure), { at: now, retryAt: now }, 1)).toMatchObject({
        deadLettered: true,
      });

      await expect(repos.inbox.claimNext(now)).rejects.toMatchObject({
        entry: { id: 2 },
        message: expect.stringMatching(/newer version/),
      });
      await repos.inbox.recordFailure(2, { code: 'unreadable_entry', reason: 'x' }, { at: now, retryAt: now }, 1);

      expect((await repos.inbox.claimNext(now))?.entry).toEqual(samples.inboxEntries.message);
      const dead = await repos.deadLetters.list({ status: 'dead_lettered', after: null, limit: 10 });
      expect(dead.map((d) => d.id).sort()).toEqual([1, 2]);
      expect(dead.map((d) => d.lastError.reason).join(' ')).not.toContain('+573001234567');
      // Opened and discarded like any dead letter, its unreadable payload shown as none.
      expect(await repos.deadLetters.byId(1)).toMatchObject({
        id: 1,
        entry: null,
        lastError: { code: 'unreadable_entry' },
      });
      expect(await repos.deadLetters.discard(1, now)).toMatchObject({ id: 1, entry: null, discardedAt: now });
    });

    it('reports a stored value it cannot read as a typed error, without its data', async () => {
      await db()
        .insert(conversations)
        .values({ id: 'c-bad', lineId: 'line-1', waUserId: 'u-1', bot: { step: 'renamedStep' }, createdAt: at });
      const read = repos.conversations.byId(asId<ConversationId>('c-bad'));
      await expect(read).rejects.toBeInstanceOf(UnreadableStoredValue);
      await expect(read).rejects.toMatchObject({ code: 'stored_value_unreadable', value: 'bot state', version: 0 });
    });

    it('finds the messages carrying a file by their media column', async () => {
      await repos.messages.saveOutbound({
        id: asId<MessageId>('out-1'),
        conversationId: asId<ConversationId>('c-1'),
        leadId: asId<LeadId>('lead-1'),
        visitId: null,
        createdAt: at.getTime(),
        direction: 'outbound',
        waMessageId: null,
        content: samples.outboundContents.templateMediaHeader,
        author: samples.authors.bot,
        status: 'queued',
        statusAt: at.getTime(),
        failure: null,
        attempts: 0,
        nextAttemptAt: at.getTime(),
      });
      const [row] = await db().select({ mediaId: messages.mediaId }).from(messages);
      expect(row?.mediaId).toBe('media-1');
      expect(await repos.messages.leadsReferencingMedia(asId<MediaId>('media-1'))).toEqual(['lead-1']);
    });
  });
}

describe('migration 0009: the media column of messages stored before it', () => {
  it('is filled from the content of media messages and media-header templates, null elsewhere', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo('0007_api_key_last_used') });
    const inbound = v0('inbound-content');
    const outbound = v0('outbound-content');
    const rows: [string, string, unknown][] = [
      ['in-stored', 'inbound', inbound['mediaStored']],
      ['in-pending', 'inbound', inbound['mediaPending']],
      ['in-text', 'inbound', inbound['text']],
      ['out-media', 'outbound', outbound['media']],
      ['out-template', 'outbound', outbound['templateMediaHeader']],
      ['out-text-header', 'outbound', outbound['templateTextHeader']],
    ];
    for (const [id, direction, content] of rows)
      await client.query(
        `insert into messages (id, conversation_id, lead_id, direction, type, content, created_at, wa_message_id)
         values ($1, 'c-1', 'lead-1', $2, 'x', $3, now(), $1)`,
        [id, direction, JSON.stringify(content)],
      );

    await migrate(db, { migrationsFolder: MIGRATIONS });
    const filled = await client.query<{ id: string; media_id: string | null }>(
      'select id, media_id from messages order by id',
    );

    expect(filled.rows).toEqual([
      { id: 'in-pending', media_id: null },
      { id: 'in-stored', media_id: 'media-1' },
      { id: 'in-text', media_id: null },
      { id: 'out-media', media_id: 'media-1' },
      { id: 'out-template', media_id: 'media-1' },
      { id: 'out-text-header', media_id: null },
    ]);
    await client.close();
  });
});
