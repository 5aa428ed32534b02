import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../application/ports/inbox-repository.ts';
import { messageKeysOf } from '../../application/ports/inbox-repository.ts';
import type { ErasureScope } from '../../application/ports/personal-data-repository.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { DataSubjectRequest, DataSubjectRequestId } from '../../domain/lead/erasure.ts';
import { asId, type LeadId, type MessageId, type UserId, type WaMessageId } from '../../domain/shared/ids.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { phone } from '../builders/phone.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const message = (wamid: string, from: string): InboxEntry => ({
  kind: 'message',
  envelope: anEnvelope().withWaMessageId(wamid).fromPhone(from).build(),
});

const request = (id: string, leadId: string, at: number, kind: DataSubjectRequest['kind']): DataSubjectRequest => ({
  id: asId<DataSubjectRequestId>(id),
  leadId: asId<LeadId>(leadId),
  kind,
  actor: asId<UserId>('u-admin'),
  at,
  mediaIds: [],
});

const scope = (leadId: LeadId, over: Partial<ErasureScope> = {}): ErasureScope => ({
  leadId,
  messageIds: [],
  waMessageIds: [],
  inboxKeys: [],
  mediaIds: [],
  ...over,
});

export const personalDataRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: PersonalDataRepository`, () => {
    const subject = useSubject(open);
    const repos = () => subject().repos;

    it('keeps a lead’s consents with their e-mail, and an erasure keeps them as evidence only, first time kept', async () => {
      const lead = aLead()
        .withEmail('ana@correo.com')
        .withConsent({ at: 100, policyVersion: '2026-01', policyTextHash: null, messageId: null })
        .build();
      await repos().leads.save(lead);
      await repos().leads.save({
        ...lead,
        consent: { at: 200, policyVersion: '2026-02', policyTextHash: null, messageId: null },
      });
      expect(await repos().leads.consentsOf(lead.id)).toEqual([
        {
          at: 100,
          policyVersion: '2026-01',
          policyTextHash: null,
          messageId: null,
          email: 'ana@correo.com',
          evidenceOnlySince: null,
        },
        {
          at: 200,
          policyVersion: '2026-02',
          policyTextHash: null,
          messageId: null,
          email: 'ana@correo.com',
          evidenceOnlySince: null,
        },
      ]);

      await repos().personalData.erase(scope(lead.id), 5_000);
      await repos().personalData.erase(scope(lead.id), 9_000);

      expect(await repos().leads.consentsOf(lead.id)).toEqual([
        {
          at: 100,
          policyVersion: '2026-01',
          policyTextHash: null,
          messageId: null,
          email: null,
          evidenceOnlySince: 5_000,
        },
        {
          at: 200,
          policyVersion: '2026-02',
          policyTextHash: null,
          messageId: null,
          email: null,
          evidenceOnlySince: 5_000,
        },
      ]);
    });

    it('drops the inbox entries of the scope’s messages or keys, and only those, with their pending file copies', async () => {
      const { inbox, mediaFetches, personalData } = repos();
      await inbox.add(message('wamid.ana.1', '+573001000001'), 10);
      await inbox.add(message('wamid.ana.2', '+573001000001'), 11);
      await inbox.add(message('wamid.beto', '+573001000002'), 12);
      await inbox.add(
        {
          kind: 'status',
          envelope: { waMessageId: asId<WaMessageId>('wamid.out'), status: 'read', at: 1, failure: null },
        },
        13,
      );
      const fetch = { phoneNumberId: FAKE_PHONE_NUMBER_ID, waMediaId: 'wa-media-1' };
      await mediaFetches.add({ ...fetch, messageId: asId<MessageId>('msg-ana') }, 10);
      await mediaFetches.add({ ...fetch, messageId: asId<MessageId>('msg-beto'), waMediaId: 'wa-media-2' }, 10);

      await personalData.erase(
        scope(asId<LeadId>('lead-ana'), {
          messageIds: [asId<MessageId>('msg-ana')],
          waMessageIds: [asId<WaMessageId>('wamid.ana.1')],
          inboxKeys: messageKeysOf(FAKE_PHONE_NUMBER_ID, { phone: phone('+573001000001'), userId: null }),
        }),
        100,
      );

      expect(await inbox.pendingCount()).toBe(2);
      const left = [];
      for (let claimed = await inbox.claimNext(200); claimed !== null; claimed = await inbox.claimNext(200)) {
        left.push(claimed.entry.envelope);
        await inbox.markProcessed(claimed.id, 200);
      }
      expect(left).toHaveLength(2);
      expect(left).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ waMessageId: 'wamid.beto' }),
          expect.objectContaining({ waMessageId: 'wamid.out' }),
        ]),
      );
      expect(await mediaFetches.pendingCount()).toBe(1);
    });

    it('lists requests newest first, a page at a time after a position, for one lead or all', async () => {
      const { personalData } = repos();
      for (const r of [
        request('dsr_1', 'lead-a', 100, 'access'),
        request('dsr_2', 'lead-b', 200, 'erasure'),
        request('dsr_3', 'lead-a', 200, 'erasure'),
        request('dsr_4', 'lead-a', 300, 'access'),
      ])
        await personalData.recordRequest(r);

      const ids = (rs: DataSubjectRequest[]) => rs.map((r) => r.id);
      expect(ids(await personalData.requests({ limit: 10 }))).toEqual(['dsr_4', 'dsr_3', 'dsr_2', 'dsr_1']);
      expect(ids(await personalData.requests({ limit: 2, after: { at: 200, id: asId('dsr_3') } }))).toEqual([
        'dsr_2',
        'dsr_1',
      ]);
      expect(ids(await personalData.requests({ limit: 10, leadId: asId<LeadId>('lead-a') }))).toEqual([
        'dsr_4',
        'dsr_3',
        'dsr_1',
      ]);
      expect(ids(await personalData.requestsOf(asId<LeadId>('lead-a')))).toEqual(['dsr_1', 'dsr_3', 'dsr_4']);
      expect(await personalData.requests({ limit: 1 })).toEqual([request('dsr_4', 'lead-a', 300, 'access')]);
    });
  });
