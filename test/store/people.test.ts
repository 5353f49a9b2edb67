import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

const ada = {
  displayName: 'Ada Lovelace',
  givenName: 'Ada',
  familyName: 'Lovelace',
  organization: 'Analytical Engines',
  title: 'CTO',
  unit: 'R&D',
  roles: ['mentor', 'connector'],
  tags: ['Finance', 'taxes'],
  emails: ['Ada@Example.com'],
  phones: ['+44 20 7946 0000'],
  linkedin: 'https://linkedin.com/in/ada/',
  notes: '# Notes\nLoves **engines**.',
  cadence: { kind: 'every', days: 42 },
};

describeEachDatabase('people', (db) => {
  let store: Store;
  beforeEach(async () => {
    store = await db().newStore();
  });

  it('creates a person with every field and reads it back normalized', async () => {
    const person = await store.people.create(ada);
    expect(person).toMatchObject({
      displayName: 'Ada Lovelace',
      organization: { name: 'Analytical Engines' },
      roles: ['connector', 'mentor'],
      tags: ['finance', 'taxes'],
      emails: ['ada@example.com'],
      linkedin: 'https://www.linkedin.com/in/ada',
      cadence: { kind: 'every', days: 42 },
      archivedAt: null,
      lastContactAt: null,
    });
    expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.people.get(person.id)).toEqual(person);
  });

  it('shares one organization between people who spell it differently', async () => {
    const a = await store.people.create({ displayName: 'A', organization: 'ACME Corp' });
    const b = await store.people.create({ displayName: 'B', organization: 'acme  corp' });
    expect(a.organization?.id).toBe(b.organization?.id);
    const orgs = await store.organizations.list();
    expect(orgs).toHaveLength(1);
    expect(orgs[0]?.peopleCount).toBe(2);
  });

  it('lists people filtered by role, tag, organization and unit, with a total', async () => {
    await store.people.create(ada);
    await store.people.create({
      displayName: 'Grace Hopper',
      roles: ['peer'],
      tags: ['compilers'],
      organization: 'Navy',
    });
    await store.people.create({ displayName: 'Alan Turing', roles: ['mentor'], unit: 'Research' });
    const mentors = await store.people.list({ role: 'mentor' });
    expect(mentors.items.map((p) => p.displayName)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(mentors.total).toBe(2);
    expect((await store.people.list({ tag: 'FINANCE' })).items.map((p) => p.displayName)).toEqual([
      'Ada Lovelace',
    ]);
    expect(
      (await store.people.list({ organization: 'navy' })).items.map((p) => p.displayName),
    ).toEqual(['Grace Hopper']);
    expect((await store.people.list({ unit: 'research' })).total).toBe(1);
    const page = await store.people.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((p) => p.displayName)).toEqual(['Alan Turing']);
  });

  it('sorts by last contact, people never contacted last (by name among them)', async () => {
    const a = await store.people.create({ displayName: 'Never Met' });
    const alsoNever = await store.people.create({ displayName: 'Amy Never' });
    const b = await store.people.create({ displayName: 'Met Long Ago' });
    const c = await store.people.create({ displayName: 'Met Yesterday' });
    await store.interactions.create({
      occurredAt: '2024-01-01',
      kind: 'call',
      summary: 'old',
      participantIds: [b.id],
    });
    await store.interactions.create({
      occurredAt: '2026-11-27',
      kind: 'coffee',
      summary: 'new',
      participantIds: [c.id],
    });
    const sorted = await store.people.list({ sort: 'last-contact' });
    expect(sorted.items.map((p) => p.id)).toEqual([c.id, b.id, alsoNever.id, a.id]);
    const second = await store.people.list({ sort: 'last-contact', limit: 2, offset: 1 });
    expect(second.items.map((p) => p.id)).toEqual([b.id, alsoNever.id]);
    expect(sorted.items[0]?.lastContactAt).toBe('2026-11-27T00:00:00.000Z');
  });

  it('patches only the given fields; an empty string clears one', async () => {
    const person = await store.people.create(ada);
    const updated = await store.people.update(person.id, {
      title: 'Chief Engineer',
      unit: '',
      tags: ['engines'],
    });
    expect(updated).toMatchObject({
      title: 'Chief Engineer',
      unit: null,
      tags: ['engines'],
      roles: ['connector', 'mentor'],
    });
    expect(updated.emails).toEqual(['ada@example.com']);
    expect(updated.updatedAt >= person.updatedAt).toBe(true);
  });

  it('moves a person to the trash and back, keeping everything', async () => {
    const person = await store.people.create(ada);
    const archived = await store.people.archive(person.id);
    expect(archived.archivedAt).not.toBeNull();
    expect((await store.people.list()).total).toBe(0);
    expect((await store.people.list({ archived: 'true' })).total).toBe(1);
    const restored = await store.people.restore(person.id);
    expect(restored).toEqual({ ...person, archivedAt: null });
  });

  it('resolves a name exactly, by word prefix, by email, ignoring case and accents', async () => {
    const jose = await store.people.create({
      displayName: 'José Álvarez',
      emails: ['jose@example.com'],
    });
    await store.people.create({ displayName: 'Ada Lovelace' });
    expect((await store.people.resolve('jose alvarez')).id).toBe(jose.id);
    expect((await store.people.resolve('alv')).id).toBe(jose.id);
    expect((await store.people.resolve('JOSE@example.com')).id).toBe(jose.id);
    expect((await store.people.resolve(jose.id)).id).toBe(jose.id);
  });

  it('refuses to guess when a name matches several people, and lists them', async () => {
    await store.people.create({ displayName: 'Sam Lee', organization: 'Acme' });
    await store.people.create({ displayName: 'Sam Patel' });
    await expect(store.people.resolve('sam')).rejects.toMatchObject({
      code: 'ambiguous',
      message: expect.stringMatching(/matches 2 people[\s\S]*Sam Lee \(Acme\)[\s\S]*Sam Patel/),
    });
    await expect(store.people.resolve('nobody')).rejects.toMatchObject({
      code: 'not_found',
      message: 'No person matches "nobody".',
    });
  });

  it('only finds people in the trash when asked to', async () => {
    const p = await store.people.create({ displayName: 'Gone Person' });
    await store.people.archive(p.id);
    await expect(store.people.resolve('gone')).rejects.toMatchObject({ code: 'not_found' });
    expect((await store.people.resolve('gone', { archived: true })).id).toBe(p.id);
  });

  it.each([
    ['a name with only spaces', { displayName: '   ' }, 'displayName'],
    ['a missing name', { title: 'CTO' }, 'displayName'], // valid as a patch: no name change
    [
      'an email that is not one',
      { displayName: 'X', emails: ['ok@example.com', 'not-an-email'] },
      'emails.1',
    ],
    ['a bad date', { displayName: 'X', metOn: '2026-02-30' }, 'metOn'],
    ['a 5 MB note', { displayName: 'X', notes: 'x'.repeat(5 * 1024 * 1024) }, 'notes'],
    ['an unknown role', { displayName: 'X', roles: ['boss'] }, 'roles.0'],
    [
      'a LinkedIn URL of another site',
      { displayName: 'X', linkedin: 'https://example.com/in/x' },
      'linkedin',
    ],
    ['an unknown field', { displayName: 'X', shoeSize: 44 }, 'input'],
    ['a bad cadence', { displayName: 'X', cadence: { kind: 'every', days: 0 } }, 'cadence.days'],
  ])('refuses %s, names the field and changes nothing', async (_what, input, field) => {
    await store.people.create(ada);
    const before = await snapshot(store);
    await expect(store.people.create(input)).rejects.toMatchObject({
      code: 'invalid_input',
      field,
    });
    if ('displayName' in input) {
      const [existing] = (await store.people.list()).items;
      await expect(store.people.update(existing?.id ?? '', input)).rejects.toMatchObject({
        code: 'invalid_input',
        field,
      });
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it('tags, archives and restores everyone a filter keeps, past the thousand ids a tick list may name', async () => {
    const people = Array.from({ length: 1500 }, (_, i) => ({
      key: `p${i}`,
      person: {
        displayName: `Person ${String(i).padStart(4, '0')}`,
        organization: i < 1200 ? 'Northwind' : 'Contoso',
        roles: i % 4 === 0 ? ['mentor'] : [],
      },
    }));
    let clock = new Date('2026-11-30T10:00:00Z');
    const team = await db().newStore({ now: () => clock });
    await team.bulkLoad({ people, interactions: [] });
    const someone = (await team.people.list({ organization: 'Northwind', limit: 1 })).items[0];
    clock = new Date('2026-12-01T10:00:00Z');

    const tagged = await team.people.bulk({
      matching: { organization: 'northwind' },
      action: 'add-tag',
      tag: 'Northwind alumni',
    });
    expect(tagged).toEqual({ action: 'add-tag', changed: 1200, unchanged: 0 });
    expect((await team.people.list({ tag: 'northwind alumni' })).total).toBe(1200);
    // Like an edit by hand: the person is changed now, and found by the tag's words.
    const after = await team.people.get(someone?.id ?? '');
    expect(after.tags).toEqual(['northwind alumni']);
    expect(after.updatedAt).toBe('2026-12-01T10:00:00.000Z');
    expect((await team.search({ q: 'alumni', limit: 5 })).people).toHaveLength(5);
    expect(
      await team.people.bulk({
        matching: { organization: 'Northwind' },
        action: 'add-tag',
        tag: 'northwind alumni',
      }),
    ).toEqual({ action: 'add-tag', changed: 0, unchanged: 1200 });

    const archived = await team.people.bulk({
      matching: { organization: 'Northwind', role: 'mentor' },
      action: 'archive',
    });
    expect(archived).toEqual({ action: 'archive', changed: 300, unchanged: 0 });
    expect((await team.people.list({ tag: 'northwind alumni' })).total).toBe(900);
    expect((await team.people.list({ archived: true })).total).toBe(300);
    // Archived: out of search, as the trash always is; restored: found again.
    const found = async () =>
      (await team.search({ q: 'person 0000' })).people.map((p) => p.displayName);
    expect(await found()).toEqual([]);
    const restored = await team.people.bulk({ matching: { archived: true }, action: 'restore' });
    expect(restored).toEqual({ action: 'restore', changed: 300, unchanged: 0 });
    expect(await found()).toEqual(['Person 0000']);
    const untagged = await team.people.bulk({
      matching: { tag: 'northwind alumni' },
      action: 'remove-tag',
      tag: 'northwind alumni',
    });
    expect(untagged).toMatchObject({ changed: 1200 });
    expect((await team.people.list({ tag: 'northwind alumni' })).total).toBe(0);

    // Named both ways, or neither: refused, nothing written.
    const before = await snapshot(team);
    for (const bad of [
      { ids: [someone?.id], matching: {}, action: 'archive' },
      { action: 'archive' },
      { matching: { sort: 'name' }, action: 'archive' },
    ])
      await expect(team.people.bulk(bad)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await snapshot(team)).toEqual(before);
  });

  it('keeps workspaces apart', async () => {
    await store.people.create(ada);
    const other = await db().newStore();
    expect((await other.people.list()).total).toBe(0);
    expect((await other.search({ q: 'ada' })).people).toEqual([]);
  });
});
