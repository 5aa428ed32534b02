import type { z } from '@hono/zod-openapi';
import type { PaymentPlan, PriceBucket, Project } from '../../../domain/catalog/catalog.ts';
import type { BotTexts } from '../../../domain/chatbot/bot-texts.ts';
import type { AdvisorGroup, BusinessLine } from '../../../domain/organisation/organisation.ts';
import type { ProjectEntry } from '../../../domain/catalog/project-entry.ts';
import { asId, type PriceBucketId, type ProjectId, type UnitId, type UnitTypeId } from '../../../domain/shared/ids.ts';
import type { PriceBucketSchema, ProjectInputSchema } from './configuration.schemas.ts';

type ProjectInput = z.infer<typeof ProjectInputSchema>;

/** The plan a body describes: an optional field the body leaves out stays absent (`exactOptionalPropertyTypes`). */
const paymentPlanOf = (body: ProjectInput['paymentPlan'], currency: Project['currency']): PaymentPlan => {
  const { instalmentRounding, deliveryDate, cutOffMonthsBeforeDelivery, minimumInstalments, extraordinaryInstalments } =
    body;
  return {
    separationFee: { amount: body.separationFee, currency },
    downPaymentBps: body.downPaymentBps,
    instalments: body.instalments,
    separationCreditedToDownPayment: body.separationCreditedToDownPayment,
    mortgage: body.mortgage,
    quoteValidityDays: body.quoteValidityDays,
    ...(instalmentRounding === undefined ? {} : { instalmentRounding }),
    ...(deliveryDate === undefined ? {} : { deliveryDate }),
    ...(cutOffMonthsBeforeDelivery === undefined ? {} : { cutOffMonthsBeforeDelivery }),
    ...(minimumInstalments === undefined ? {} : { minimumInstalments }),
    ...(extraordinaryInstalments === undefined ? {} : { extraordinaryInstalments }),
  };
};

/** The domain entry a `PUT /projects/{id}` body describes; amounts are in the project's currency. */
export const projectEntryOf = (rawId: string, body: ProjectInput): ProjectEntry => {
  const projectId = asId<ProjectId>(rawId);
  const { currency } = body;
  return {
    project: {
      id: projectId,
      name: body.name,
      city: body.city,
      currency,
      description: body.description,
      paymentPlan: paymentPlanOf(body.paymentPlan, currency),
      housingRegime: body.housingRegime,
      extras: body.extras.map((e) => ({ ...e, price: { amount: e.price, currency } })),
      estrato: body.estrato,
      adminFeePerM2: body.adminFeePerM2 === null ? null : { amount: body.adminFeePerM2, currency },
      fiduciary: body.fiduciary,
      paymentChannel: body.paymentChannel,
      financing: body.financing,
    },
    unitTypes: body.unitTypes.map((t) => ({ ...t, id: asId<UnitTypeId>(t.id), projectId })),
    units: body.units.map((u) => ({
      ...u,
      id: asId<UnitId>(u.id),
      projectId,
      unitTypeId: asId<UnitTypeId>(u.unitTypeId),
      price: { amount: u.price, currency },
    })),
  };
};

/** A project as the API shows it: the input shape plus its id. */
export const projectBody = ({ project, unitTypes, units }: ProjectEntry) => ({
  id: project.id,
  name: project.name,
  city: project.city,
  currency: project.currency,
  description: project.description,
  paymentPlan: (({ extraordinaryInstalments, ...plan }) => ({
    ...plan,
    separationFee: plan.separationFee.amount,
    ...(extraordinaryInstalments === undefined
      ? {}
      : {
          extraordinaryInstalments:
            extraordinaryInstalments === null
              ? null
              : { ...extraordinaryInstalments, months: [...extraordinaryInstalments.months] },
        }),
  }))(project.paymentPlan),
  housingRegime: project.housingRegime,
  extras: project.extras.map((e) => ({ ...e, price: e.price.amount })),
  estrato: project.estrato,
  adminFeePerM2: project.adminFeePerM2?.amount ?? null,
  fiduciary: project.fiduciary,
  paymentChannel: project.paymentChannel,
  financing: { ...project.financing },
  unitTypes: unitTypes.map(({ id, name, propertyType, bedrooms, areaM2 }) => ({
    id,
    name,
    propertyType,
    bedrooms,
    areaM2,
  })),
  units: units.map(({ id, unitTypeId, code, areaM2, builtAreaM2, floor, price, status }) => ({
    id,
    unitTypeId,
    code,
    areaM2,
    builtAreaM2,
    floor,
    price: price.amount,
    status,
  })),
});

export const bucketsOf = (buckets: readonly z.infer<typeof PriceBucketSchema>[]): PriceBucket[] =>
  buckets.map((b) => ({ ...b, id: asId<PriceBucketId>(b.id) }));

export const groupBody = (g: AdvisorGroup) => ({ id: g.id, name: g.name, advisorIds: [...g.advisorIds] });
export const lineBody = (l: BusinessLine) => ({ ...l, projectIds: [...l.projectIds] });

/** The bot texts as JSON: the same keys and values, the keyword lists copied into plain arrays. */
export const botTextsJson = (texts: BotTexts) => ({
  ...texts,
  restartKeywords: [...texts.restartKeywords],
  advisorKeywords: [...texts.advisorKeywords],
});
