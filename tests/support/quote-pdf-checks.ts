import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { InMemoryRateLimiter } from '../../adapters/memory/in-memory-rate-limiter.ts';
import type { MediaStore } from '../../application/ports/media-store.ts';
import type { Repositories, TransactionalStore } from '../../application/ports/unit-of-work.ts';
import type { Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { asId, type VisitId } from '../../domain/shared/ids.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { registerThroughBot, toMiradorOutcomeChoice } from '../builders/desk-leads.ts';
import { chatToolsUseCases } from './chat-tools-routes.ts';
import { startDesk, T0, type Desk } from './desk-harness.ts';
import { actorNamed, leadUseCases } from './lead-desk-routes.ts';

/**
 * A unit of work that knows whether code runs inside one of its transactions (in that code's own async
 * context: other lanes of the pipeline run transactions of their own meanwhile), and can make storing a quote
 * fail (as a full disk or a lost connection would, after the PDF is rendered and stored).
 */
class WatchedUnitOfWork implements TransactionalStore {
  readonly #inside = new AsyncLocalStorage<true>();
  failQuoteSaves = false;

  /** Whether the caller runs inside a transaction's work. */
  inside(): boolean {
    return this.#inside.getStore() === true;
  }

  constructor(private readonly inner: TransactionalStore) {}

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.inner.transaction((repos) => this.#watch(repos, work));
  }

  single<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.inner.single((repos) => this.#watch(repos, work));
  }

  #watch<T>(repos: Repositories, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.#inside.run(true, () => {
      if (!this.failQuoteSaves) return work(repos);
      const fail = () => Promise.reject(new Error('quote not saved: disk full'));
      const quotes = new Proxy(repos.quotes, {
        get: (target, key) => (key === 'save' ? fail : (Reflect.get(target, key) as () => unknown).bind(target)),
      });
      return work({ ...repos, quotes });
    });
  }
}

/** The adapters under test: a unit of work and the media store beside it, and how many files it holds. */
export type QuotePdfStorage = {
  readonly uow: TransactionalStore;
  readonly media: MediaStore;
  /** Files (rows, or files on disk) the store holds, whoever wrote them. */
  files(): Promise<number>;
  close(): Promise<void>;
};

const admin = actorNamed('admin');

const deskOn = async (opened: QuotePdfStorage) => {
  const uow = new WatchedUnitOfWork(opened.uow);
  const storage: Storage = {
    store: uow,
    media: opened.media,
    rateLimiter: new InMemoryRateLimiter(),
    notifications: null,
    description: 'quote PDF checks',
    ping: () => Promise.resolve(true),
    close: opened.close,
  };
  const desk = await startDesk(T0, storage);
  const renderer = desk.container.get(TOKENS.QuoteDocumentRenderer);
  const render = renderer.render.bind(renderer);
  /** For each PDF rendered: whether a transaction's work was running meanwhile. */
  const renders: boolean[] = [];
  renderer.render = async (document) => {
    renders.push(uow.inside());
    const pdf = await render(document);
    renders.push(uow.inside());
    return pdf;
  };
  return { desk, uow, renders };
};

const visitOf = async (desk: Desk) => {
  const { lead } = await registerThroughBot(desk, '+573007770091', 'Marta Gil');
  const visit = await leadUseCases(desk).openVisit.execute({
    actor: admin,
    leadId: lead.id,
    projectId: asId('p-bog-1'),
  });
  if (!visit.ok) throw new Error('no visit');
  return visit.value.id as VisitId;
};

/**
 * Quote PDFs are rendered outside any transaction and stored with their quote atomically: a failure after
 * rendering leaves no file behind, on whichever store.
 */
export const quotePdfChecks = (name: string, open: () => Promise<QuotePdfStorage>) =>
  describe(`${name}: quote PDFs`, () => {
    it("of the CRM's quotes are rendered outside any transaction and stored with the quote", async () => {
      const opened = await open();
      try {
        const { desk, renders } = await deskOn(opened);
        const visitId = await visitOf(desk);
        const before = await opened.files();

        const created = await chatToolsUseCases(desk).createVisitQuote.execute({
          actor: admin,
          visitId,
          unitTypeId: asId('p-bog-1-t1'),
        });

        if (!created.ok) throw new Error('no quote');
        expect(created.value.quote.number).toBe('COT-000001');
        expect(renders).toEqual([false, false]);
        expect(await opened.files()).toBe(before + 1);
        const pdf = await desk.media.get(created.value.pdfMediaId ?? asId('none'));
        expect(new TextDecoder().decode(pdf?.bytes.slice(0, 5))).toBe('%PDF-');
        expect(pdf).toMatchObject({ filename: 'COT-000001.pdf', mimeType: 'application/pdf' });
      } finally {
        await opened.close();
      }
    });

    it('leave no file when the transaction storing the quote fails after rendering', async () => {
      const opened = await open();
      try {
        const { desk, uow, renders } = await deskOn(opened);
        const visitId = await visitOf(desk);
        const before = await opened.files();
        uow.failQuoteSaves = true;

        await expect(
          chatToolsUseCases(desk).createVisitQuote.execute({ actor: admin, visitId, unitTypeId: asId('p-bog-1-t1') }),
        ).rejects.toThrow('disk full');

        expect(renders).toEqual([false, false]);
        expect(await opened.files()).toBe(before);
        expect(await desk.read((r) => r.quotes.byVisit(visitId))).toEqual([]);
      } finally {
        await opened.close();
      }
    });

    it("of the bot's quotes reach the lead as before, rendered outside; a failed turn leaves no file and is retried", async () => {
      const opened = await open();
      try {
        const { desk, uow, renders } = await deskOn(opened);
        const camila = await toMiradorOutcomeChoice(desk, '+573002220091');
        const files = await opened.files();
        const seen = camila.inbox().length;

        uow.failQuoteSaves = true;
        await camila.tap('Simular cotización');
        expect(camila.inbox().length).toBe(seen);
        expect(await opened.files()).toBe(files);

        uow.failQuoteSaves = false;
        desk.clock.advance(MINUTE_MS);
        await desk.idle();

        const [summary, pdf] = camila
          .inbox()
          .slice(seen)
          .map((m) => m.content);
        expect(summary).toMatchObject({ kind: 'text', body: expect.stringContaining('COT-000001') });
        expect(pdf).toMatchObject({ kind: 'media', mediaKind: 'document', filename: 'COT-000001.pdf' });
        expect(renders.every((inside) => !inside)).toBe(true);
        expect(await opened.files()).toBe(files + 1);
      } finally {
        await opened.close();
      }
    });
  });
