// #25.1: who can help answers with everyone who matches. A tax advisor you spoke to once,
// 20 days ago, is an answer — ranked after people you know well, and said to be a weak tie —
// and "no one matches" is never said when someone does.
import { expect, it } from 'vitest';
import { cliSandbox } from '../support/cli.js';
import { describeEachDatabase } from '../support/databases.js';

const now = () => new Date('2026-12-07T10:00:00Z');

describeEachDatabase('who can help, weak ties', (db) => {
  it('answers with a weak tie who matches, after those known well, and says how weak', async () => {
    const store = await db().newStore({ now });
    const dana = await store.people.create({
      displayName: 'Dana Kim',
      title: 'Tax advisor',
      tags: ['taxes'],
    });
    await store.interactions.create({
      kind: 'call',
      occurredAt: '2026-11-17',
      participantIds: [dana.id],
      summary: 'Call about taxes',
    });
    const first = await store.who({ q: 'taxes' });
    expect(first.direct.map((d) => d.name)).toEqual(['Dana Kim']);
    expect(first.direct[0]?.explanation).toBe(
      'ask Dana, who works on taxes; a weak tie (you spoke once, 3 weeks ago), and one chat is enough to ask',
    );
    // Someone known well who matches comes first.
    const lee = await store.people.create({ displayName: 'Lee Park', tags: ['taxes'] });
    for (const day of ['2026-10-01', '2026-10-20', '2026-11-10', '2026-11-30', '2026-12-05'])
      await store.interactions.create({
        kind: 'coffee',
        occurredAt: day,
        participantIds: [lee.id],
        summary: 'Coffee',
      });
    const both = await store.who({ q: 'taxes' });
    expect(both.direct.map((d) => d.name)).toEqual(['Lee Park', 'Dana Kim']);
  });
});

const box = cliSandbox('kith-who-weak-');
it('kith who lists a weak tie instead of saying no one matches', async () => {
  await box.kith('add', 'Dana Kim', '--title', 'Tax advisor', '--tag', 'taxes');
  await box.kith(
    'log',
    'dana',
    '--kind',
    'call',
    '--date',
    '2026-11-01',
    '--summary',
    'Call about taxes',
  );
  const result = await box.kith('who', 'taxes');
  expect(result.code).toBe(0);
  expect(result.out).not.toMatch(/No one in your network matches/);
  expect(result.out).toMatch(/ask Dana, who works on taxes/);
  expect(result.out).toMatch(/weak tie \(you spoke once/);
});
