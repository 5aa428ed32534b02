import type { Consent } from '../../domain/chatbot/bot-state.ts';
import type { Email } from '../../domain/contact/email.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import type { LeadOrigin } from '../../domain/lead/origin.ts';
import { asId, type LeadId, type LineId, type UserId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { nextId } from './next-id.ts';
import { nextPhone, phone } from './phone.ts';

export class LeadBuilder {
  #lead: Lead = {
    id: nextId<LeadId>('lead'),
    lineId: asId<LineId>('line-1'),
    name: 'Ana Gómez',
    phone: nextPhone(),
    waUserId: null,
    email: asId<Email>('ana@example.com'),
    consent: { at: 0, policyVersion: '2026-01', policyTextHash: null, messageId: null },
    advisorId: null,
    assignedAt: null,
    source: 'whatsapp_bot',
    origin: null,
    createdAt: 0,
  };

  withId(id: string): this {
    return this.#set({ id: asId<LeadId>(id) });
  }

  withLine(lineId: string): this {
    return this.#set({ lineId: asId<LineId>(lineId) });
  }

  withName(name: string | null): this {
    return this.#set({ name });
  }

  /** A phone in any form `parsePhoneE164` accepts, or `null` for a username-only user. */
  withPhone(raw: string | null): this {
    return this.#set({ phone: raw === null ? null : phone(raw) });
  }

  withWaUserId(waUserId: string | null): this {
    return this.#set({ waUserId });
  }

  withEmail(email: string | null): this {
    return this.#set({ email: email === null ? null : asId<Email>(email) });
  }

  withConsent(consent: Consent | null): this {
    return this.#set({ consent });
  }

  assignedTo(advisorId: string, at: Instant): this {
    return this.#set({ advisorId: asId<UserId>(advisorId), assignedAt: at });
  }

  unassigned(): this {
    return this.#set({ advisorId: null, assignedAt: null });
  }

  fromCrm(): this {
    return this.#set({ source: 'crm' });
  }

  withOrigin(origin: LeadOrigin | null): this {
    return this.#set({ origin });
  }

  createdAt(at: Instant): this {
    return this.#set({ createdAt: at });
  }

  build(): Lead {
    return this.#lead;
  }

  #set(patch: Partial<Lead>): this {
    this.#lead = { ...this.#lead, ...patch };
    return this;
  }
}

export const aLead = (): LeadBuilder => new LeadBuilder();
