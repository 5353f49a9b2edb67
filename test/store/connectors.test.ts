import { beforeEach, expect, it, vi } from 'vitest';
import type { Person } from '../../src/domain/person.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';

const DAY = 86_400_000;

describeEachDatabase('connectors and giving back', (db) => {
  let store: Store;
  let clock: Date;
  let priya: Person;
  let sam: Person;
  let lee: Person;
  const at = (daysAgo: number) => new Date(clock.getTime() - daysAgo * DAY).toISOString();
  const chat = (person: Person, daysAgo: number) =>
    store.interactions.create({
      occurredAt: at(daysAgo),
      kind: 'coffee',
      summary: `Coffee with ${person.displayName}`,
      participantIds: [person.id],
    });

  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:00Z');
    store = await db().newStore({ now: () => clock });
    priya = await store.people.create({ displayName: 'Priya Raman', roles: ['connector'] });
    sam = await store.people.create({ displayName: 'Sam Okafor', organization: 'Ledgerly' });
    lee = await store.people.create({ displayName: 'Lee Park', organization: 'Northwind' });
  });

  it('records a received introduction: a new person, the edge, the link to the ask and campaign', async () => {
    const campaign = await store.campaigns.create({ name: 'Go independent', tags: ['taxes'] });
    const ask = await store.asks.create({
      personId: priya.id,
      question: 'Who should I talk to about taxes?',
      campaignId: campaign.id,
    });
    const intro = await store.introductions.receive({
      introducerId: priya.id,
      newPerson: { displayName: 'Tom Berg', tags: ['taxes'] },
      askId: ask.id,
    });
    expect(intro).toMatchObject({
      kind: 'received',
      personA: priya.id,
      personAName: 'Priya Raman',
      personBName: 'Tom Berg',
      state: 'made',
      askId: ask.id,
      campaignId: campaign.id,
      reason: 'Priya Raman introduced you to Tom Berg',
    });
    const tom = await store.people.get(intro.personB);
    const ties = await store.knows.of(tom.id);
    expect(ties).toEqual([
      expect.objectContaining({
        source: 'introduction',
        introductionId: intro.id,
        context: 'Priya introduced you to Tom Berg',
        inferred: false,
      }),
    ]);
    // The campaign counts the introduction it brought.
    const [progress] = (await store.campaigns.list()).map((c) => c.progress);
    expect(progress?.introductions).toBe(1);
    // What came of it closes it.
    const closed = await store.introductions.act(intro.id, {
      type: 'outcome',
      note: 'Tom explained quarterly prepayments',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      outcome: 'Tom explained quarterly prepayments',
    });
  });

  it('matches someone already in Kith by name instead of creating them twice', async () => {
    const again = await store.introductions.receive({
      introducerId: priya.id,
      newPerson: { displayName: 'sam okafor' },
    });
    expect(again.personB).toBe(sam.id);
    expect((await store.people.list({ limit: 10 })).total).toBe(3);
    await store.people.create({ displayName: 'Sam Okafor', organization: 'Elsewhere' });
    await expect(
      store.introductions.receive({
        introducerId: priya.id,
        newPerson: { displayName: 'Sam Okafor' },
      }),
    ).rejects.toMatchObject({ code: 'ambiguous', field: 'newPerson' });
  });

  it('refuses a bad received introduction with the field named, writing nothing', async () => {
    const before = await snapshot(store);
    await expect(
      store.introductions.receive({ introducerId: priya.id, personId: priya.id }),
    ).rejects.toMatchObject({ field: 'personId' });
    await expect(
      store.introductions.receive({ introducerId: priya.id, newPerson: { displayName: ' ' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      store.introductions.receive({
        introducerId: priya.id,
        personId: sam.id,
        newPerson: { displayName: 'Both' },
      }),
    ).rejects.toMatchObject({ field: 'personId' });
    // The new person would be created before the ask is checked: the transaction undoes it.
    await expect(
      store.introductions.receive({
        introducerId: priya.id,
        newPerson: { displayName: 'Ghost' },
        askId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      }),
    ).rejects.toMatchObject({ field: 'askId' });
    expect(await snapshot(store)).toEqual(before);
    expect(await store.introductions.list()).toEqual([]);
  });

  it('makes an introduction with double opt-in, drafting each message, and records the new tie', async () => {
    await store.settings.update({ myName: 'Alex' });
    const intro = await store.introductions.propose({
      personA: sam.id,
      personB: lee.id,
      reason: 'you both moved from audit to product',
    });
    expect(intro).toMatchObject({
      kind: 'made',
      state: 'proposed',
      allowedActions: ['ask-a', 'decline'],
    });
    const askA = await store.introductions.draft(intro.id);
    expect(askA.message).toBe('ask-a');
    expect(askA.to).toEqual([sam.id]);
    expect(askA.text).toContain('Hi Sam,');
    expect(askA.text).toContain('meeting Lee Park: you both moved from audit to product');

    await store.introductions.act(intro.id, { type: 'ask-a' });
    // B is asked only after A said yes; the refusal changes nothing.
    const before = await store.introductions.get(intro.id);
    await expect(store.introductions.act(intro.id, { type: 'ask-b' })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('B is asked only after A said yes'),
    });
    expect(await store.introductions.get(intro.id)).toEqual(before);

    await store.introductions.act(intro.id, { type: 'accept-a' });
    expect((await store.introductions.draft(intro.id)).message).toBe('ask-b');
    await store.introductions.act(intro.id, { type: 'ask-b' });
    await store.introductions.act(intro.id, { type: 'accept-b' });
    const connect = await store.introductions.draft(intro.id);
    expect(connect).toMatchObject({ message: 'connect', to: [sam.id, lee.id] });
    expect(connect.text).toContain('Hi Sam and Lee,');
    expect(connect.text).toContain('Alex');
    expect(await store.knows.of(sam.id)).toEqual([]);
    const made = await store.introductions.act(intro.id, { type: 'make' });
    expect(made.state).toBe('made');
    expect(made.history.map((h) => `${h.action}:${h.to}`)).toEqual([
      'propose:proposed',
      'ask-a:asked-a',
      'accept-a:asked-a',
      'ask-b:asked-b',
      'accept-b:accepted',
      'make:made',
    ]);
    expect(await store.knows.of(sam.id)).toEqual([
      expect.objectContaining({ personBName: expect.any(String), context: 'introduced by you' }),
    ]);
    // Giving back shows in both ledgers.
    const samLedger = await store.ledger.of(sam.id);
    expect(samLedger).toMatchObject({ asked: 0, gave: 1 });
    expect(samLedger.entries[0]?.what).toBe('you introduced them to Lee Park');
  });

  it('lets either person decline, kindly, and then nothing more can happen', async () => {
    const intro = await store.introductions.propose({
      personA: sam.id,
      personB: lee.id,
      reason: 'pricing',
    });
    await store.introductions.act(intro.id, { type: 'ask-a' });
    const declined = await store.introductions.act(intro.id, { type: 'decline', by: 'a' });
    expect(declined).toMatchObject({ state: 'declined', allowedActions: [] });
    expect(declined.history.at(-1)?.note).toBe('declined by A');
    await expect(store.introductions.act(intro.id, { type: 'make' })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(await store.introductions.list({ state: 'declined' })).toHaveLength(1);
    expect(await store.introductions.list({ kind: 'received' })).toHaveLength(0);
  });

  it('keeps one edge per pair, in either order, and infers colleagues of a small team', async () => {
    const first = await store.knows.record({
      personA: lee.id,
      personB: sam.id,
      context: 'same board',
      strength: 'strong',
    });
    const again = await store.knows.record({ personA: sam.id, personB: lee.id, strength: 'weak' });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ context: 'same board', strength: 0.3, source: 'manual' });
    await expect(store.knows.record({ personA: sam.id, personB: sam.id })).rejects.toMatchObject({
      field: 'personB',
    });
    await expect(
      store.knows.record({ personA: sam.id, personB: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
    ).rejects.toMatchObject({ field: 'personB' });

    const ana = await store.people.create({
      displayName: 'Ana Silva',
      organization: 'Ledgerly',
      unit: 'Tax',
    });
    const bo = await store.people.create({
      displayName: 'Bo Lind',
      organization: 'Ledgerly',
      unit: 'Tax',
    });
    const ties = await store.knows.of(ana.id);
    expect(ties).toEqual([
      expect.objectContaining({
        personB: bo.id,
        inferred: true,
        source: 'inferred',
        context: 'same unit (Tax) at Ledgerly',
      }),
    ]);
    await store.knows.forget(first.id);
    expect(await store.knows.of(sam.id)).toEqual([]);
    await expect(store.knows.forget(first.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers "who can help with taxes": a direct contact and a warm path, both explained', async () => {
    const dana = await store.people.create({
      displayName: 'Dana Finch',
      tags: ['taxes'],
      title: 'Independent consultant',
    });
    const tom = await store.people.create({
      displayName: 'Tom Berg',
      title: 'Tax advisor',
      organization: 'Berg & Co',
      tags: ['taxes'],
    });
    for (const d of [5, 40, 90]) await chat(dana, d);
    for (const d of [3, 30, 60, 120]) await chat(priya, d);
    await chat(sam, 700); // a dormant tie: not a connector to rely on
    await store.knows.record({ personA: sam.id, personB: tom.id, strength: 'strong' });
    await store.knows.record({
      personA: priya.id,
      personB: tom.id,
      context: 'worked together at Ledgerly',
      strength: 'good',
    });

    const answer = await store.who({ q: 'taxes' });
    expect(answer.direct.map((d) => d.name)).toEqual(['Dana Finch']);
    expect(answer.direct[0]?.explanation).toMatch(
      /^ask Dana, who works on taxes; strong — 3 interactions in the last year, last 5 days ago$/,
    );
    expect(answer.paths).toHaveLength(1);
    const path = answer.paths[0];
    expect(path?.people.map((p) => p.name)).toEqual(['Priya Raman', 'Tom Berg']);
    expect(path?.explanation).toBe(
      'ask Priya to introduce you to Tom Berg, who works on taxes (Priya Raman — Tom Berg: worked together at Ledgerly)',
    );
    expect(path?.ask).toEqual({
      personId: priya.id,
      purpose: 'intro',
      question: 'Would you introduce me to Tom Berg? I would like to ask about taxes.',
    });
    // The path becomes an ask to the connector.
    const ask = await store.asks.create(path?.ask);
    expect(ask).toMatchObject({ personId: priya.id, purpose: 'intro', state: 'draft' });

    // The graph is kept between questions and read again after a change to a tie.
    const graph = await store.graph();
    expect(await store.graph()).toBe(graph);
    await store.knows.record({ personA: sam.id, personB: tom.id, strength: 'weak' });
    const next = await store.graph();
    expect(next).not.toBe(graph);
    expect(next.version).toBeGreaterThan(graph.version);
    // A graph that took long to read keeps answering while the next one is read.
    next.buildMs = 10_000;
    await store.knows.record({ personA: lee.id, personB: tom.id, strength: 'weak' });
    expect(await store.graph()).toBe(next);
    await vi.waitFor(async () => expect(await store.graph()).not.toBe(next));
    expect((await store.graph()).version).toBeGreaterThan(next.version);
    // Archiving the connector takes the path away.
    await store.people.archive(priya.id);
    expect((await store.who({ q: 'tax' })).paths).toEqual([]);
  });

  it('keeps the ledger: asks and introductions received against introductions made', async () => {
    for (const question of ['How did you price?', 'Who are your first clients?']) {
      const ask = await store.asks.create({ personId: priya.id, question });
      await store.asks.act(ask.id, { type: 'send', at: at(10) });
    }
    await store.introductions.receive({ introducerId: priya.id, personId: lee.id, at: at(2) });
    const ledger = await store.ledger.of(priya.id);
    expect(ledger).toMatchObject({ asked: 3, gave: 0, oneSided: true });
    expect(ledger.note).toBe(
      'You have asked Priya 3 times and not given back yet: is there someone Priya would like to meet?',
    );
    expect(ledger.entries.map((e) => e.what)).toEqual([
      'introduced you to Lee Park',
      'you asked: How did you price?',
      'you asked: Who are your first clients?',
    ]);
    expect(await store.ledger.overview()).toEqual([
      { personId: priya.id, name: 'Priya Raman', asked: 3, gave: 0, oneSided: true },
    ]);
    // Today suggests giving back to the person who just helped.
    const today = await store.today(clock.toISOString(), 'UTC');
    expect(today.items).toContainEqual(
      expect.objectContaining({
        kind: 'give-back',
        personId: priya.id,
        reason:
          'Priya introduced you to Lee Park 2 days ago: is there someone Priya would like to meet?',
      }),
    );
  });

  it('shows the network from several vantage points', async () => {
    await store.settings.update({ myOrganization: 'Ledgerly', myUnit: 'Audit' });
    const team = await Promise.all(
      ['Ana', 'Bo', 'Cy'].map((n) =>
        store.people.create({ displayName: `${n} Audit`, organization: 'Ledgerly', unit: 'Audit' }),
      ),
    );
    for (const p of team) {
      await chat(p, 10);
      await chat(p, 20);
    }
    await chat(lee, 15);
    await store.introductions.receive({ introducerId: priya.id, personId: lee.id });
    await store.introductions.receive({ introducerId: priya.id, personId: sam.id });
    // Kai is a connector by the user's word, with no introduction yet.
    const kai = await store.people.create({ displayName: 'Kai Wren', roles: ['connector'] });
    // Priya alone connects Lee and Sam to the rest.
    const insights = await store.insights();
    expect(insights.chatsThisYear).toBe(7);
    expect(insights.byUnit[0]).toEqual({ name: 'Audit at Ledgerly', people: 3, chats: 6 });
    expect(insights.hints[0]).toBe(
      '86% of your chats this year were with your own unit: try someone from another team.',
    );
    expect(insights.connectors).toEqual([
      { personId: priya.id, name: 'Priya Raman', introductions: 2, byRole: true },
      { personId: kai.id, name: 'Kai Wren', introductions: 0, byRole: true },
    ]);
    expect(insights.bridges).toEqual([
      { personId: priya.id, name: 'Priya Raman', holdsTogether: 1 },
    ]);
    // One definition (#25.12): the network map marks exactly the people Insights names.
    const map = await store.networkMap();
    expect(map.nodes.filter((n) => n.connector).map((n) => n.id)).toEqual(
      insights.connectors.map((c) => c.personId),
    );
    expect(map.nodes.filter((n) => n.bridge).map((n) => n.id)).toEqual(
      insights.bridges.map((b) => b.personId),
    );
  });
});
