// Large changes to one workspace take turns, on both databases: two app servers (two stores
// with their own connections on one database) importing the same export at the same moment
// must not both add everyone.
import { afterEach, expect, it } from 'vitest';
import { KithError } from '../../src/domain/errors.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

const connections = (n: number) =>
  utf8(
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
      Array.from(
        { length: n },
        (_, i) =>
          `Given${i},Family${i},https://www.linkedin.com/in/person-${i},person${i}@example.com,Org ${i % 7},Role,04 Sep 2023`,
      ).join('\r\n'),
  );

describeEachDatabase('large changes take turns', (db) => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  /** Two servers on one database and one workspace. */
  async function twoServers() {
    const workspace = `shared-${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < 2; i++) open.push(await openStore(db().target, { workspace }));
    return open as [Store, Store];
  }

  it('two servers importing the same export at once add each person once', async () => {
    const [a, b] = await twoServers();
    const file = connections(400);
    const [first, second] = await Promise.all([
      a.imports.contacts(file, 'Connections.csv'),
      b.imports.contacts(file, 'Connections.csv'),
    ]);
    // One of them added everyone; the other, planned after it, found everyone there.
    expect([first.counts.new, second.counts.new].sort()).toEqual([0, 400]);
    expect((await a.people.list({ limit: 1 })).total).toBe(400);
    expect((await b.merges.suggestions()).length).toBe(0);
  });

  it('two servers creating the same organization at once: one does, the other is told why', async () => {
    const [a, b] = await twoServers();
    for (let round = 0; round < 5; round++) {
      const name = `Northwind ${round}`;
      const results = await Promise.allSettled([
        a.organizations.create({ name }),
        b.organizations.create({ name: name.toUpperCase() }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(KithError);
      expect((refused?.reason as KithError).code).toBe('conflict');
      expect((refused?.reason as KithError).message).toMatch(/exists already|at the same moment/);
    }
    expect(
      (await a.organizations.list()).filter((o) => o.name.toLowerCase().startsWith('northwind')),
    ).toHaveLength(5);
  });

  it('Today asked on two servers at once moves an overdue ask on once, and answers both', async () => {
    const [a, b] = await twoServers();
    for (let round = 0; round < 6; round++) {
      const person = await a.people.create({ displayName: `Quiet ${round}` });
      const ask = await a.asks.create({ personId: person.id, question: 'Could we talk pricing?' });
      // Sent long ago and never answered: the next Today moves it on.
      await a.asks.act(ask.id, { type: 'send', at: '2026-01-05T09:00:00Z' });
      const asked = { fallbackTimeZone: 'UTC' };
      const answers = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? b : a).agenda(asked)),
      );
      expect(answers.filter((r) => r.status === 'rejected')).toEqual([]);
      const moved = await a.asks.get(ask.id);
      expect(moved.state).not.toBe('sent');
      expect(moved.history.filter((h) => h.to === moved.state)).toHaveLength(1);
    }
  });
});
