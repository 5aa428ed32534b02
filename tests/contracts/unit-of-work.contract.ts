import { describe, expect, it } from 'vitest';
import { asId, type ConversationId } from '../../domain/shared/ids.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

class Boom extends Error {}

export const unitOfWorkContract = (name: string, open: OpenSubject) =>
  describe(`${name}: TransactionalStore`, () => {
    const subject = useSubject(open);

    it('commits: what a transaction wrote is visible afterwards, and its result is returned', async () => {
      const lead = aLead().build();
      const result = await subject().uow.transaction(async (repos) => {
        await repos.leads.save(lead);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await subject().repos.leads.byId(lead.id)).toEqual(lead);
    });

    it('runs a single call, whose write is then visible, and passes its failure on', async () => {
      const lead = aLead().build();

      const result = await subject().uow.single(async (repos) => {
        await repos.leads.save(lead);
        return 'saved';
      });

      expect(result).toBe('saved');
      expect(await subject().repos.leads.byId(lead.id)).toEqual(lead);
      await expect(subject().uow.single(() => Promise.reject(new Boom()))).rejects.toBeInstanceOf(Boom);
    });

    it('sees its own writes before committing', async () => {
      const lead = aLead().build();
      const seen = await subject().uow.transaction(async (repos) => {
        await repos.leads.save(lead);
        return repos.leads.byId(lead.id);
      });
      expect(seen).toEqual(lead);
    });

    it('rolls back everything written in a transaction that throws, and rethrows', async () => {
      const kept = aLead().withName('Kept').build();
      await subject().repos.leads.save(kept);
      const lead = aLead().build();
      const message = anInboundMessage().build();

      const failing = subject().uow.transaction(async (repos) => {
        await repos.leads.save(lead);
        await repos.leads.save({ ...kept, name: 'Changed' });
        await repos.messages.addInbound(message);
        await repos.settings.save({
          ...(await repos.settings.current()),
          flow: { narrowAbove: 99, welcomeBackAfterHours: 12 },
        });
        throw new Boom('failed half-way');
      });

      await expect(failing).rejects.toBeInstanceOf(Boom);
      expect(await subject().repos.leads.byId(lead.id)).toBeNull();
      expect(await subject().repos.leads.byId(kept.id)).toEqual(kept);
      expect(await subject().repos.messages.byId(message.id)).toBeNull();
      expect((await subject().repos.settings.current()).flow.narrowAbove).not.toBe(99);
    });

    it('keeps working after a rollback', async () => {
      await expect(subject().uow.transaction(async () => Promise.reject(new Boom('no')))).rejects.toBeInstanceOf(Boom);
      const lead = aLead().build();
      await subject().uow.transaction((repos) => repos.leads.save(lead));
      expect(await subject().repos.leads.byId(lead.id)).toEqual(lead);
    });

    it('never interleaves transactions on the same conversation: no update is lost', async () => {
      const id = asId<ConversationId>('conversation-busy');
      await subject().repos.conversations.save(aConversation().withId(id).lastInboundAt(0).build());

      // Each transaction reads, yields, then writes the read value plus one.
      const bump = () =>
        subject().uow.transaction(async (repos) => {
          const c = await repos.conversations.byId(id);
          if (c === null) throw new Error('conversation vanished');
          await new Promise((resolve) => setTimeout(resolve, 1));
          await repos.conversations.save({ ...c, lastInboundAt: (c.lastInboundAt ?? 0) + 1 });
        });
      await Promise.all(Array.from({ length: 5 }, bump));

      expect((await subject().repos.conversations.byId(id))?.lastInboundAt).toBe(5);
    });
  });
