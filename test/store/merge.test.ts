import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describeEachDatabase('duplicates: suggestions and merging', (db) => {
  let store: Store;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:00Z');
    store = await db().newStore({ now: () => clock });
  });

  it('suggests the same-name row an import flagged, and likely pairs, most likely first', async () => {
    await store.people.create({ displayName: 'Priya Raman', organization: 'Northwind' });
    await store.people.create({ displayName: 'Tom Becker', emails: ['tom@example.com'] });
    await store.people.create({ displayName: 'Thomas Becker', emails: ['tom@example.com'] });
    await store.people.create({ displayName: 'Sam Ortiz' });
    // An import of someone with the same name and no other key: added, flagged for review.
    const report = await store.imports.contacts(
      utf8(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nPriya,Raman,,,,Data Scientist,\r\n',
      ),
      'Connections.csv',
    );
    expect(report.counts.review).toBe(1);
    const suggestions = await store.merges.suggestions();
    expect(
      suggestions.map((s) => [s.score, s.reasons, s.people.map((p) => p.displayName)]),
    ).toEqual([
      [
        1,
        ['the same email, tom@example.com'],
        expect.arrayContaining(['Tom Becker', 'Thomas Becker']),
      ],
      [0.99, ['the same name'], ['Priya Raman', 'Priya Raman']],
    ]);

    // Two different people: said once, never suggested again.
    const [, priyas] = suggestions;
    await store.merges.dismiss(priyas?.people[1].id ?? '', priyas?.people[0].id ?? '');
    expect((await store.merges.suggestions()).map((s) => s.reasons[0])).toEqual([
      'the same email, tom@example.com',
    ]);
  });

  it('reads people a page at a time and compares them on a thread: the same pairs', async () => {
    const given = ['Ana', 'Anna', 'Bo', 'Chen'];
    let archived = '';
    for (let i = 0; i < 30; i += 1) {
      const person = await store.people.create({
        displayName: `${given[i % 4]} ${i % 3 ? 'Novak' : 'Okafor'}`,
        organization: `Org ${i % 5}`,
        emails: [`p${i}@example.com`, ...(i % 4 === 0 ? [`shared${i % 8}@example.com`] : [])],
        phones: i % 6 === 0 ? ['+1 555 0100'] : [],
      });
      if (i === 28) archived = (await store.people.archive(person.id)).id;
    }
    const whole = await store.merges.suggestions(100);
    expect(whole.length).toBeGreaterThan(20);
    // Emails and phones from every page: shared addresses and numbers are found as such.
    expect(whole.flatMap((s) => s.reasons).join(' ')).toMatch(
      /the same email, shared0@example\.com/,
    );
    expect(whole.flatMap((s) => s.reasons).join(' ')).toMatch(/the same phone/);
    expect(whole.flatMap((s) => s.people).every((p) => p.emails.length >= 1)).toBe(true);
    // Pages of 4 (a page's contacts are those in its range of ids), compared on a thread.
    const paged = await store.merges.suggestions(100, { page: 4, threadMinPeople: 0 });
    expect(paged).toEqual(whole);
    // The archived person (who shares an address with three others) is in neither.
    expect(archived).not.toBe('');
    expect(whole.flatMap((s) => s.people).map((p) => p.id)).not.toContain(archived);
  });

  it('merges one person into another, keeping every interaction, ask, follow-up, introduction and tie', async () => {
    const priya = await store.people.create({
      displayName: 'Priya Raman',
      emails: ['priya@work.example'],
      organization: 'Northwind',
      tags: ['data'],
    });
    const dup = await store.people.create({
      displayName: 'P. Raman',
      emails: ['priya@home.example'],
      title: 'Data Scientist',
      tags: ['python'],
      notes: 'Knows about taxes.',
    });
    const tom = await store.people.create({ displayName: 'Tom Becker' });
    const lena = await store.people.create({ displayName: 'Lena Park' });
    await store.interactions.create({
      occurredAt: '2026-10-01',
      kind: 'coffee',
      summary: 'Coffee',
      participantIds: [priya.id],
    });
    await store.interactions.create({
      occurredAt: '2026-11-01',
      kind: 'call',
      summary: 'Call with both of them (one person, twice)',
      participantIds: [priya.id, dup.id],
    });
    await store.interactions.create({
      occurredAt: '2026-11-10',
      kind: 'message',
      summary: 'Message to the duplicate',
      participantIds: [dup.id, tom.id],
    });
    const ask = await store.asks.create({ personId: dup.id, question: 'How do you file taxes?' });
    await store.tasks.create({ title: 'Thank her', dueOn: '2026-11-25', personId: dup.id });
    await store.knows.record({
      personA: dup.id,
      personB: tom.id,
      strength: 'good',
      context: 'teammates',
    });
    await store.knows.record({
      personA: priya.id,
      personB: lena.id,
      strength: 'weak',
      context: 'book club',
    });
    await store.knows.record({
      personA: dup.id,
      personB: lena.id,
      strength: 'strong',
      context: 'old friends',
    });
    await store.knows.record({ personA: priya.id, personB: dup.id, strength: 'weak' });
    const intro = await store.introductions.receive({
      introducerId: dup.id,
      newPerson: { displayName: 'Sam Ortiz' },
      reason: 'he knows taxes',
    });

    clock = new Date('2026-11-21T10:00:00Z');
    const merged = await store.merges.merge(priya.id, dup.id);
    expect(merged).toMatchObject({
      id: priya.id,
      displayName: 'Priya Raman',
      emails: ['priya@work.example', 'priya@home.example'],
      organization: { name: 'Northwind' },
      title: 'Data Scientist',
      tags: ['data', 'python'],
      notes: 'Knows about taxes.',
      lastContactAt: '2026-11-10T00:00:00.000Z',
    });
    await expect(store.people.get(dup.id)).rejects.toThrow(/No person matches/);
    const chats = (await store.interactions.list({ personId: priya.id })).items;
    expect(chats.map((i) => [i.summary, i.participants.map((p) => p.displayName)])).toEqual([
      ['Message to the duplicate', ['Priya Raman', 'Tom Becker']],
      ['Call with both of them (one person, twice)', ['Priya Raman']],
      ['Coffee', ['Priya Raman']],
    ]);
    expect((await store.asks.get(ask.id)).personId).toBe(priya.id);
    expect((await store.tasks.list()).map((t) => t.personId)).toEqual([priya.id]);
    expect((await store.introductions.get(intro.id)).personA).toBe(priya.id);
    const ties = await store.knows.of(priya.id);
    expect(
      ties
        .map((t) => [t.personA === priya.id ? t.personBName : t.personAName, t.strength, t.context])
        .sort(),
    ).toEqual([
      ['Lena Park', 0.9, 'old friends'],
      ['Sam Ortiz', expect.any(Number), expect.anything()],
      ['Tom Becker', 0.6, 'teammates'],
    ]);
    // Searching finds the one person left, by the other's words too.
    expect((await store.search({ q: 'python' })).people.map((p) => p.id)).toEqual([priya.id]);
  });

  it('refuses to merge a person into themselves or into someone unknown, changing nothing', async () => {
    const a = await store.people.create({ displayName: 'Ada' });
    const before = await snapshot(store);
    await expect(store.merges.merge(a.id, a.id)).rejects.toThrow(
      'cannot be merged into themselves',
    );
    await expect(store.merges.merge(a.id, '01a226eb-0000-7000-8000-000000000000')).rejects.toThrow(
      /No person matches/,
    );
    expect(await snapshot(store)).toEqual(before);
  });
});
