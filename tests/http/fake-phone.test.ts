import { describe, expect, it } from 'vitest';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { phoneDesk } from '../support/fake-phone-http.ts';

const PHONE = '+573001112233';

describe('the fake phone over HTTP: messages both ways', () => {
  it('shows what the lead wrote and the bot answered, with its buttons, oldest first', async () => {
    const { send, messages } = await phoneDesk();

    await send({ from: PHONE, name: 'Ana Gómez', text: 'Hola' });
    await send({ from: PHONE, text: 'ana@correo.com' });

    const shown = await messages(PHONE);
    expect(shown.map((m) => [m.from, m.kind])).toEqual([
      ['lead', 'text'],
      ['business', 'text'],
      ['business', 'text'],
      ['lead', 'text'],
      ['business', 'buttons'],
    ]);
    expect(shown[0]).toEqual({
      waMessageId: expect.any(String),
      from: 'lead',
      at: '2026-11-24T15:00:00.000Z',
      kind: 'text',
      text: 'Hola',
      header: null,
      footer: null,
      buttons: [],
      list: null,
      template: null,
      media: null,
      choice: null,
      // The bot read it: its typing indicator marks the message read.
      status: 'read',
    });
    expect(shown[2]).toMatchObject({
      from: 'business',
      text: expect.stringContaining('correo electrónico'),
      status: 'sent',
    });
    expect(shown[4]?.buttons).toEqual([
      { id: 'consent:yes', title: 'Acepto' },
      { id: 'consent:no', title: 'No acepto' },
    ]);
  });

  it('shows a list with its sections, and a row tapped through `choice`', async () => {
    const { send, tap, messages } = await phoneDesk();
    await send({ from: PHONE, text: 'Hola' });
    await send({ from: PHONE, text: 'ana@correo.com' });
    await tap(PHONE, 'Acepto');
    await tap(PHONE, 'Ciudad');
    await send({ from: PHONE, text: 'medellin' });

    const list = (await messages(PHONE)).findLast((m) => m.kind === 'list');
    expect(list?.list).toMatchObject({
      button: expect.any(String),
      sections: [
        {
          title: expect.any(String),
          rows: expect.arrayContaining([
            expect.objectContaining({ title: 'Mirador de El Poblado', description: expect.any(String) }),
          ]),
        },
      ],
    });
    expect(list?.footer).toEqual(expect.any(String));

    const tapped = await tap(PHONE, 'Mirador de El Poblado');

    expect(tapped.status).toBe(202);
    const [choice, reply] = (await messages(PHONE)).slice(-2);
    expect(choice).toMatchObject({
      from: 'lead',
      kind: 'choice',
      text: 'Mirador de El Poblado',
      choice: { id: 'project:p-med-1', title: 'Mirador de El Poblado' },
    });
    expect(reply?.list?.sections[0]?.rows.map((r) => r.title)).toContain('Apartamento 2 alcobas');
  });

  it('lists the phones, most recent first, with the name the lead gave', async () => {
    const { send, request, desk } = await phoneDesk();
    await send({ from: PHONE, name: 'Ana Gómez', text: 'Hola' });
    desk.clock.advance(60_000);
    await send({ from: '+573009998877', text: 'Buenas' });

    const { phones } = (await (await request('/fake-whatsapp/phones')).json()) as { phones: unknown[] };

    expect(phones).toEqual([
      { phone: '+573009998877', name: null, lastAt: '2026-11-24T15:01:00.000Z', messageCount: 3 },
      { phone: PHONE, name: 'Ana Gómez', lastAt: '2026-11-24T15:00:00.000Z', messageCount: 3 },
    ]);
  });

  it('keeps a redelivered message once on the phone', async () => {
    const { send, messages } = await phoneDesk();
    await send({ from: PHONE, text: 'Hola', waMessageId: 'wamid.same' });
    const again = await send({ from: PHONE, text: 'Hola', waMessageId: 'wamid.same' });

    expect(await again.json()).toEqual({ stored: false, waMessageId: 'wamid.same' });
    expect((await messages(PHONE)).filter((m) => m.waMessageId === 'wamid.same')).toHaveLength(1);
  });
});

describe('the fake phone over HTTP: ticks', () => {
  it('plays receipts through the webhook path: the CRM status moves delivered then read, never back', async () => {
    const { desk, send, receipts, messages } = await phoneDesk();
    await send({ from: PHONE, text: 'Hola' });
    const question = (await messages(PHONE)).findLast((m) => m.from === 'business');
    const id = question?.waMessageId ?? 'none';
    const crmStatus = async () => {
      const stored = await desk.read((r) => r.messages.byWaMessageId(asId<WaMessageId>(id)));
      return stored?.direction === 'outbound' ? stored.status : null;
    };

    const delivered = await receipts(PHONE, [id, 'wamid.unknown'], 'delivered');
    expect(await delivered.json()).toEqual({ accepted: 1 });
    expect(delivered.status).toBe(202);
    expect(await crmStatus()).toBe('delivered');
    expect((await messages(PHONE)).find((m) => m.waMessageId === id)?.status).toBe('delivered');

    await receipts(PHONE, [id], 'read');
    await receipts(PHONE, [id], 'delivered');

    expect(await crmStatus()).toBe('read');
    expect((await messages(PHONE)).find((m) => m.waMessageId === id)?.status).toBe('read');
    const messageId = (await desk.read((r) => r.messages.byWaMessageId(asId<WaMessageId>(id))))?.id;
    const changes = desk.events.published.flatMap((e) =>
      e.type === 'message_status_changed' && e.messageId === messageId ? [e.status] : [],
    );
    expect(changes).toEqual(['sent', 'delivered', 'read']);
  });

  it("ignores ids of the lead's own messages and of other phones", async () => {
    const { send, receipts, messages } = await phoneDesk();
    await send({ from: PHONE, text: 'Hola' });
    await send({ from: '+573009998877', text: 'Hola' });
    const [own, reply] = await messages(PHONE);
    const other = (await messages('+573009998877')).findLast((m) => m.from === 'business');

    const played = await receipts(PHONE, [own?.waMessageId ?? '', other?.waMessageId ?? ''], 'read');

    expect(await played.json()).toEqual({ accepted: 0 });
    expect(reply?.status).toBe('sent');
  });

  it('shows blue ticks on what the bot answered at once, and on what the advisor got once they open the chat', async () => {
    const { desk, send, crm, messages } = await phoneDesk();
    const { lead } = await registerThroughBot(desk, PHONE, 'Ana Gómez');
    await crm('POST', `/leads/${lead.id}/conversation/takeover`);
    await send({ from: PHONE, text: '¿Tienen parqueadero?' });
    const statuses = async () => (await messages(PHONE)).filter((m) => m.from === 'lead').map((m) => m.status);
    expect(await statuses()).toEqual(['read', 'read', 'read', 'read', 'delivered']);

    const read = await crm('POST', `/leads/${lead.id}/conversation/read`);

    expect(read.status).toBe(200);
    expect(await statuses()).toEqual(['read', 'read', 'read', 'read', 'read']);
  });
});
