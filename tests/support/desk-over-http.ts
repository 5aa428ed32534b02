import type { Repositories } from '../../application/ports/unit-of-work.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { Message } from '../../domain/messaging/message.ts';
import type { LineId } from '../../domain/shared/ids.ts';

/** Reads stored state through the repositories of a storage opened beside the running app. */
export type Read = <T>(f: (r: Repositories) => Promise<T>) => Promise<T>;

/** Plays a lead writing to a running app through the fake WhatsApp's HTTP entry point. */
export const postInbound = (url: string, body: object): Promise<Response> =>
  fetch(`${url}/fake-whatsapp/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Everything stored for one phone's conversation on the demo line, in stored order. */
export const messagesOfPhone = async (read: Read, phone: string): Promise<Message[]> => {
  const conversation = await read((r) =>
    r.conversations.byIdentity('line-main' as LineId, { phone: phone as PhoneE164, userId: null }),
  );
  return conversation === null ? [] : read((r) => r.messages.byConversation(conversation.id));
};
