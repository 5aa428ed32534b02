import {
  type ExtraKind,
  noProjectDetails,
  type PaymentPlan,
  type Project,
  type Unit,
  type UnitType,
} from '../../domain/catalog/catalog.ts';
import type { QuoteRequest, SavingInput } from '../../domain/quote/quote.ts';
import type { SavingKind } from '../../domain/quote/quote-options.ts';
import { asId, type ProjectId, type QuoteId, type UnitId, type UnitTypeId } from '../../domain/shared/ids.ts';
import { moneyOf } from '../../domain/shared/money.ts';
import type { Instant } from '../../domain/shared/time.ts';

const projectId = asId<ProjectId>('project-1');
const unitTypeId = asId<UnitTypeId>('unit-type-1');

/** 15/03/2025 10:00 in Bogotá. */
export const MARCH_15_2025_10AM_BOGOTA: Instant = Date.UTC(2025, 2, 15, 15, 0);

const defaults = {
  id: asId<QuoteId>('quote-1'),
  number: 'COT-000042',
  issuedAt: MARCH_15_2025_10AM_BOGOTA,
  project: {
    id: projectId,
    name: 'Torres del Parque',
    city: 'Medellín',
    currency: 'COP',
    description: 'Apartamentos en El Poblado',
    paymentPlan: {
      separationFee: moneyOf(5_000_000),
      downPaymentBps: 3000,
      instalments: 24,
      separationCreditedToDownPayment: true,
      mortgage: { annualRateBps: 1200, years: 20 },
      quoteValidityDays: 30,
    },
    ...noProjectDetails,
  } satisfies Project as Project,
  unitType: {
    id: unitTypeId,
    projectId,
    name: 'Apartamento 2 alcobas',
    propertyType: 'apartment',
    bedrooms: 2,
    areaM2: 62.5,
  } satisfies UnitType as UnitType,
  unit: {
    id: asId<UnitId>('unit-1'),
    projectId,
    unitTypeId,
    code: 'T1-502',
    areaM2: 62.5,
    builtAreaM2: null,
    floor: null,
    price: moneyOf(350_000_000),
    status: 'available',
  } satisfies Unit as Unit,
  extraIds: [] as readonly string[],
  savings: [] as readonly SavingInput[],
};

type State = typeof defaults;

class QuoteRequestBuilder {
  constructor(private readonly state: State) {}

  private with(patch: Partial<State>): QuoteRequestBuilder {
    return new QuoteRequestBuilder({ ...this.state, ...patch });
  }

  private withUnit(patch: Partial<Unit>): QuoteRequestBuilder {
    return this.with({ unit: { ...this.state.unit, ...patch } });
  }

  /** Price in minor units of the project's currency. */
  withPrice(amount: number): QuoteRequestBuilder {
    return this.withUnit({ price: moneyOf(amount, this.state.project.currency) });
  }

  withUnitCode(code: string): QuoteRequestBuilder {
    return this.withUnit({ code });
  }

  withArea(areaM2: number): QuoteRequestBuilder {
    return this.withUnit({ areaM2 });
  }

  withUnitType(patch: Partial<UnitType>): QuoteRequestBuilder {
    return this.with({ unitType: { ...this.state.unitType, ...patch } });
  }

  /** A new currency applies to amounts set afterwards; amounts already set keep theirs. */
  withProject(patch: Partial<Omit<Project, 'paymentPlan'>>): QuoteRequestBuilder {
    return this.with({ project: { ...this.state.project, ...patch } });
  }

  withPlan(patch: Partial<PaymentPlan>): QuoteRequestBuilder {
    const { project } = this.state;
    return this.with({ project: { ...project, paymentPlan: { ...project.paymentPlan, ...patch } } });
  }

  withSeparation(amount: number, credited: boolean): QuoteRequestBuilder {
    return this.withPlan({
      separationFee: moneyOf(amount, this.state.project.currency),
      separationCreditedToDownPayment: credited,
    });
  }

  /** Catalogues an optional extra in the project and chooses it. */
  withExtra(label: string, amount: number, kind: ExtraKind = 'parking'): QuoteRequestBuilder {
    return this.withCataloguedExtra(label, amount, { kind }).choosingExtra(
      `extra-${this.state.project.extras.length + 1}`,
    );
  }

  /** Catalogues an extra in the project without choosing it (an included one is listed anyway). */
  withCataloguedExtra(
    label: string,
    amount: number,
    { kind = 'parking', included = false }: { kind?: ExtraKind; included?: boolean } = {},
  ): QuoteRequestBuilder {
    const { project } = this.state;
    const extra = {
      id: `extra-${project.extras.length + 1}`,
      kind,
      label,
      price: moneyOf(amount, project.currency),
      included,
    };
    return this.with({ project: { ...project, extras: [...project.extras, extra] } });
  }

  choosingExtra(extraId: string): QuoteRequestBuilder {
    return this.with({ extraIds: [...this.state.extraIds, extraId] });
  }

  withSaving(label: string | undefined, amount: number, kind: SavingKind = 'other'): QuoteRequestBuilder {
    const saving: SavingInput = {
      kind,
      amount: moneyOf(amount, this.state.project.currency),
      ...(label === undefined ? {} : { label }),
    };
    return this.with({ savings: [...this.state.savings, saving] });
  }

  withIssuedAt(issuedAt: Instant): QuoteRequestBuilder {
    return this.with({ issuedAt });
  }

  withNumber(number: string): QuoteRequestBuilder {
    return this.with({ number });
  }

  build(): QuoteRequest {
    return { ...this.state };
  }
}

/** A unit of $ 350.000.000 at 30 % down, $ 5.000.000 separation credited, 24 instalments, 12 % over 20 years. */
export const aQuoteRequest = (): QuoteRequestBuilder => new QuoteRequestBuilder(defaults);
