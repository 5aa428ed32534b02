import type { Container, ResolutionContext } from 'inversify';
import type { FakePhonePort } from '../adapters/http/fake-phone.port.ts';
import { playReceipts } from '../adapters/whatsapp/fake/phone-receipts.ts';
import { asId, type MediaId } from '../domain/shared/ids.ts';
import { TOKENS } from './tokens.ts';

/** The fake WhatsApp's phones for the simulator page: their logs, their files, and the receipts they play. */
export const fakePhones = (context: Pick<ResolutionContext, 'get'>): FakePhonePort => {
  const whatsapp = context.get(TOKENS.FakeWhatsApp);
  const store = context.get(TOKENS.MediaStore);
  return {
    phones: () => whatsapp.phones.phones(),
    messagesOf: (phone) => whatsapp.phones.messagesOf(phone),
    mediaOf: async (phone, waMessageId) => {
      const found = whatsapp.phones.find(waMessageId);
      const source = found?.phone === phone ? found.message.media?.source : undefined;
      if (source === undefined) return null;
      // The lead's own files stay on their phone; what the business sent is the file in our store.
      return source.from === 'lead' ? whatsapp.media.get(source.waMediaId) : store.get(asId<MediaId>(source.mediaId));
    },
    playReceipts: (phone, waMessageIds, status) => playReceipts(whatsapp, phone, waMessageIds, status),
    subscribe: (listener) => whatsapp.phones.subscribe(listener),
  };
};

/** Ends the phones' live event streams so the server's close need not wait for them (fake mode only). */
export const endPhoneStreams = (container: Pick<Container, 'isBound' | 'get'>): void => {
  if (container.isBound(TOKENS.FakeWhatsApp)) container.get(TOKENS.FakeWhatsApp).phones.close();
};
