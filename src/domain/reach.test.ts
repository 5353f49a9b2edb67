import { describe, expect, it } from 'vitest';
import { handleSchema, waysToReach } from './reach.js';

const dana = {
  emails: ['dana@example.org', 'dana@work.example'],
  phones: ['+351 912 345 678 ext 12', '021 555 0100'],
  handles: [
    'telegram:@dana_k',
    'signal:+351 912 345 678',
    'threema:ABCD1234',
    'matrix:@dana:matrix.org',
  ],
  linkedin: 'https://www.linkedin.com/in/dana',
};

describe('ways to reach someone', () => {
  it('offers each channel the stored numbers, addresses and handles allow', () => {
    expect(waysToReach(dana).map((w) => [w.label, w.href])).toEqual([
      ['Email', 'mailto:dana@example.org'],
      ['Call', 'tel:+351912345678'],
      ['SMS', 'sms:+351912345678'],
      ['WhatsApp', 'https://wa.me/351912345678'],
      ['Telegram', 'https://t.me/dana_k'],
      ['Signal', 'https://signal.me/#p/+351912345678'],
      ['Threema', 'https://threema.id/ABCD1234'],
      ['Matrix', 'https://matrix.to/#/@dana:matrix.org'],
      ['LinkedIn', 'https://www.linkedin.com/in/dana'],
    ]);
  });

  it('fills the message in where the channel allows it, encoded', () => {
    const ways = waysToReach(dana, { subject: 'A question', text: 'Hi Dana & co,\nhow?' });
    const by = Object.fromEntries(ways.map((w) => [w.label, w]));
    expect(by.Email?.href).toBe(
      'mailto:dana@example.org?subject=A%20question&body=Hi%20Dana%20%26%20co%2C%0Ahow%3F',
    );
    expect(by.SMS?.href).toBe('sms:+351912345678?&body=Hi%20Dana%20%26%20co%2C%0Ahow%3F');
    expect(by.WhatsApp?.href).toBe(
      'https://wa.me/351912345678?text=Hi%20Dana%20%26%20co%2C%0Ahow%3F',
    );
    expect(by.Threema?.prefilled).toBe(true);
    expect(by.Telegram?.prefilled).toBe(false);
    expect(by.LinkedIn?.prefilled).toBe(false);
  });

  it('offers no WhatsApp for a number without its country code, and nothing for nothing', () => {
    const local = { emails: [], phones: ['021 555 0100'], handles: [], linkedin: null };
    expect(waysToReach(local).map((w) => w.label)).toEqual(['Call', 'SMS']);
    expect(waysToReach({ emails: [], phones: [], handles: [], linkedin: null })).toEqual([]);
  });
});

describe('a messaging handle', () => {
  it('is service:name, the service in any case, and says what each service takes', () => {
    expect(handleSchema.parse('Telegram: @dana_k')).toBe('telegram:@dana_k');
    expect(handleSchema.parse('whatsapp:+44 20 7946 0000')).toBe('whatsapp:+44 20 7946 0000');
    expect(handleSchema.safeParse('icq:12345').error?.issues[0]?.message).toBe(
      '"icq:12345" is not a messaging handle: write service:name, e.g. telegram:@dana (whatsapp, signal, telegram, threema, matrix, skype, discord, x)',
    );
    expect(handleSchema.safeParse('whatsapp:912 345 678').error?.issues[0]?.message).toBe(
      '"whatsapp:912 345 678": a whatsapp handle is a phone number with its country code (+351 912 345 678)',
    );
  });
});
