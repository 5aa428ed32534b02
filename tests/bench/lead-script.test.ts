import { describe, expect, it } from 'vitest';
import { nextMove } from '../../bench/lead-script.ts';

const text = (body: string) => ({ type: 'text', text: { body } });
const buttons = (...ids: string[]) => ({
  type: 'interactive',
  interactive: {
    type: 'button',
    action: { buttons: ids.map((id) => ({ type: 'reply', reply: { id, title: id.slice(0, 20) } })) },
  },
});
const list = (...ids: string[]) => ({
  type: 'interactive',
  interactive: {
    type: 'list',
    action: { button: 'Ver', sections: [{ rows: ids.map((id) => ({ id, title: id.slice(0, 24) })) }] },
  },
});

describe('the simulated lead', () => {
  it('waits past the greeting and gives its email when asked', () => {
    expect(nextMove(text('¡Hola! 👋 Soy el asistente virtual de ventas.'), 'a@b.co', false)).toEqual({
      kind: 'notice',
    });
    expect(nextMove(text('¿Me escribes tu correo electrónico?'), 'a@b.co', false)).toEqual({
      kind: 'answer',
      input: { kind: 'text', body: 'a@b.co' },
    });
  });

  it('accepts, searches by price and asks for the advisor when those buttons are offered', () => {
    expect(nextMove(buttons('consent:yes', 'consent:no'), 'a@b.co', false)).toMatchObject({
      input: { kind: 'button', id: 'consent:yes' },
    });
    expect(nextMove(buttons('filter:price', 'filter:city', 'filter:type'), 'a@b.co', false)).toMatchObject({
      input: { id: 'filter:price' },
    });
    expect(nextMove(buttons('outcome:advisor', 'outcome:quote'), 'a@b.co', false)).toMatchObject({
      input: { id: 'outcome:advisor' },
    });
  });

  it("taps a list's first real row, never the next page", () => {
    expect(nextMove(list('page:1', 'project:p-bog-1'), 'a@b.co', false)).toMatchObject({
      input: { kind: 'row', id: 'project:p-bog-1' },
    });
  });

  it('is done at the first text after asking for the advisor', () => {
    expect(nextMove(text('¡Listo! ✅ *Ana Gómez* será tu asesor(a)'), 'a@b.co', true)).toEqual({ kind: 'done' });
  });
});
