// #23.4: messaging handles are a person's like their emails and phones: written, changed,
// checked (the field named), kept by a merge, and through a backup.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('messaging handles', (db) => {
  it('are kept, checked, merged and restored like the other ways to reach someone', async () => {
    const store = await db().newStore();
    const dana = await store.people.create({
      displayName: 'Dana Kim',
      handles: ['Telegram:@dana_k', 'signal:+351 912 345 678'],
    });
    expect(dana.handles).toEqual(['telegram:@dana_k', 'signal:+351 912 345 678']);
    await expect(store.people.update(dana.id, { handles: ['icq:1234'] })).rejects.toThrow(
      /^handles\.0: "icq:1234" is not a messaging handle/,
    );
    expect((await store.people.get(dana.id)).handles).toHaveLength(2);

    const twin = await store.people.create({
      displayName: 'Dana Kim',
      handles: ['threema:ABCD1234', 'telegram:@dana_k'],
    });
    const merged = await store.merges.merge(dana.id, twin.id);
    expect(merged.handles).toEqual([
      'telegram:@dana_k',
      'signal:+351 912 345 678',
      'threema:ABCD1234',
    ]);

    const copy = await db().newDatabase();
    await copy.imports.contacts(
      new TextEncoder().encode(JSON.stringify(await store.exports.json())),
      'kith-backup.json',
    );
    expect((await copy.people.resolve('Dana Kim')).handles).toEqual(merged.handles);
  });
});
