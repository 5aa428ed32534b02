import { noProjectDetails } from '../../domain/catalog/catalog.ts';
import type { ProjectEntry } from '../../domain/catalog/project-entry.ts';
import { asId, type ProjectId, type UnitId, type UnitTypeId } from '../../domain/shared/ids.ts';

/** A project the demo catalogue does not have, as the CRM would upsert it: one unit type, one available unit. */
export const pid = asId<ProjectId>('p-ctg-1');
export const typeId = asId<UnitTypeId>('t-ctg-1');

export const cartagena = (over: Partial<ProjectEntry['project']> = {}): ProjectEntry => ({
  project: {
    id: pid,
    name: 'Brisas de Bocagrande',
    city: 'Cartagena',
    currency: 'COP',
    description: 'Frente al mar.',
    paymentPlan: {
      separationFee: { amount: 5_000_000, currency: 'COP' },
      downPaymentBps: 3000,
      instalments: 24,
      separationCreditedToDownPayment: true,
      mortgage: null,
      quoteValidityDays: 15,
    },
    ...noProjectDetails,
    ...over,
  },
  unitTypes: [
    { id: typeId, projectId: pid, name: 'Apartamento 2 alcobas', propertyType: 'apartment', bedrooms: 2, areaM2: 62 },
  ],
  units: [
    {
      id: asId<UnitId>('u-ctg-1'),
      projectId: pid,
      unitTypeId: typeId,
      code: 'T1-101',
      areaM2: 62,
      builtAreaM2: null,
      floor: null,
      price: { amount: 420_000_000, currency: 'COP' },
      status: 'available',
    },
  ],
});
