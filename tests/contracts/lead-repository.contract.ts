import { describe, expect, it } from 'vitest';
import { asId, type LeadId, type UserId } from '../../domain/shared/ids.ts';
import { aLead } from '../builders/lead-builder.ts';
import { phone } from '../builders/phone.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const ana = asId<UserId>('advisor-ana');
const beto = asId<UserId>('advisor-beto');

export const leadRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: LeadRepository`, () => {
    const subject = useSubject(open);
    const leads = () => subject().repos.leads;

    it('returns null for an unknown id', async () => {
      expect(await leads().byId(asId<LeadId>('nobody'))).toBeNull();
    });

    it('returns what was saved, and a later save replaces it', async () => {
      const lead = aLead().withId('lead-a').withName('Ana').build();
      await leads().save(lead);
      expect(await leads().byId(lead.id)).toEqual(lead);

      const renamed = { ...lead, name: 'Ana María', advisorId: ana, assignedAt: 5 };
      await leads().save(renamed);
      expect(await leads().byId(lead.id)).toEqual(renamed);
      expect(await leads().list()).toHaveLength(1);
    });

    it('keeps where the lead came from, a chat from an ad or a CRM user’s hand', async () => {
      const referral = {
        sourceType: 'ad' as const,
        sourceId: '1202',
        sourceUrl: 'https://fb.me/x',
        headline: 'Casas en Cali',
        body: null,
        mediaType: 'video',
        ctwaClid: 'clid',
      };
      const fromAd = aLead().withOrigin({ channel: 'whatsapp', referral, text: 'Hola', at: 7 }).build();
      const typedIn = aLead()
        .withOrigin({ channel: 'crm', source: 'walk_in', createdBy: ana, note: 'Feria de vivienda' })
        .build();
      await leads().save(fromAd);
      await leads().save(typedIn);
      expect(await leads().byId(fromAd.id)).toEqual(fromAd);
      expect(await leads().byId(typedIn.id)).toEqual(typedIn);
    });

    it('finds a lead by WhatsApp user id even when the phone differs or is missing', async () => {
      const lead = aLead().withPhone(null).withWaUserId('CO.123').build();
      await leads().save(lead);
      expect(await leads().byIdentity({ phone: null, userId: 'CO.123' })).toEqual(lead);
      expect(await leads().byIdentity({ phone: phone('+573009999999'), userId: 'CO.123' })).toEqual(lead);
    });

    it('falls back to the phone when no lead has the user id', async () => {
      const lead = aLead().withPhone('+573001112233').withWaUserId(null).build();
      await leads().save(lead);
      expect(await leads().byIdentity({ phone: phone('573001112233'), userId: 'CO.new' })).toEqual(lead);
    });

    it('prefers the lead with the user id over another with the phone', async () => {
      const byPhone = aLead().withId('lead-phone').withPhone('+573001112233').withWaUserId(null).build();
      const byUser = aLead().withId('lead-user').withPhone('+573004445566').withWaUserId('CO.7').build();
      await leads().save(byPhone);
      await leads().save(byUser);
      const found = await leads().byIdentity({ phone: phone('+573001112233'), userId: 'CO.7' });
      expect(found?.id).toBe(byUser.id);
    });

    it('returns null when neither the user id nor the phone is known, and never matches on missing values', async () => {
      await leads().save(aLead().withPhone(null).withWaUserId('CO.1').build());
      await leads().save(aLead().withPhone('+573001112233').withWaUserId(null).build());
      expect(await leads().byIdentity({ phone: phone('+573007778899'), userId: 'CO.2' })).toBeNull();
      expect(await leads().byIdentity({ phone: null, userId: 'CO.2' })).toBeNull();
      expect(await leads().byIdentity({ phone: phone('+573007778899'), userId: null })).toBeNull();
    });

    it('lists every lead oldest first', async () => {
      const middle = aLead().withId('lead-m').createdAt(200).build();
      const newest = aLead().withId('lead-n').createdAt(300).build();
      const oldest = aLead().withId('lead-o').createdAt(100).build();
      for (const lead of [middle, newest, oldest]) await leads().save(lead);
      expect((await leads().list()).map((l) => l.id)).toEqual([oldest.id, middle.id, newest.id]);
    });

    it('counts the leads of each advisor asked for, in the order asked, with the latest assignment', async () => {
      await leads().save(aLead().assignedTo(ana, 100).build());
      await leads().save(aLead().assignedTo(ana, 300).build());
      await leads().save(aLead().assignedTo(beto, 200).build());
      await leads().save(aLead().unassigned().build());
      const nobody = asId<UserId>('advisor-new');

      expect(await leads().loadsOf([beto, nobody, ana])).toEqual([
        { advisorId: beto, assignedLeads: 1, lastAssignedAt: 200 },
        { advisorId: nobody, assignedLeads: 0, lastAssignedAt: null },
        { advisorId: ana, assignedLeads: 2, lastAssignedAt: 300 },
      ]);
      expect(await leads().loadsOf([])).toEqual([]);
    });

    it('hands out copies: changing a returned lead changes nothing stored', async () => {
      const lead = aLead().withName('Ana').build();
      await leads().save(lead);
      const loaded = await leads().byId(lead.id);
      (loaded as { name: string | null }).name = 'Changed';
      expect((await leads().byId(lead.id))?.name).toBe('Ana');
    });
  });
