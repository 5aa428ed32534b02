import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterCount, renderTemplate, type Template } from '../../../domain/templates/template.ts';

const template = (body: string): Template => ({
  name: 'bienvenida',
  language: 'es',
  category: 'UTILITY',
  status: 'APPROVED',
  body,
});

/** Literal text that cannot contain or complete a placeholder. */
const literal = fc
  .string({ unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('á', '🏢', '\n')) })
  .filter((s) => !/[{}]/.test(s));
const parameter = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !/[{}]/.test(s));

/** A body using placeholders {{1}}…{{k}} (each at least once, in any order, some repeated) between literal text. */
const bodyWith = fc
  .integer({ min: 0, max: 8 })
  .chain((k) =>
    fc.tuple(
      fc.constant(k),
      fc.array(fc.integer({ min: 1, max: Math.max(1, k) }), { maxLength: 6 }).chain((extra) =>
        fc.shuffledSubarray([...Array.from({ length: k }, (_, i) => i + 1), ...(k === 0 ? [] : extra)], {
          minLength: k + (k === 0 ? 0 : extra.length),
        }),
      ),
      fc.array(literal, { minLength: 20, maxLength: 20 }),
    ),
  )
  .map(([k, order, texts]) => ({
    k,
    body: order.reduce((b, n, i) => `${b}{{${n}}}${texts[i + 1] ?? ''}`, texts[0] ?? ''),
  }));

describe('parameterCount', () => {
  it('counts distinct placeholders, however often each is used', () => {
    fc.assert(
      fc.property(bodyWith, ({ k, body }) => {
        expect(parameterCount(template(body))).toBe(k);
      }),
    );
  });

  it.each([
    ['Hola', 0],
    ['Hola {{1}}, bienvenido a {{2}}', 2],
    ['{{1}} y otra vez {{1}}', 1],
    ['{{ 1 }} no es un parámetro, {x} tampoco', 0],
  ])('%j has %i', (body, n) => {
    expect(parameterCount(template(body))).toBe(n);
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder: the text holds every parameter and no {{n}} is left', () => {
    fc.assert(
      fc.property(
        bodyWith.chain(({ k, body }) =>
          fc.tuple(fc.constant(body), fc.array(parameter, { minLength: k, maxLength: k })),
        ),
        ([body, params]) => {
          const r = renderTemplate(template(body), params);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          for (const p of params) expect(r.value).toContain(p);
          expect(r.value).not.toMatch(/\{\{\d+\}\}/);
        },
      ),
    );
  });

  it('refuses any other number of parameters, saying how many were expected and given', () => {
    fc.assert(
      fc.property(bodyWith, fc.array(parameter, { maxLength: 12 }), ({ k, body }, params) => {
        fc.pre(params.length !== k);
        expect(renderTemplate(template(body), params)).toEqual({
          ok: false,
          error: { type: 'TemplateParameterMismatch', expected: k, given: params.length },
        });
      }),
    );
  });

  it('renders the welcome template', () => {
    const welcome = template('Hola {{1}}, bienvenido a {{2}}');
    expect(renderTemplate(welcome, ['Ana', 'Torres del Parque'])).toEqual({
      ok: true,
      value: 'Hola Ana, bienvenido a Torres del Parque',
    });
    expect(renderTemplate(welcome, ['Ana'])).toEqual({
      ok: false,
      error: { type: 'TemplateParameterMismatch', expected: 2, given: 1 },
    });
    expect(renderTemplate(welcome, ['Ana', 'Torres', 'extra'])).toEqual({
      ok: false,
      error: { type: 'TemplateParameterMismatch', expected: 2, given: 3 },
    });
  });

  it('does not substitute placeholders found inside parameters', () => {
    expect(renderTemplate(template('Hola {{1}}, {{2}}'), ['{{2}}', 'x'])).toEqual({ ok: true, value: 'Hola {{2}}, x' });
  });

  it('counts positional parameters up to the highest number, so a gap cannot leave one unfilled', () => {
    const gap = template('Hola {{1}}, tu cita es el {{3}}');
    expect(parameterCount(gap)).toBe(3);
    expect(renderTemplate(gap, ['Ana', '12 de marzo'])).toEqual({
      ok: false,
      error: { type: 'TemplateParameterMismatch', expected: 3, given: 2 },
    });
  });

  it('reads {{0}} and {{01}} as plain text, not as placeholders', () => {
    expect(parameterCount(template('Hola {{0}} {{01}}'))).toBe(0);
    expect(renderTemplate(template('Hola {{0}}'), [])).toEqual({ ok: true, value: 'Hola {{0}}' });
  });
});
