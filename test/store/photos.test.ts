import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';
import { parseIndependently } from '../support/independent-parser.js';
import { fixturePath } from '../support/fixtures.js';

const iphone = () => new Uint8Array(readFileSync(fixturePath('vcard/iphone-3.0.vcf')));

describeEachDatabase('photos from vCards', (db) => {
  let store: Store;
  beforeEach(async () => {
    store = await db().newStore();
  });

  it('keeps a card’s photo when asked, exports it again, and moves it with a merge', async () => {
    const without = await store.imports.contacts(iphone(), 'john.vcf');
    const john = without.rows[0]?.personId ?? '';
    expect(without.ignoredColumns).toContain('PHOTO');
    expect(await store.imports.photo(john)).toBeNull();

    // Imported again with photos: the same person, now with their picture.
    const withPhotos = await store.imports.contacts(iphone(), 'john.vcf', { keepPhotos: true });
    expect(withPhotos.rows[0]?.personId).toBe(john);
    const photo = await store.imports.photo(john);
    expect(photo?.mime).toBe('image/jpeg');
    expect([...(photo?.bytes.subarray(0, 3) ?? [])]).toEqual([0xff, 0xd8, 0xff]);

    const { text } = await store.exports.vcard();
    const [card] = parseIndependently('vcard', text);
    expect(card?.photos).toBe(1);
    const parsed = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const uri = String(parsed.getFirstPropertyValue('photo'));
    expect(uri.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
    expect(
      Buffer.from(uri.split(',')[1] ?? '', 'base64').equals(photo?.bytes ?? Buffer.alloc(0)),
    ).toBe(true);

    // Undoing the import that brought the photo takes it back; importing again brings it.
    await store.imports.undo(withPhotos.runId ?? '');
    expect(await store.imports.photo(john)).toBeNull();
    await store.imports.contacts(iphone(), 'john.vcf', { keepPhotos: true });
    expect((await store.imports.photo(john))?.mime).toBe('image/jpeg');

    const twin = await store.people.create({ displayName: 'Johnny Doe' });
    await store.merges.merge(twin.id, john);
    expect((await store.imports.photo(twin.id))?.mime).toBe('image/jpeg');
  });
});
