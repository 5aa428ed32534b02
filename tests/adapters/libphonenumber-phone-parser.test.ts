import { describe, expect, it } from 'vitest';
import { LibPhoneNumberParser } from '../../adapters/contact/libphonenumber-phone-parser.ts';

describe('LibPhoneNumberParser', () => {
  const parser = new LibPhoneNumberParser();

  it.each([
    ['300 123 4567', '+573001234567'],
    ['+57 300-123-4567', '+573001234567'],
    ['(601) 743 2000', '+576017432000'],
    ['+1 212 555 0100', '+12125550100'],
  ])('reads %s as %s', (typed, e164) => {
    expect(parser.parse(typed)).toEqual({ ok: true, value: e164 });
  });

  it.each(['123', 'hola', '', '300 123 45678 9'])('refuses %j', (typed) => {
    expect(parser.parse(typed)).toEqual({ ok: false, error: { type: 'InvalidPhone', input: typed } });
  });

  it('reads national numbers in its own default country', () => {
    expect(new LibPhoneNumberParser('MX').parse('55 1234 5678')).toEqual({ ok: true, value: '+525512345678' });
  });
});
