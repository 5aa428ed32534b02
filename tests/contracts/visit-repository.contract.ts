import { describe, expect, it } from 'vitest';
import { asId, type LeadId, type PriceBucketId, type VisitId } from '../../domain/shared/ids.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

export const visitRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: VisitRepository`, () => {
    const subject = useSubject(open);
    const visits = () => subject().repos.visits;

    it("keeps a lead's notes, newest first, by visit or all, and erases them with the lead", async () => {
      const lead = asId<LeadId>('lead-notes');
      const other = asId<LeadId>('lead-other');
      const visit = asId<VisitId>('visit-notes');
      await visits().addNote({ leadId: lead, visitId: null, text: '¿Aceptan mascotas?', at: 100 });
      await visits().addNote({ leadId: lead, visitId: visit, text: '¿Tienen parqueadero?', at: 200 });
      await visits().addNote({ leadId: other, visitId: null, text: '¿Hay piscina?', at: 300 });

      expect((await visits().notes(lead, null, 10)).map((n) => n.text)).toEqual([
        '¿Tienen parqueadero?',
        '¿Aceptan mascotas?',
      ]);
      expect(await visits().notes(lead, visit, 10)).toEqual([
        { leadId: lead, visitId: visit, text: '¿Tienen parqueadero?', at: 200 },
      ]);
      expect(await visits().notes(lead, null, 1)).toHaveLength(1);
      await visits().eraseNotes(lead);
      expect(await visits().notes(lead, null, 10)).toEqual([]);
      expect(await visits().notes(other, null, 10)).toHaveLength(1);
    });

    it('returns null for an unknown id', async () => {
      expect(await visits().byId(asId<VisitId>('nothing'))).toBeNull();
    });

    it('returns what was saved, criteria included, and a later save replaces it', async () => {
      const criteria = {
        priceBucketId: asId<PriceBucketId>('bucket-2'),
        city: 'Medellín',
        propertyType: 'house',
      } as const;
      const visit = aVisit().forProject('project-7', 'unit-type-3').withCriteria(criteria).build();
      await visits().save(visit);
      expect(await visits().byId(visit.id)).toEqual(visit);

      const moved = { ...visit, stage: 'appointment' as const };
      await visits().save(moved);
      expect(await visits().byId(visit.id)).toEqual(moved);
    });

    it("lists a lead's visits most recent first, the later stored first at equal times", async () => {
      const lead = asId<LeadId>('lead-1');
      const first = aVisit().ofLead(lead).createdAt(100).build();
      const third = aVisit().ofLead(lead).createdAt(300).build();
      const secondA = aVisit().ofLead(lead).createdAt(200).build();
      const secondB = aVisit().ofLead(lead).createdAt(200).build();
      const other = aVisit().ofLead('lead-2').createdAt(400).build();
      for (const v of [first, third, secondA, other, secondB]) await visits().save(v);

      expect((await visits().byLead(lead)).map((v) => v.id)).toEqual([third.id, secondB.id, secondA.id, first.id]);
      expect(await visits().byLead(asId<LeadId>('lead-none'))).toEqual([]);
    });
  });
