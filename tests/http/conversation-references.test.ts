import { describe, expect, it } from 'vitest';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { phoneDesk } from '../support/fake-phone-http.ts';

const PHONE = '+573001119988';

type Ref = { messageId: string | null; waMessageId: string; text: string | null } | null;
type MessageJson = { id: string; text: string | null; direction: string; replyTo: Ref; reactsTo: Ref };

/** Advisors see what a quoted reply answers and what a reaction reacts to (GET /leads/{id}/conversation). */
describe('the conversation API: quoted replies and reactions', () => {
  it('names the message a reply answers and the one a reaction reacts to, with their text', async () => {
    const { desk, send, crm, messages } = await phoneDesk();
    const { person, lead } = await registerThroughBot(desk, PHONE, 'Rosa Díaz');
    const assigned = (await messages(PHONE)).findLast((m) => m.from === 'business');
    const waId = assigned?.waMessageId ?? '';

    expect((await send({ from: PHONE, text: '¿Y cuándo me llama?', replyTo: waId })).status).toBe(202);
    await person.react('👍', waId);
    await send({ from: PHONE, text: 'Y esto otro', replyTo: 'wamid.not-ours' });

    const page = (await (await crm('GET', `/leads/${lead.id}/conversation`)).json()) as { messages: MessageJson[] };
    const quoted = page.messages.find((m) => m.text === '¿Y cuándo me llama?');
    const original = page.messages.find((m) => m.direction === 'outbound' && m.text === assigned?.text);
    expect(quoted?.replyTo).toEqual({ messageId: original?.id, waMessageId: waId, text: assigned?.text });
    expect(quoted?.reactsTo).toBeNull();
    const reaction = page.messages.find((m) => m.text === '👍');
    expect(reaction?.reactsTo).toEqual({ messageId: original?.id, waMessageId: waId, text: assigned?.text });
    expect(reaction?.replyTo).toBeNull();
    // A reply to a message we do not hold: its id, nothing more.
    expect(page.messages.find((m) => m.text === 'Y esto otro')?.replyTo).toEqual({
      messageId: null,
      waMessageId: 'wamid.not-ours',
      text: null,
    });
    expect(page.messages.filter((m) => m.direction === 'outbound').every((m) => m.replyTo === null)).toBe(true);
  });

  it('refuses a replyTo that is not an id', async () => {
    const { send } = await phoneDesk();
    expect((await send({ from: PHONE, text: 'Hola', replyTo: '' })).status).toBe(422);
  });
});
