import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buttonsMessage, listMessage, pageOf, textMessage } from '../../../domain/messaging/builders.ts';
import {
  clip,
  isFreeForm,
  limitViolations,
  type Choice,
  type OutboundContent,
} from '../../../domain/messaging/outbound.ts';
import type { MediaId } from '../../../domain/shared/ids.ts';

const codePoints = (s: string): number => [...s].length;
const repeated = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 1500 }))
  .map(([s, n]) => s.repeat(n));
/** Any text: ASCII, full Unicode, emoji and ZWJ sequences, lone surrogates, blanks, and very long. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({ unit: fc.constantFrom('\uD83D', '\uDE00', '👨‍👩‍👧', 'é', ' ', '\n', '\u200B') }),
  fc.constantFrom('', ' ', '\t\n', '   '),
  repeated,
);
const optionalText = fc.option(anyText, { nil: undefined });
/** Ids are the caller's to make unique and non-empty (see "what the builders leave to the caller"). */
const choices = (max: number) =>
  fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 100 }), { minLength: 1, maxLength: max })
    .chain((ids) =>
      fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), title: anyText, description: optionalText }))),
    );
const withoutUndefined = (rows: { id: string; title: string; description: string | undefined }[]) =>
  rows.map(({ description, ...r }) => (description === undefined ? r : { ...r, description }));

describe('message builders', () => {
  it('textMessage respects every limit for any body', () => {
    fc.assert(
      fc.property(anyText, (body) => {
        expect(limitViolations(textMessage(body))).toEqual([]);
      }),
    );
  });

  it('buttonsMessage respects every limit for any texts and any number of buttons', () => {
    fc.assert(
      fc.property(anyText, choices(6), optionalText, (body, buttons, footer) => {
        expect(limitViolations(buttonsMessage(body, buttons, footer))).toEqual([]);
      }),
    );
  });

  it('listMessage respects every limit for any texts and any number of rows', () => {
    fc.assert(
      fc.property(anyText, anyText, choices(14), optionalText, (body, label, rows, footer) => {
        expect(limitViolations(listMessage(body, label, withoutUndefined(rows), footer))).toEqual([]);
      }),
    );
  });

  it('leaves to the caller: at least one choice, non-empty ids, ids unique within their first 199 code points', () => {
    const long = 'x'.repeat(250);
    expect(limitViolations(buttonsMessage('¿Sí?', []))).toEqual(['button count']);
    expect(limitViolations(buttonsMessage('¿Sí?', [{ id: '', title: 'Sí' }]))).toEqual(['button id ""']);
    expect(
      limitViolations(
        listMessage('Elige', 'Ver', [
          { id: `${long}1`, title: 'A' },
          { id: `${long}2`, title: 'B' },
        ]),
      ),
    ).toEqual(['row ids unique']);
  });
});

describe('clip', () => {
  it('never exceeds max code points, keeps short text and marks a cut with an ellipsis', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 300 }), (text, max) => {
        const out = clip(text, max);
        expect(codePoints(out)).toBeLessThanOrEqual(max);
        if (codePoints(text) <= max) expect(out).toBe(text);
        else expect(out).toBe(`${[...text].slice(0, max - 1).join('')}…`);
      }),
    );
  });

  it('examples', () => {
    expect(clip('Torres del Parque', 24)).toBe('Torres del Parque');
    expect(clip('Apartamento de tres alcobas', 10)).toBe('Apartamen…');
    expect(clip('🏢🏢🏢', 2)).toBe('🏢…');
    expect(clip('abc', 0)).toBe('…'); // (edge) max 0 still yields one code point
  });
});

const collectPages = <T>(items: readonly T[]) => {
  const pages: { items: T[]; hasMore: boolean }[] = [];
  for (let p = 0; pages.length === 0 || pages[pages.length - 1]?.hasMore; p++) pages.push(pageOf(items, p));
  return pages;
};

