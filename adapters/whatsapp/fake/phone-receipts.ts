import { asId, type WaMessageId } from '../../../domain/shared/ids.ts';
import type { FakeWhatsApp } from './fake-whatsapp.ts';

/**
 * The lead's phone reports receipts for messages the business sent it, in order, as Meta would; ids it never
 * received are skipped. Returns how many it reported.
 */
export const playReceipts = async (
  whatsapp: Pick<FakeWhatsApp, 'phones' | 'reportStatus'>,
  phone: string,
  waMessageIds: readonly string[],
  status: 'delivered' | 'read',
): Promise<number> => {
  let played = 0;
  for (const id of waMessageIds) {
    const found = whatsapp.phones.find(id);
    if (found?.phone !== phone || found.message.from !== 'business') continue;
    await whatsapp.reportStatus(asId<WaMessageId>(id), status);
    played += 1;
  }
  return played;
};
