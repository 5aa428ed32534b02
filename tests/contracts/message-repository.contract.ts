import { describe, expect, it } from 'vitest';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MediaId,
  type MessageId,
  type UserId,
  type WaMessageId,
} from '../../domain/shared/ids.ts';
import { aConversation } from '../builders/conversation-builder.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { anOutboundMessage } from '../builders/outbound-message-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const ids = (messages: readonly { readonly id: MessageId }[]): MessageId[] => messages.map((m) => m.id);

export const messageRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: MessageRepository`, () => {
    const subject = useSubject(open);
    const messages = () => subject().repos.messages;

    it('returns null for an unknown id or Meta id', async () => {
      expect(await messages().byId(asId<MessageId>('nothing'))).toBeNull();
      expect(await messages().byWaMessageId(asId<WaMessageId>('wamid.nothing'))).toBeNull();
    });

    it('stores a new inbound message once, and refuses a redelivery of its Meta id', async () => {
      const first = anInboundMessage().withWaMessageId('wamid.A').saying('Hola').build();
      const redelivered = anInboundMessage().withWaMessageId('wamid.A').saying('Hola').build();

      expect(await messages().addInbound(first)).toBe(true);
      expect(await messages().addInbound(redelivered)).toBe(false);
      expect(await messages().byId(first.id)).toEqual(first);
      expect(await messages().byId(redelivered.id)).toBeNull();
      expect(await messages().byWaMessageId(first.waMessageId)).toEqual(first);
      expect(ids(await messages().byConversation(first.conversationId))).toEqual([first.id]);
    });

    it('inserts and replaces outbound messages, found by Meta id once sent', async () => {
      const queued = anOutboundMessage().saying('Hola').build();
      await messages().saveOutbound(queued);
      expect(await messages().byId(queued.id)).toEqual(queued);

      const sent = { ...queued, waMessageId: asId<WaMessageId>('wamid.out.1'), status: 'sent' as const, attempts: 1 };
      await messages().saveOutbound(sent);
      expect(await messages().byId(queued.id)).toEqual(sent);
      expect(await messages().byWaMessageId(sent.waMessageId)).toEqual(sent);
      expect(await messages().addInbound(anInboundMessage().withWaMessageId('wamid.out.1').build())).toBe(false);
    });

    it('keeps which message a quoted reply answers', async () => {
      const plain = anInboundMessage().withWaMessageId('wamid.R0').build();
      const reply = {
        ...anInboundMessage().withWaMessageId('wamid.R1').build(),
        replyTo: asId<WaMessageId>('wamid.R0'),
      };
      await messages().addInbound(plain);
      await messages().addInbound(reply);
      expect(await messages().byId(reply.id)).toEqual(reply);
      expect(await messages().byId(plain.id)).not.toHaveProperty('replyTo');
    });

    it('tells whether a person (not the bot) wrote in a conversation after a time', async () => {
      const c = asId<ConversationId>('conversation-p');
      const advisor = { kind: 'user', userId: asId<UserId>('u-ana') } as const;
      await messages().saveOutbound(anOutboundMessage().inConversation(c).createdAt(100).saying('bot').build());
      expect(await messages().personWroteSince(c, null)).toBe(false);

      await messages().saveOutbound(anOutboundMessage().inConversation(c).createdAt(200).by(advisor).build());
      await messages().addInbound(anInboundMessage().inConversation(c).sentAt(300).build());
      await messages().saveOutbound(anOutboundMessage().inConversation(c).createdAt(400).saying('ack').build());

      expect(await messages().personWroteSince(c, null)).toBe(true);
      expect(await messages().personWroteSince(c, 150)).toBe(true);
      expect(await messages().personWroteSince(c, 200)).toBe(true);
      expect(await messages().personWroteSince(c, 201)).toBe(false);
      expect(await messages().personWroteSince(c, 300)).toBe(false);
      expect(await messages().personWroteSince(asId<ConversationId>('conversation-q'), null)).toBe(false);
    });

    it("lists a conversation's messages in the order they were stored; a replaced one keeps its place", async () => {
      const c = asId<ConversationId>('conversation-x');
      const question = anInboundMessage().inConversation(c).sentAt(100).build();
      const reply1 = anOutboundMessage().inConversation(c).createdAt(100).saying('uno').build();
      const reply2 = anOutboundMessage().inConversation(c).createdAt(100).saying('dos').build();
      const elsewhere = anInboundMessage().inConversation('conversation-y').sentAt(100).build();
      await messages().addInbound(question);
      await messages().saveOutbound(reply1);
      await messages().addInbound(elsewhere);
      await messages().saveOutbound(reply2);
      await messages().saveOutbound({ ...reply1, status: 'delivered' });

      expect(ids(await messages().byConversation(c))).toEqual([question.id, reply1.id, reply2.id]);
      expect(await messages().byConversation(asId<ConversationId>('conversation-none'))).toEqual([]);
    });

    it("lists a lead's messages across its conversations, including those stored before it registered", async () => {
      const lead = asId<LeadId>('lead-1');
      await subject().repos.conversations.save(aConversation().withId('c-bot').ofLead(lead).build());
      const beforeRegistering = anInboundMessage().inConversation('c-bot').ofLead(null).build();
      const onOtherLine = anOutboundMessage().inConversation('c-crm').ofLead(lead).build();
      const someoneElse = anInboundMessage().inConversation('c-other').ofLead('lead-2').build();
      await messages().addInbound(beforeRegistering);
      await messages().addInbound(someoneElse);
      await messages().saveOutbound(onOtherLine);

      expect(ids(await messages().byLead(lead))).toEqual([beforeRegistering.id, onOtherLine.id]);
    });

    it('names the leads whose messages carry a file, through linked conversations too', async () => {
      const file = asId<MediaId>('media-1');
      await subject().repos.conversations.save(aConversation().withId('c-bot').ofLead(asId<LeadId>('lead-1')).build());
      const media = (mediaId: MediaId) =>
        ({ kind: 'media', mediaKind: 'image', mediaId, mimeType: 'image/jpeg' }) as const;
      await messages().addInbound(
        anInboundMessage()
          .inConversation('c-bot')
          .ofLead(null)
          .withContent({ kind: 'media', mediaKind: 'image', waMediaId: 'wa-1', mimeType: 'image/jpeg', mediaId: file })
          .build(),
      );
      await messages().saveOutbound(
        anOutboundMessage().inConversation('c-2').ofLead('lead-2').withContent(media(file)).build(),
      );
      await messages().saveOutbound(
        anOutboundMessage().inConversation('c-2').ofLead('lead-2').withContent(media(file)).build(),
      );
      await messages().saveOutbound(
        anOutboundMessage()
          .inConversation('c-3')
          .ofLead(null)
          .withContent({
            kind: 'template',
            name: 'cotizacion',
            language: 'es',
            parameters: [],
            renderedText: 'Su cotización',
            header: {
              kind: 'media',
              mediaKind: 'document',
              mediaId: asId<MediaId>('media-2'),
              mimeType: 'application/pdf',
            },
          })
          .build(),
      );
      await messages().saveOutbound(
        anOutboundMessage()
          .inConversation('c-4')
          .ofLead('lead-4')
          .withContent(media(asId<MediaId>('media-3')))
          .build(),
      );

      expect([...(await messages().leadsReferencingMedia(file))].sort()).toEqual(['lead-1', 'lead-2']);
      expect(await messages().leadsReferencingMedia(asId<MediaId>('media-2'))).toEqual([null]);
      expect(await messages().leadsReferencingMedia(asId<MediaId>('media-none'))).toEqual([]);
    });

    it('follows a message to its file as its content changes: copied after arrival, replaced, dropped', async () => {
      const copied = asId<MediaId>('media-copied');
      const pending = { kind: 'media', mediaKind: 'document', waMediaId: 'wa-9', mimeType: 'application/pdf' } as const;
      const inbound = anInboundMessage().ofLead('lead-1').withContent(pending).build();
      await messages().addInbound(inbound);
      expect(await messages().leadsReferencingMedia(copied)).toEqual([]);

      await messages().updateInboundContent(inbound.id, { ...pending, mediaId: copied });
      expect(await messages().leadsReferencingMedia(copied)).toEqual(['lead-1']);

      const first = asId<MediaId>('media-first');
      const outbound = anOutboundMessage()
        .ofLead('lead-2')
        .withContent({ kind: 'media', mediaKind: 'image', mediaId: first, mimeType: 'image/png' })
        .build();
      await messages().saveOutbound(outbound);
      expect(await messages().leadsReferencingMedia(first)).toEqual(['lead-2']);
      await messages().saveOutbound({ ...outbound, content: { kind: 'text', body: 'Sin archivo' } });
      expect(await messages().leadsReferencingMedia(first)).toEqual([]);
    });

    it('hands out queued outbound messages that are due, oldest first, at most the limit', async () => {
      const late = anOutboundMessage().inConversation('c-late').createdAt(300).build();
      const early = anOutboundMessage().inConversation('c-early').createdAt(100).build();
      const backingOff = anOutboundMessage()
        .inConversation('c-backing-off')
        .createdAt(50)
        .dueAt(2_000)
        .withAttempts(1)
        .build();
      const alreadySent = anOutboundMessage().inConversation('c-sent').createdAt(10).sentAs('wamid.sent').build();
      const failed = anOutboundMessage()
        .inConversation('c-failed')
        .createdAt(20)
        .failedWith({ code: '131026', title: 'Undeliverable' })
        .build();
      const middle = anOutboundMessage().inConversation('c-middle').createdAt(200).build();
      await messages().addInbound(anInboundMessage().sentAt(0).build());
      for (const m of [late, early, backingOff, alreadySent, failed, middle]) await messages().saveOutbound(m);

      expect(ids(await messages().claimDueOutbound(1_000, 10, 1_000))).toEqual([early.id, middle.id, late.id]);
      expect(ids(await messages().claimDueOutbound(1_000, 2, 1_000))).toEqual([early.id, middle.id]);
      expect(ids(await messages().claimDueOutbound(2_000, 10, 2_000))).toEqual([
        backingOff.id,
        early.id,
        middle.id,
        late.id,
      ]);
      expect(await messages().claimDueOutbound(99, 10, 99)).toEqual([]);
    });

    it('lets no other sender claim a message until its lease ends', async () => {
      const queued = anOutboundMessage().inConversation('c-lease').createdAt(100).build();
      await messages().saveOutbound(queued);

      expect(ids(await messages().claimDueOutbound(1_000, 10, 61_000))).toEqual([queued.id]);
      expect(await messages().claimDueOutbound(2_000, 10, 62_000)).toEqual([]);
      expect(ids(await messages().claimDueOutbound(61_001, 10, 121_001))).toEqual([queued.id]);
      await messages().saveOutbound({ ...queued, attempts: 1, nextAttemptAt: 70_000 });
      expect(ids(await messages().claimDueOutbound(70_000, 10, 130_000))).toEqual([queued.id]);
    });

    it("keeps a conversation's messages in order: only its oldest queued one is handed out", async () => {
      const first = anOutboundMessage().inConversation('c-1').createdAt(100).dueAt(5_000).withAttempts(1).build();
      const second = anOutboundMessage().inConversation('c-1').createdAt(200).build();
      const third = anOutboundMessage().inConversation('c-1').createdAt(300).build();
      const elsewhere = anOutboundMessage().inConversation('c-2').createdAt(400).build();
      for (const m of [third, second, first, elsewhere]) await messages().saveOutbound(m);

      expect(ids(await messages().claimDueOutbound(1_000, 10, 1_000))).toEqual([elsewhere.id]);
      expect(ids(await messages().claimDueOutbound(5_000, 10, 5_000))).toEqual([first.id, elsewhere.id]);
      await messages().saveOutbound({ ...first, status: 'sent', waMessageId: asId<WaMessageId>('wamid.1') });
      expect(ids(await messages().claimDueOutbound(5_000, 10, 5_000))).toEqual([second.id, elsewhere.id]);
    });
  });
