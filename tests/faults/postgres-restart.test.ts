import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../builders/meta-webhook-payloads.ts';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.ts';
import {
  REPLIES_AFTER,
  advisorScript,
  deliver,
  deliverUntilAcked,
  sentTo,
  waIdOf,
  webhookBody,
} from './support/meta-leads.ts';
import { MetaRig } from './support/meta-rig.ts';
import { eventually, pause, scaled } from './support/scale.ts';

const LEADS = scaled(6, 16);
const OUTAGE_MS = scaled(3_000, 10_000);
const leads = Array.from({ length: LEADS }, (_, i) => waIdOf(6, i));
const scripts = new Map(leads.map((waId) => [waId, advisorScript(waId)]));
/** Steps `from`…`to` of every lead's script: leads at once, each lead's steps one after another. */
const play = (from: number, to: number, send: (waId: string, message: Json) => Promise<unknown>): Promise<unknown> =>
  Promise.all(
    leads.map(async (waId) => {
      for (const message of (scripts.get(waId) ?? []).slice(from, to)) await send(waId, message);
    }),
  );
const acknowledged = (rig: MetaRig) => async (waId: string, message: Json) => {
  const status = await deliver(rig.app.url, webhookBody(waId, message));
  if (status !== 200) throw new Error(`webhook answered ${status}:\n${rig.app.output().slice(-2_000)}`);
};
/** As Meta delivers: again, with back-off, until a 200. */
const redelivered = (rig: MetaRig) => (waId: string, message: Json) =>
  deliverUntilAcked(() => rig.app.url, webhookBody(waId, message), 120_000);

const bin = postgresBinDir();
if (bin === null && process.env['CI'] === 'true')
  throw new Error('CI=true but no PostgreSQL server binaries (initdb, pg_ctl) to run a private cluster');

// Its own cluster, so stopping it disturbs no other test (the shared server on 5432 stays up).
describe.skipIf(bin === null)('PostgreSQL restarted mid-run', () => {
  let cluster: PrivatePostgres | null = null;
  let rig: MetaRig;
  beforeAll(async () => {
    cluster = await startPrivatePostgres(bin ?? '');
    rig = await MetaRig.start({ databaseUrl: cluster.url });
    await rig.spawn();
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await cluster?.destroy();
  });

  // A probe that hangs is no answer either (load balancers give up after a few seconds).
  const ready = () =>
    fetch(`${rig.app.url}/ready`, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.status,
      () => null,
    );
  const readyBecomes = (status: number, within: number) =>
    eventually(
      async () => ((await ready()) === status ? true : undefined),
      within,
      async () =>
        rig.app.child.exitCode === null
          ? `GET /ready still answers ${await ready()}`
          : `the app exited:\n${rig.app.output().slice(-2_000)}`,
    );

  it('answers /ready 503 while it is down and 200 after, and then handles every message acknowledged before, during and after', async () => {
    expect(await ready()).toBe(200);
    // Before: the first two steps of every lead, acknowledged; processing is still under way when the database goes.
    await play(0, 2, acknowledged(rig));
    await cluster?.stop();
    await readyBecomes(503, 5_000);

    // During: Meta gets no 200 (nothing could be stored) and keeps redelivering until one comes.
    const during = play(2, 3, redelivered(rig));
    await pause(OUTAGE_MS);
    expect(await ready()).toBe(503);
    expect((await fetch(`${rig.app.url}/health`)).status).toBe(200);
    const back = Date.now();
    await cluster?.start();
    await readyBecomes(200, 5_000);
    await during;
    // Reconnecting is prompt: Meta's next redelivery (at most 2 s apart here) is already acknowledged.
    expect(Date.now() - back, 'ms from the database being back to every redelivered webhook acknowledged').toBeLessThan(
      8_000,
    );

    // After: the last step (a pooled connection may still fail once on its first use after the restart).
    await play(3, 4, redelivered(rig));
    // Well within the outbox lease (60 s): nothing waits for a claim to run out.
    await rig.settle(30_000);

    expect(rig.app.child.exitCode).toBeNull();
    for (const waId of leads) {
      const messages = await rig.messagesOf(waId);
      expect(messages.filter((m) => m.direction === 'inbound').map((m) => m.waMessageId)).toEqual(
        (scripts.get(waId) ?? []).map((m) => m['id']),
      );
      const outbound = messages.filter((m) => m.direction === 'outbound');
      expect(outbound.map((m) => m.status)).toEqual(Array.from({ length: REPLIES_AFTER[4] ?? 0 }, () => 'sent'));
      expect(sentTo(rig.stub.sentMessages, waId)).toHaveLength(outbound.length);
    }
  }, 300_000);
});
