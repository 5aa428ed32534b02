import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { asId, type AdvisorGroupId, type LineId, type ProjectId } from '../../domain/shared/ids.ts';
import { nextId } from './next-id.ts';

export class LineBuilder {
  #line: BusinessLine = {
    id: nextId<LineId>('line'),
    phoneNumberId: nextId('pnid'),
    displayNumber: '+57 601 555 0100',
    name: 'Ventas Bogotá',
    advisorGroupId: asId<AdvisorGroupId>('group-1'),
    projectIds: [],
    assignQuotedLeads: true,
    formality: 'tu',
    botQuotesForRegistered: false,
  };

  withId(id: string): this {
    return this.#set({ id: asId<LineId>(id) });
  }

  withPhoneNumberId(phoneNumberId: string): this {
    return this.#set({ phoneNumberId });
  }

  withName(name: string): this {
    return this.#set({ name });
  }

  withAdvisorGroup(groupId: string): this {
    return this.#set({ advisorGroupId: asId<AdvisorGroupId>(groupId) });
  }

  /** The projects the line offers; none means the whole catalogue. */
  offering(...projectIds: string[]): this {
    return this.#set({ projectIds: projectIds.map((p) => asId<ProjectId>(p)) });
  }

  build(): BusinessLine {
    return this.#line;
  }

  #set(patch: Partial<BusinessLine>): this {
    this.#line = { ...this.#line, ...patch };
    return this;
  }
}

export const aLine = (): LineBuilder => new LineBuilder();

/** The line the fake WhatsApp's leads write to (its phone-number id), as `line-main`. */
export const theFakeWhatsAppLine = (): LineBuilder =>
  aLine().withId('line-main').withPhoneNumberId(FAKE_PHONE_NUMBER_ID);
