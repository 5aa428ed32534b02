import type { BuilderProfile } from '../builder/builder-profile.ts';

/**
 * Who the privacy notice names as responsible for the lead's data (Ley 1581 de 2012, art. 17; Decreto 1377 de 2013,
 * art. 14: the notice names the controller and how to reach them): the bot texts' `{company}` and `{contact}`.
 */
export type DataController = {
  /** The builder's name alone, as the welcome says it (`{brand}`). */
  readonly brand: string;
  /** Name, NIT and address, e.g. `Constructora Andina S.A.S. (NIT 901234567-7), Carrera 43A # 1-50, Medellín`. */
  readonly company: string;
  /** Where requests go: the data-requests e-mail, else the sales e-mail and phone. */
  readonly contact: string;
};

/** What the notice says while no builder profile is configured: never a bare placeholder. */
export const unknownDataController: DataController = {
  brand: 'la constructora',
  company: 'la constructora que atiende este chat',
  contact: 'este mismo chat de WhatsApp',
};

export const dataControllerOf = (profile: BuilderProfile | null): DataController =>
  profile === null
    ? unknownDataController
    : {
        brand: profile.name,
        company: `${profile.name} (NIT ${profile.nit}), ${profile.address}`,
        contact:
          profile.dataRequestsContact === null
            ? `${profile.salesEmail} o al ${profile.salesPhone}`
            : profile.dataRequestsContact,
      };
