import { describe, expect, it } from 'vitest';
import { startDesk } from '../support/desk-harness.ts';

/**
 * "Escribiendo…" (Meta's typing indicator with mark-as-read) for a message the bot answers, sent by the message
 * pipeline once the inbox entry committed, and never for a message nobody answers.
 */
describe('the typing indicator', () => {
  it('shows "escribiendo…" for a message the bot answers, and marks it read', async () => {
    const desk = await startDesk();
    const maria = desk.whatsapp.lead('+573001112233', 'María Pérez');

    const hola = await maria.say('Hola');
    await desk.idle();

    expect(desk.whatsapp.typingShown).toEqual([hola.waMessageId]);
    expect(desk.whatsapp.phones.find(hola.waMessageId)?.message.status).toBe('read');
    expect(maria.lastText()).toContain('correo electrónico');
  });

  it('shows nothing for a reaction, which the bot does not answer', async () => {
    const desk = await startDesk();
    const maria = desk.whatsapp.lead('+573001112233', 'María Pérez');
    await maria.say('Hola');
    await desk.idle();
    const question = maria.inbox().at(-1);

    await maria.react('👍', question?.waMessageId ?? '');
    await desk.idle();

    expect(desk.whatsapp.typingShown).toHaveLength(1);
  });

  it('never costs the reply when the channel fails it', async () => {
    const desk = await startDesk();
    const typing = desk.whatsapp.showTyping.bind(desk.whatsapp);
    desk.whatsapp.showTyping = () => Promise.reject(new Error('Graph API away'));
    const maria = desk.whatsapp.lead('+573001112233', 'María Pérez');

    await maria.say('Hola');
    await desk.idle();

    expect(maria.lastText()).toContain('correo electrónico');
    desk.whatsapp.showTyping = typing;
  });
});
