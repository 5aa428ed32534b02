import { Conflict } from '../../application/ports/conflict.ts';
import { describe, expect, it } from 'vitest';
import {
  asId,
  type ConversationId,
  type MediaId,
  type QuoteId,
  type UnitId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import { aQuoteRecord } from '../builders/quote-record-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

export const quoteRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: QuoteRepository`, () => {
    const subject = useSubject(open);
    const quotes = () => subject().repos.quotes;

    it('numbers quotes 1, 2, 3… without gaps', async () => {
      expect([await quotes().nextSequence(), await quotes().nextSequence(), await quotes().nextSequence()]).toEqual([
        1, 2, 3,
      ]);
    });

    it('returns null for an unknown id', async () => {
      expect(await quotes().byId(asId<QuoteId>('nothing'))).toBeNull();
    });

    it('returns what was saved, figures included, and a later save replaces it', async () => {
      const record = aQuoteRecord().forVisit('visit-1').numbered('COT-000042').build();
      await quotes().save(record);
      expect(await quotes().byId(record.quote.id)).toEqual(record);

      const withPdf = aQuoteRecord()
        .withId(record.quote.id)
        .forVisit('visit-1')
        .numbered('COT-000042')
        .withPdf('media-9')
        .build();
      await quotes().save(withPdf);
      expect(await quotes().byId(record.quote.id)).toEqual(withPdf);
    });

    it('lists the quotes of a visit and of a conversation, in the order issued', async () => {
      const later = aQuoteRecord().inConversation('c-1').forVisit('visit-1').issuedAt(200).build();
      const earlier = aQuoteRecord().inConversation('c-1').forVisit('visit-1').issuedAt(100).build();
      const noVisit = aQuoteRecord().inConversation('c-1').forVisit(null).issuedAt(300).build();
      const elsewhere = aQuoteRecord().inConversation('c-2').forVisit('visit-2').issuedAt(50).build();
      for (const r of [later, elsewhere, earlier, noVisit]) await quotes().save(r);

      const idsOf = (records: readonly { readonly quote: { readonly id: QuoteId } }[]) =>
        records.map((r) => r.quote.id);
      expect(idsOf(await quotes().byVisit(asId<VisitId>('visit-1')))).toEqual([earlier.quote.id, later.quote.id]);
      expect(idsOf(await quotes().byConversation(asId<ConversationId>('c-1')))).toEqual([
        earlier.quote.id,
        later.quote.id,
        noVisit.quote.id,
      ]);
      expect(await quotes().byVisit(asId<VisitId>('visit-none'))).toEqual([]);
    });

    it('finds the newest version of a unit’s quotes in a conversation', async () => {
      const v1 = aQuoteRecord().inConversation('c-1').numbered('COT-000007').build();
      const v3 = aQuoteRecord().inConversation('c-1').numbered('COT-000007').versioned(3).build();
      const v2 = aQuoteRecord().inConversation('c-1').numbered('COT-000007').versioned(2).build();
      const elsewhere = aQuoteRecord().inConversation('c-2').numbered('COT-000008').versioned(9).build();
      for (const r of [v1, v3, v2, elsewhere]) await quotes().save(r);

      expect(await quotes().latestForUnit(asId<ConversationId>('c-1'), v1.quote.unitId)).toEqual(v3);
      expect(await quotes().latestForUnit(asId<ConversationId>('c-1'), asId<UnitId>('unit-never-quoted'))).toBeNull();
      expect(await quotes().latestForUnit(asId<ConversationId>('c-3'), v1.quote.unitId)).toBeNull();
    });

    it('refuses a second quote with a number and version already taken, as a Conflict', async () => {
      await quotes().save(aQuoteRecord().numbered('COT-000009').versioned(2).build());

      await expect(quotes().save(aQuoteRecord().numbered('COT-000009').versioned(2).build())).rejects.toBeInstanceOf(
        Conflict,
      );
      await expect(quotes().save(aQuoteRecord().numbered('COT-000009').versioned(3).build())).resolves.toBeUndefined();
    });

    it('tells whether any quote was made for a unit, and finds quotes by their PDF', async () => {
      const withPdf = aQuoteRecord().withPdf('media-pdf').build();
      await quotes().save(withPdf);
      await quotes().save(aQuoteRecord().withPdf(null).build());

      expect(await quotes().anyForUnit(withPdf.quote.unitId)).toBe(true);
      expect(await quotes().anyForUnit(asId<UnitId>('unit-never-quoted'))).toBe(false);
      expect(await quotes().byPdfMedia(asId<MediaId>('media-pdf'))).toEqual([withPdf]);
      expect(await quotes().byPdfMedia(asId<MediaId>('media-none'))).toEqual([]);
    });
  });
