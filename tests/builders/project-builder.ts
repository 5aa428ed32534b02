import { noProjectDetails, type PaymentPlan, type Project } from '../../domain/catalog/catalog.ts';
import { asId, type ProjectId } from '../../domain/shared/ids.ts';
import { moneyOf } from '../../domain/shared/money.ts';
import { nextId } from './next-id.ts';

const PLAN: PaymentPlan = {
  separationFee: moneyOf(5_000_000),
  downPaymentBps: 3000,
  instalments: 24,
  separationCreditedToDownPayment: true,
  mortgage: { annualRateBps: 1200, years: 20 },
  quoteValidityDays: 15,
};

/** Defaults to a COP project in Bogotá with a typical builder's payment plan. */
export class ProjectBuilder {
  #project: Project = {
    id: nextId<ProjectId>('project'),
    name: 'Reserva del Parque',
    city: 'Bogotá',
    currency: 'COP',
    description: 'Apartamentos cerca al parque, con zonas húmedas y gimnasio.',
    paymentPlan: PLAN,
    ...noProjectDetails,
  };

  withId(id: string): this {
    return this.#set({ id: asId<ProjectId>(id) });
  }

  named(name: string): this {
    return this.#set({ name });
  }

  inCity(city: string): this {
    return this.#set({ city });
  }

  /** The regime, extras, estrato, fees, trust, payment channel or financing overrides. */
  withDetails(patch: Partial<Omit<Project, 'id' | 'paymentPlan'>>): this {
    return this.#set(patch);
  }

  withPaymentPlan(patch: Partial<PaymentPlan>): this {
    return this.#set({ paymentPlan: { ...this.#project.paymentPlan, ...patch } });
  }

  build(): Project {
    return this.#project;
  }

  #set(patch: Partial<Project>): this {
    this.#project = { ...this.#project, ...patch };
    return this;
  }
}

export const aProject = (): ProjectBuilder => new ProjectBuilder();
