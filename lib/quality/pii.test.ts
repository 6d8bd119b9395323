import { describe, expect, it } from 'vitest';
import { luhn, piiKinds } from './pii';
import { check, filler, finding } from './testing';

describe('piiKinds', () => {
  it.each([
    ['an e-mail address', 'write to jane.doe@example.com please', ['email']],
    ['an e-mail address with a plus and accents', 'I am k.müller+shop@example.de', ['email']],
    ['an international phone number', 'call me on +44 20 7946 0958', ['phone']],
    ['an international number without spaces', 'my number is +4915112345678', ['phone']],
    ['a 00 international number', 'ring 0049 30 1234567 today', ['phone']],
    ['a North American number', 'call (555) 123-4567 after 5', ['phone']],
    ['a North American number with dashes', 'my cell is 555-123-4567.', ['phone']],
    ['a North American number with a country code', 'call 1-800-555-0199', ['phone']],
    ['a British mobile', 'text 07700 900123', ['phone']],
    ['a French number', 'appelez le 01 23 45 67 89', ['phone']],
    ['a German number with dashes', 'Tel 030-12345678', ['phone']],
    ['a Visa test card with spaces', 'card 4111 1111 1111 1111 was charged', ['card']],
    ['a Mastercard number with dashes', 'card 5555-5555-5555-4444', ['card']],
    ['an Amex number', 'amex 378282246310005', ['card']],
    ['a German IBAN with spaces', 'IBAN DE89 3704 0044 0532 0130 00, thanks', ['iban']],
    ['a British IBAN without spaces', 'pay GB82WEST12345698765432', ['iban']],
    ['a lower-case IBAN', 'pay to gb82 west 1234 5698 7654 32', ['iban']],
    ['several kinds', 'jane@example.com, +44 20 7946 0958', ['email', 'phone']],
  ])('finds %s', (_name, text, kinds) => expect(piiKinds(text)).toEqual(kinds));

  it.each([
    ['an order number', 'I need a return label for order #5747119.'],
    ['a long order number', 'order #4111111111111111 is late'],
    ['an order number without a sign', 'my order 12345678901 is late'],
    ['a date', 'since 2020-06-29 and 29.06.2020 and 06/29/2020'],
    ['a date and time', 'on 29.06.2020 12.30'],
    ['amounts', 'charged $1,299.00 and €89,90 and 1 299.00'],
    ['an error code', 'code 0x80070005 again'],
    ['a version number', 'app version 10.2.3.4567 crashes'],
    ['measurements', "I'm 178 cm and 70 kg"],
    ['a postal address', 'Calle Mayor 5, 28013 Madrid'],
    ['a card-like number failing Luhn', 'card 4111 1111 1111 1112'],
    ['an IBAN failing mod 97', 'IBAN DE89 3704 0044 0532 0130 01'],
    ['an at sign without a domain', 'meet @ 5pm, ping @team'],
    ['a redacted phone number', 'call (XXX) XXX-XXXX'],
    ['a word ending in two letters and digits', 'ref AB12 ok'],
  ])('ignores %s', (_name, text) => expect(piiKinds(text)).toEqual([]));

  it('checks card numbers with Luhn', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
  });
});

describe('pii', () => {
  it('flags texts with personal data as a warning, counting each kind', () => {
    const rows = [
      ...filler(10),
      ['mail jane@example.com', 'a', 'b'],
      ['call +44 20 7946 0958 or jane@example.com', 'a', 'b'],
      ['card 4111 1111 1111 1111', 'a', 'b'],
    ];
    const r = finding(check(rows), 'pii')!;
    expect(r).toMatchObject({ severity: 'warning', count: 3, rows: [11, 12, 13], details: { kinds: { email: 2, phone: 1, card: 1 } } });
    expect(r.message).toBe(
      '3 texts contain what looks like personal data (2 with an e-mail address, 1 with a phone number and 1 with a payment card number). A fine-tuned model can repeat what it was trained on: remove or mask it (for example [EMAIL]) unless it is made up.',
    );
  });

  it('stays quiet on ordinary texts', () => {
    expect(finding(check(filler(50)), 'pii')).toBeUndefined();
  });
});