describe('pageOf', () => {
  it('following hasMore from page 0 yields every item once, in order, ≤ 10 rows a page counting "see more"', () => {
    fc.assert(
      fc.property(fc.nat({ max: 120 }), (n) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const pages = collectPages(items);
        expect(pages.flatMap((p) => p.items)).toEqual(items);
        for (const p of pages) expect(p.items.length + (p.hasMore ? 1 : 0)).toBeLessThanOrEqual(10);
        for (const p of pages.slice(0, -1)) expect(p.items).toHaveLength(9);
      }),
    );
  });

  it('examples', () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(pageOf(range(10), 0)).toEqual({ items: range(10), hasMore: false });
    expect(pageOf(range(11), 0)).toEqual({ items: range(9), hasMore: true });
    expect(pageOf(range(11), 1)).toEqual({ items: [9, 10], hasMore: false });
    expect(pageOf([], 0)).toEqual({ items: [], hasMore: false });
    expect(pageOf(range(11), 5)).toEqual({ items: [9, 10], hasMore: false }); // past the end: the last page again
  });
});

const text: OutboundContent = { kind: 'text', body: 'Hola' };
const voice: OutboundContent = {
  kind: 'media',
  mediaKind: 'audio',
  mediaId: 'm1' as MediaId,
  mimeType: 'audio/ogg; codecs=opus',
  voice: true,
};
const template: OutboundContent = {
  kind: 'template',
  name: 'bienvenida',
  language: 'es',
  parameters: [],
  renderedText: 'Hola',
};
const button = (i: number): Choice => ({ id: `b${i}`, title: `Opción ${i}` });

describe('isFreeForm', () => {
  it('is false only for templates', () => {
    const examples = [
      text,
      voice,
      template,
      buttonsMessage('¿Sí?', [button(1)]),
      listMessage('Elige', 'Ver', [button(1)]),
    ];
    expect(examples.map((c) => [c.kind, isFreeForm(c)])).toEqual([
      ['text', true],
      ['media', true],
      ['template', false],
      ['buttons', true],
      ['list', true],
    ]);
  });
});

describe('limitViolations', () => {
  it('flags four reply buttons', () => {
    const four: OutboundContent = { kind: 'buttons', body: '¿Cuál?', buttons: [1, 2, 3, 4].map(button) };
    expect(limitViolations(four)).toEqual(['button count']);
    expect(limitViolations({ ...four, buttons: [1, 2, 3].map(button) })).toEqual([]);
  });

  it('flags a 25-character row title but not a 24-character one', () => {
    const list = (title: string): OutboundContent => ({
      kind: 'list',
      body: 'Proyectos',
      buttonLabel: 'Ver',
      sections: [{ rows: [{ id: 'p1', title }] }],
    });
    expect(limitViolations(list('a'.repeat(25)))).toEqual([`row title "${'a'.repeat(25)}"`]);
    expect(limitViolations(list('a'.repeat(24)))).toEqual([]);
  });

  it('flags a voice note labelled audio/opus (Meta error 131053) but not audio/ogg', () => {
    expect(limitViolations({ ...voice, mimeType: 'audio/opus' })).toEqual(['voice notes are audio/ogg (OGG/Opus)']);
    expect(limitViolations(voice)).toEqual([]);
  });
});

describe('limitViolations: the media kind must carry its MIME type', () => {
  const file = (mediaKind: 'image' | 'audio' | 'video' | 'document', mimeType: string): OutboundContent => ({
    kind: 'media',
    mediaKind,
    mediaId: 'm' as never,
    mimeType,
  });

  it('takes JPEG and PNG images, audio/* audio, video/* video and any document', () => {
    for (const ok of [
      file('image', 'image/jpeg'),
      file('image', 'image/png'),
      file('audio', 'audio/mpeg'),
      file('video', 'video/mp4'),
      file('document', 'application/pdf'),
    ]) {
      expect(limitViolations(ok)).toEqual([]);
    }
  });

  it('refuses a PDF as an image or a PNG as audio, also as a template header', () => {
    expect(limitViolations(file('image', 'application/pdf'))).toEqual([
      'image files are image/jpeg or image/png, not application/pdf',
    ]);
    expect(limitViolations(file('audio', 'image/png'))).toEqual(['audio files are audio/*, not image/png']);
    const header = { kind: 'media', mediaKind: 'image', mediaId: 'm' as never, mimeType: 'application/pdf' } as const;
    expect(
      limitViolations({
        kind: 'template',
        name: 'bienvenida',
        language: 'es_CO',
        parameters: [],
        renderedText: 'Hola',
        header,
      }),
    ).toEqual(['image files are image/jpeg or image/png, not application/pdf']);
  });
});
