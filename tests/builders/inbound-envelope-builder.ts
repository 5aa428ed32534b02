import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { nextId } from './next-id.ts';
import { phone } from './phone.ts';

/** A webhook message as any channel adapter hands it to the application; the demo line by default. */
export class InboundEnvelopeBuilder {
  #envelope: InboundEnvelope = {
    phoneNumberId: FAKE_PHONE_NUMBER_ID,
    waMessageId: nextId<WaMessageId>('wamid.env'),
    from: { phone: phone('+573005550000'), userId: null },
    profileName: 'Lucía',
    sentAt: 0,
    content: { kind: 'text', body: 'Hola' },
  };

  toLine(phoneNumberId: string): this {
    return this.#set({ phoneNumberId });
  }

  withWaMessageId(waMessageId: string): this {
    return this.#set({ waMessageId: asId<WaMessageId>(waMessageId) });
  }

  /** A phone in any form `parsePhoneE164` accepts. */
  fromPhone(raw: string): this {
    return this.#set({ from: { phone: phone(raw), userId: null } });
  }

  from(identity: WaIdentity): this {
    return this.#set({ from: identity });
  }

  withProfileName(profileName: string | null): this {
    return this.#set({ profileName });
  }

  sentAt(sentAt: Instant): this {
    return this.#set({ sentAt });
  }

  saying(body: string): this {
    return this.#set({ content: { kind: 'text', body } });
  }

  withContent(content: InboundContent): this {
    return this.#set({ content });
  }

  build(): InboundEnvelope {
    return this.#envelope;
  }

  #set(patch: Partial<InboundEnvelope>): this {
    this.#envelope = { ...this.#envelope, ...patch };
    return this;
  }
}

export const anEnvelope = (): InboundEnvelopeBuilder => new InboundEnvelopeBuilder();
