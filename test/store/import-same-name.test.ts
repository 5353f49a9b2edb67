// #25.4: two people of one name at one organization, with different emails, are two people:
// a later file's card is added and flagged for review, never merged into the first. A card's
// UID seen before is the same person again, whatever else on the card changed.
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

const withUid = (uid: string, email: string, extra: string[] = []) =>
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    'FN:Maria Silva',
    'N:Silva;Maria;;;',
    'ORG:Banco Atlântico',
    `EMAIL:${email}`,
    ...extra,
    'END:VCARD',
    '',
  ].join('\r\n');

describeEachDatabase('a card seen before', (db) => {
  it('is the same person again by its UID, though every other identifier changed', async () => {
    const store = await db().newStore();
    const first = await store.imports.contacts(
      utf8(withUid('android-4711', 'maria@old.example') + withUid('ios-A1B2', 'm2@bank.example')),
      'phone.vcf',
    );
    expect(first.counts).toMatchObject({ new: 2 });
    const [maria, other] = first.rows.map((r) => r.personId ?? '');
    // New email, new phone, new title: only the UID says who this is.
    const again = await store.imports.contacts(
      utf8(
        withUid('android-4711', 'maria@new.example', ['TEL:+351 21 999 9999', 'TITLE:Director']),
      ),
      'phone-later.vcf',
    );
    expect(again.counts).toMatchObject({ new: 0, updated: 1, review: 0 });
    expect(again.rows[0]).toMatchObject({ personId: maria, matchedBy: 'card UID' });
    expect((await store.people.get(maria ?? '')).title).toBe('Director');
    expect((await store.people.list({ name: 'Maria Silva' })).total).toBe(2);

    // Twice in one file: the second card is the same as the first.
    const twice = await store.imports.contacts(
      utf8(withUid('ios-A1B2', 'x@one.example') + withUid('ios-A1B2', 'y@two.example')),
      'twice.vcf',
    );
    expect(twice.rows.map((r) => [r.action, r.personId])).toEqual([
      ['updated', other],
      ['duplicate', null],
    ]);

    // Merged, the other's cards find the person kept.
    await store.merges.merge(maria ?? '', other ?? '');
    const merged = await store.imports.contacts(
      utf8(withUid('ios-A1B2', 'z@three.example')),
      'after-merge.vcf',
    );
    expect(merged.rows[0]).toMatchObject({ personId: maria, matchedBy: 'card UID' });
  });

  it('knows the cards of its own export, and forgets a UID with the person erased', async () => {
    const store = await db().newStore();
    const dana = await store.people.create({
      displayName: 'Dana Kim',
      emails: ['dana@old.example'],
    });
    const { text } = await store.exports.vcard();
    // Edited elsewhere (a new address), then brought back: the same Dana.
    const edited = text.replace('dana@old.example', 'dana@new.example');
    const back = await store.imports.contacts(utf8(edited), 'kith.vcf');
    expect(back.rows[0]).toMatchObject({ personId: dana.id, matchedBy: 'card UID' });
    expect((await store.people.get(dana.id)).emails).toContain('dana@new.example');

    // Erased, the person takes the UID with them: the card is someone new again.
    const run = await store.imports.contacts(utf8(withUid('card-9', 'lee@example.org')), 'lee.vcf');
    await store.people.erase(run.rows[0]?.personId ?? '', { confirm: true });
    const later = await store.imports.contacts(
      utf8(withUid('card-9', 'lee.new@example.org')),
      'lee.vcf',
    );
    expect(later.counts).toMatchObject({ new: 1 });
  });
});
