import { describe, expect, it } from 'vitest';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { Repositories, Transaction } from '../../application/ports/unit-of-work.ts';
import type { QuoteDrafts } from '../../application/use-cases/quote-drafts.ts';
import {
  DEAD_LETTER_AFTER,
  type InboxHandlers,
  inboxHandlers,
  ProcessInbox,
  type ProcessedEntry,
} from '../../application/use-cases/process-inbox.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { theFakeWhatsAppLine } from '../builders/line-builder.ts';
import { T0 } from '../support/t0.ts';
import { aWorld, outboxOf, quoteDepsOf } from '../support/world.ts';

const LEAD = '+573004440001';

/** The line the fake WhatsApp's leads write to and nothing else, with the outbox that sends the bot's replies. */
const deskWithLine = async () => {
  const world = aWorld(T0);
  await world.given({ lines: [theFakeWhatsAppLine().build()] });
  return { ...world, ...outboxOf(world) };
};

type Desk = Awaited<ReturnType<typeof deskWithLine>>;

/** The inbox worker as the desk builds it, except that messages with a poisoned Meta id fail `failures` times (for ever by default). */
const workerWithPoison = (desk: Desk, poisoned: string, failures = Number.POSITIVE_INFINITY) => {
  const real = inboxHandlers(quoteDepsOf(desk));
  const attempts: number[] = [];
  const reports: ProcessedEntry[] = [];
  const handlers: InboxHandlers = {
    ...real,
    message: async (tx: Transaction, envelope: InboundEnvelope, drafts: QuoteDrafts) => {
      if (envelope.waMessageId === poisoned && attempts.push(desk.clock.now()) <= failures) {
        throw Object.assign(new Error(`Failed query: insert into conversations … params: ${LEAD},Hola`), {
          code: '23505',
          constraint_name: 'conversations_line_phone_unique',
        });
      }
      return real.message(tx, envelope, drafts);
    },
  };
  const worker = new ProcessInbox(desk.uow, desk.clock, handlers, {
    report: (entry) => reports.push(entry),
  });
  return { worker, attempts, reports };
};

const queue = (desk: Desk, ...envelopes: InboundEnvelope[]) =>
  desk.read(async (r) => {
    for (const envelope of envelopes) await r.inbox.add({ kind: 'message', envelope }, desk.clock.now());
  });

/** Works the inbox off for `minutes`, a minute at a time, sending the replies. */
const runFor = async (desk: Desk, worker: ProcessInbox, minutes: number) => {
  for (let i = 0; i < minutes; i++) {
    await worker.drain();
    await desk.dispatch();
    desk.clock.advance(MINUTE_MS);
  }
};

describe('an inbox entry that keeps failing', () => {
  it("is tried a bounded number of times with growing pauses, then set aside so the sender's next messages go through", async () => {
    const desk = await deskWithLine();
    const poison = anEnvelope().withWaMessageId('wamid.poison').fromPhone(LEAD).sentAt(T0).saying('Hola').build();
    const next = anEnvelope()
      .withWaMessageId('wamid.next')
      .fromPhone(LEAD)
      .sentAt(T0 + 1)
      .saying('Hola')
      .build();
    await queue(desk, poison, next);
    const { worker, attempts, reports } = workerWithPoison(desk, 'wamid.poison');

    await runFor(desk, worker, 60);

    expect(attempts).toHaveLength(DEAD_LETTER_AFTER);
    const pauses = attempts.slice(1).map((at, i) => at - (attempts[i] ?? 0));
    expect(pauses).toEqual([...pauses].sort((a, b) => a - b));
    expect(desk.whatsapp.lead(LEAD).lastText()).toContain('correo electrónico');
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
    const deadLettered = reports.filter((r) => r.outcome === 'dead_lettered');
    expect(deadLettered).toEqual([
      {
        id: 1,
        kind: 'message',
        outcome: 'dead_lettered',
        attempts: DEAD_LETTER_AFTER,
        errorCode: 'sqlstate_23505',
        error: expect.any(String),
      },
    ]);
    expect(JSON.stringify(reports)).not.toContain(LEAD);
    expect(JSON.stringify(reports)).not.toContain('Hola');
  });

  it('keeps its place while it is retried: a message that fails a few times is still handled before the later ones', async () => {
    const desk = await deskWithLine();
    const email = anEnvelope()
      .withWaMessageId('wamid.email')
      .fromPhone(LEAD)
      .sentAt(T0 + 1)
      .saying('lucia@correo.com')
      .build();
    await queue(
      desk,
      anEnvelope().withWaMessageId('wamid.hola').fromPhone(LEAD).sentAt(T0).saying('Hola').build(),
      email,
    );
    const { worker, attempts, reports } = workerWithPoison(desk, 'wamid.hola', 3);

    await runFor(desk, worker, 10);

    expect(attempts).toHaveLength(4);
    expect(reports.map((r) => r.outcome)).toEqual(['failed', 'failed', 'failed', 'handled', 'handled']);
    const conversation = await desk.read((r) =>
      r.conversations.byIdentity(poisonLine, { phone: email.from.phone, userId: null }),
    );
    expect(conversation?.bot.step).toBe('awaitingConsent');
  });

  it('is not tried again before its pause is over', async () => {
    const desk = await deskWithLine();
    await queue(desk, anEnvelope().withWaMessageId('wamid.poison').fromPhone(LEAD).sentAt(T0).build());
    const { worker, attempts } = workerWithPoison(desk, 'wamid.poison');

    await worker.drain();
    await worker.drain();
    desk.clock.advance(500);
    await worker.drain();

    expect(attempts).toHaveLength(1);
  });
});

const poisonLine = 'line-main' as Parameters<Repositories['conversations']['byIdentity']>[0];
