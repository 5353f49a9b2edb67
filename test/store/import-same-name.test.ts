// #25.4: two people of one name at one organization, with different emails, are two people:
// a later file's card is added and flagged for review, never merged into the first.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const card = (email: string, phone: string) =>
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Maria Silva',
    'N:Silva;Maria;;;',
    'ORG:Banco Atlântico',
    `EMAIL:${email}`,
    `TEL:${phone}`,
    'END:VCARD',
    '',
  ].join('\r\n');

describeEachDatabase('the same name at the same organization', (db) => {
  it('is another person when the identifiers disagree, and the same one when they agree', async () => {
    const store = await db().newStore();
    await store.imports.contacts(
      utf8(card('maria.silva@atlantico.example', '+351 21 000 0001')),
      'one.vcf',
    );
    const second = await store.imports.contacts(
      utf8(card('m.silva@atlantico.example', '+351 21 000 0002')),
      'two.vcf',
    );
    expect(second.counts).toMatchObject({ new: 1, updated: 0, review: 1 });
    const both = await store.people.list({ name: 'Maria Silva' });
    expect(both.items.map((p) => p.emails).sort()).toEqual([
      ['m.silva@atlantico.example'],
      ['maria.silva@atlantico.example'],
    ]);
    // A card that agrees (the same phone, no email) is the first Maria again.
    const third = await store.imports.contacts(
      utf8(card('', '+351 21 000 0001').replace('EMAIL:\r\n', '')),
      'three.vcf',
    );
    expect(third.counts.new).toBe(0);
    expect((await store.people.list({ name: 'Maria Silva' })).total).toBe(2);
  });
});
