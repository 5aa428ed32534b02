import { describe, expect, it } from 'vitest';
import { Conflict } from '../../application/ports/conflict.ts';
import { asId, type ConversationId, type LeadId, type LineId } from '../../domain/shared/ids.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { phone } from '../builders/phone.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const lineA = asId<LineId>('line-a');
const lineB = asId<LineId>('line-b');

export const conversationRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: ConversationRepository`, () => {
    const subject = useSubject(open);
    const conversations = () => subject().repos.conversations;

    it('returns null for an unknown id', async () => {
      expect(await conversations().byId(asId<ConversationId>('nothing'))).toBeNull();
    });

    it('returns what was saved, and a later save replaces it', async () => {
      const conversation = aConversation().withBot({ step: 'awaitingEmail' }).build();
      await conversations().save(conversation);
      expect(await conversations().byId(conversation.id)).toEqual(conversation);

      const later = {
        ...conversation,
        lastInboundAt: 500,
        profileName: 'Ana M.',
        bot: { step: 'withAdvisor' } as const,
        origin: { referral: null, text: 'Hola 👋', at: 400 },
      };
      await conversations().save(later);
      expect(await conversations().byId(conversation.id)).toEqual(later);

      // When the lead was last told their advisor will answer: kept, and absent until then.
      expect(await conversations().byId(conversation.id)).not.toHaveProperty('acknowledgedAt');
      const acknowledged = { ...later, acknowledgedAt: 600 };
      await conversations().save(acknowledged);
      expect(await conversations().byId(conversation.id)).toEqual(acknowledged);
    });

    it('finds the conversation of a user on a line, by user id first, else by phone', async () => {
      const byPhone = aConversation().onLine(lineA).withContact({ phone: '+573001112233', userId: null }).build();
      const byUser = aConversation().onLine(lineA).withContact({ phone: null, userId: 'CO.9' }).build();
      await conversations().save(byPhone);
      await conversations().save(byUser);

      const phoneOnly = { phone: phone('+573001112233'), userId: null };
      expect((await conversations().byIdentity(lineA, phoneOnly))?.id).toBe(byPhone.id);
      const both = { phone: phone('+573001112233'), userId: 'CO.9' };
      expect((await conversations().byIdentity(lineA, both))?.id).toBe(byUser.id);
      const unknownUser = { phone: phone('+573001112233'), userId: 'CO.other' };
      expect((await conversations().byIdentity(lineA, unknownUser))?.id).toBe(byPhone.id);
    });

    it('keeps each line apart and matches nothing on missing values', async () => {
      await conversations().save(
        aConversation().onLine(lineA).withContact({ phone: '+573001112233', userId: null }).build(),
      );
      await conversations().save(aConversation().onLine(lineA).withContact({ phone: null, userId: 'CO.1' }).build());

      expect(await conversations().byIdentity(lineB, { phone: phone('+573001112233'), userId: null })).toBeNull();
      expect(await conversations().byIdentity(lineA, { phone: null, userId: 'CO.2' })).toBeNull();
      expect(await conversations().byIdentity(lineA, { phone: phone('+573004445566'), userId: null })).toBeNull();
    });

    it("refuses a phone or a user id that another conversation on the same line holds, as PostgreSQL's unique keys do", async () => {
      const holder = aConversation().onLine(lineA).withContact({ phone: '+573001112233', userId: 'CO.1' }).build();
      await conversations().save(holder);

      const samePhone = aConversation().onLine(lineA).withContact({ phone: '+573001112233', userId: null }).build();
      await expect(conversations().save(samePhone)).rejects.toBeInstanceOf(Conflict);
      const sameUser = aConversation().onLine(lineA).withContact({ phone: '+573004445566', userId: 'CO.1' }).build();
      await expect(conversations().save(sameUser)).rejects.toBeInstanceOf(Conflict);
      const otherLine = aConversation().onLine(lineB).withContact({ phone: '+573001112233', userId: 'CO.1' }).build();
      await conversations().save(otherLine);
      expect(await conversations().byId(otherLine.id)).toEqual(otherLine);
    });

    it('releases a phone from whichever other conversation on the line holds it, keeping everything else', async () => {
      const holder = aConversation()
        .onLine(lineA)
        .withContact({ phone: '+573001112233', userId: null })
        .ofLead('lead-h')
        .build();
      const taker = aConversation().onLine(lineA).withContact({ phone: '+573009998877', userId: 'CO.7' }).build();
      const elsewhere = aConversation().onLine(lineB).withContact({ phone: '+573001112233', userId: null }).build();
      for (const c of [holder, taker, elsewhere]) await conversations().save(c);

      await conversations().releasePhone(lineA, phone('+573001112233'), taker.id);
      await conversations().releasePhone(lineA, phone('+573009998877'), taker.id);

      expect(await conversations().byId(holder.id)).toEqual({ ...holder, contact: { phone: null, userId: null } });
      expect(await conversations().byId(taker.id)).toEqual(taker);
      expect(await conversations().byId(elsewhere.id)).toEqual(elsewhere);
      const moved = { ...taker, contact: { phone: phone('+573001112233'), userId: 'CO.7' } };
      await conversations().save(moved);
      expect(await conversations().byIdentity(lineA, { phone: phone('+573001112233'), userId: null })).toEqual(moved);
    });

    it('pages the conversations without a lead, newest first, after a cursor', async () => {
      const at = (n: number, t: number, lead: string | null = null) =>
        aConversation()
          .withId(`c-${n}`)
          .withContact({ phone: `+57300111${String(n).padStart(4, '0')}`, userId: null })
          .ofLead(lead)
          .createdAt(t)
          .build();
      for (const c of [at(1, 100), at(2, 300), at(3, 200), at(4, 300), at(5, 400, 'lead-5')])
        await conversations().save(c);

      const first = await conversations().unregistered(null, 2);
      expect(first.map((c) => c.id)).toEqual(['c-4', 'c-2']);
      const last = first[1];
      const rest = await conversations().unregistered(
        last === undefined ? null : { createdAt: last.createdAt, id: last.id },
        10,
      );
      expect(rest.map((c) => c.id)).toEqual(['c-3', 'c-1']);
    });

    it("lists a lead's conversations, the latest inbound first and those never written to last", async () => {
      const lead = asId<LeadId>('lead-1');
      const silent = aConversation().ofLead(lead).onLine('line-s').lastInboundAt(null).build();
      const older = aConversation().ofLead(lead).onLine('line-o').lastInboundAt(100).build();
      const newer = aConversation().ofLead(lead).onLine('line-n').lastInboundAt(900).build();
      const someoneElse = aConversation().ofLead('lead-2').lastInboundAt(1000).build();
      for (const c of [silent, older, someoneElse, newer]) await conversations().save(c);

      expect((await conversations().byLead(lead)).map((c) => c.id)).toEqual([newer.id, older.id, silent.id]);
      expect(await conversations().byLead(asId<LeadId>('lead-none'))).toEqual([]);
    });
  });
