import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoLogoPng } from '../../../bootstrap/demo/demo-logo.ts';
import { type BuilderProfileInput, checkBuilderProfile } from '../../../domain/builder/builder-profile.ts';
import { nitCheckDigit } from '../../../domain/builder/nit.ts';

const input: BuilderProfileInput = {
  name: 'Constructora Andina Demo S.A.S.',
  nit: '901.234.567-7',
  address: 'Carrera 43A # 1-50, Medellín',
  salesPhone: '+57 604 444 0100',
  salesEmail: 'ventas@constructora-demo.co',
  website: 'www.constructora-demo.co',
  logo: demoLogoPng(),
};

describe('checkBuilderProfile', () => {
  it('keeps a profile whose NIT has its own check digit, with the NIT compact and the logo read', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), fc.boolean(), (digits, withLogo) => {
        const nit = `${digits}-${nitCheckDigit(digits)}`;
        const checked = checkBuilderProfile({ ...input, nit, logo: withLogo ? input.logo : null });
        expect(checked).toMatchObject({ ok: true, value: { nit } });
        if (checked.ok) expect(checked.value.logo?.mimeType ?? null).toBe(withLogo ? 'image/png' : null);
      }),
    );
  });

  it('refuses any other check digit with InvalidNit and the digit expected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), fc.integer({ min: 0, max: 9 }), (digits, other) => {
        fc.pre(other !== nitCheckDigit(digits));
        expect(checkBuilderProfile({ ...input, nit: `${digits}-${other}` })).toMatchObject({
          ok: false,
          error: { type: 'InvalidNit', reason: 'check_digit', expected: nitCheckDigit(digits) },
        });
      }),
    );
  });

  it('names the field that is wrong, the sales e-mail included', () => {
    const fieldOf = (patch: Partial<BuilderProfileInput>) => {
      const checked = checkBuilderProfile({ ...input, ...patch });
      return checked.ok
        ? null
        : checked.error.type === 'InvalidBuilderProfile'
          ? checked.error.field
          : checked.error.type;
    };
    expect(fieldOf({ name: ' ' })).toBe('name');
    expect(fieldOf({ address: 'x'.repeat(201) })).toBe('address');
    expect(fieldOf({ salesPhone: '123' })).toBe('salesPhone');
    expect(fieldOf({ salesEmail: 'ventas@' })).toBe('salesEmail');
    expect(fieldOf({ website: 'dos palabras' })).toBe('website');
    expect(fieldOf({ logo: new TextEncoder().encode('GIF89a') })).toBe('LogoNotAnImage');
    expect(fieldOf({ website: null })).toBeNull();
  });
});
