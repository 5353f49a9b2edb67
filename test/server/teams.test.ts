// Teams: "who among us knows…". A member's people and ties reach the team only while they
// share, and only as names, organizations, titles, tags and weak/good/strong: never notes,
// chats, asks or insights — a marker written in all of those is nowhere in the owner's answers.
// Unsharing, leaving and removal end it at once.
import type { Hono } from 'hono';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { client, invite, signedUp, type Client } from '../support/accounts.js';
import { describeEachDatabase } from '../support/databases.js';

const MARKER = 'Qvzsecret';

interface TeamAnswer {
  id: string;
  members: { accountId: string; email: string; sharing: boolean }[];
}
interface Who {
  teammates: {
    teammate: { email: string };
    person: { name: string; organization: string | null };
    band: string;
    explanation: string;
    ask: { personId: string | null; question: string };
  }[];
}

/** Everything the owner's API answers, for the marker to be looked for in. */
async function everythingSeenBy(person: Client): Promise<string> {
  const paths = [
    '/api/people?limit=500',
    `/api/search?q=${MARKER}`,
    `/api/who?q=${MARKER}`,
    '/api/who?q=acme',
    '/api/who?q=taxes',
    '/api/teams',
    '/api/today',
    '/api/network',
    '/api/insights',
    '/api/ledger',
    '/api/merge-suggestions',
    '/api/export?format=json',
    '/api/export?format=csv',
  ];
  const texts = await Promise.all(paths.map(async (p) => (await person.request('GET', p)).text()));
  // Without the echo of what was asked.
  return texts.join('\n').replace(/"(query|terms)":("[^"]*"|\[[^\]]*\])/g, '');
}

describeEachDatabase('teams', (db) => {
  let store: Store;
  let app: Hono;
  let owner: Client;
  let member: Client;
  let team: TeamAnswer;

  beforeEach(async () => {
    store = await db().newDatabase();
    app = createApp(store, {
      version: 'test',
      log: () => undefined,
      auth: { accounts: true, publicUrl: null },
    });
    owner = await signedUp(app, 'olivia@example.org');
    member = await signedUp(app, 'max@example.org', await invite(owner));
    // Only the member knows Tom Berg at Acme, with private notes and chats about him.
    const tom = await member.json<{ id: string }>('POST', '/api/people', {
      displayName: 'Tom Berg',
      organization: 'Acme',
      title: 'Head of tax',
      tags: ['taxes'],
      notes: `private ${MARKER} note`,
    });
    await member.json('POST', '/api/interactions', {
      kind: 'coffee',
      occurredAt: '2026-12-01',
      participantIds: [tom.id],
      summary: `coffee ${MARKER} summary`,
      insights: [`insight ${MARKER}`],
    });
    await member.json('POST', '/api/asks', { personId: tom.id, question: `question ${MARKER}?` });
    // Someone whose only link to the marker is the notes: never found through the team.
    await member.json('POST', '/api/people', {
      displayName: 'Nora Quiet',
      notes: `${MARKER} acme taxes`,
    });
    team = await owner.json<TeamAnswer>('POST', '/api/teams', { name: 'Consulting crew' });
    team = await owner.json<TeamAnswer>('POST', `/api/teams/${team.id}/members`, {
      email: 'MAX@example.org',
    });
  });

  it('answers from a teammate’s shared network only while they share, and never with their notes', async () => {
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates).toEqual([]);
    const shared = await member.json<TeamAnswer>('POST', `/api/teams/${team.id}/sharing`, {
      sharing: true,
    });
    expect(shared.members.find((m) => m.email === 'max@example.org')?.sharing).toBe(true);

    const who = await owner.json<Who>('GET', '/api/who?q=acme');
    expect(who.teammates).toHaveLength(1);
    expect(who.teammates[0]).toMatchObject({
      teammate: { email: 'max@example.org' },
      person: { name: 'Tom Berg', organization: 'Acme' },
      band: expect.stringMatching(/^(weak|good|strong)$/),
      ask: { personId: null, question: expect.stringContaining('Tom Berg') },
    });
    expect(who.teammates[0]?.explanation).toMatch(
      /^max \(your teammate\) knows Tom Berg at Acme .*: ask max to introduce you/,
    );
    expect(
      (await owner.json<Who>('GET', '/api/who?q=taxes')).teammates.map((t) => t.person.name),
    ).toEqual(['Tom Berg']);
    // Matching reads only what is shared: a word only in notes finds nobody.
    expect((await owner.json<Who>('GET', `/api/who?q=${MARKER}`)).teammates).toEqual([]);
    expect(await everythingSeenBy(owner)).not.toContain(MARKER);
    // The owner's own network is untouched by it.
    expect((await owner.json<{ items: unknown[] }>('GET', '/api/people')).items).toEqual([]);

    // With the teammate in the owner's network, the ask goes to that person.
    const max = await owner.json<{ id: string }>('POST', '/api/people', {
      displayName: 'Max M',
      emails: ['max@example.org'],
    });
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates[0]?.ask.personId).toBe(
      max.id,
    );

    await member.json('POST', `/api/teams/${team.id}/sharing`, { sharing: false });
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates).toEqual([]);
  });

  it('names who the teammate knows well that knows the person, never the tie’s own words', async () => {
    // Max barely knows Ana (no chat) but knows Priya well, and Priya knows Ana.
    const ana = await member.json<{ id: string }>('POST', '/api/people', {
      displayName: 'Ana Silva',
      organization: 'Globex',
      tags: ['pricing'],
    });
    const priya = await member.json<{ id: string }>('POST', '/api/people', {
      displayName: 'Priya Raman',
    });
    for (const day of ['2026-11-02', '2026-11-16', '2026-11-30'])
      await member.json('POST', '/api/interactions', {
        kind: 'call',
        occurredAt: day,
        participantIds: [priya.id],
        summary: 'Weekly call',
      });
    await member.json('POST', '/api/knows', {
      personA: priya.id,
      personB: ana.id,
      context: `${MARKER} old colleagues`,
      strength: 'strong',
    });
    await member.json('POST', `/api/teams/${team.id}/sharing`, { sharing: true });
    const who = await owner.json<Who & { teammates: { via: unknown }[] }>(
      'GET',
      '/api/who?q=pricing',
    );
    expect(who.teammates).toHaveLength(1);
    expect(who.teammates[0]).toMatchObject({
      person: { name: 'Ana Silva' },
      band: 'weak',
      via: { name: 'Priya Raman', band: expect.stringMatching(/good|strong/) },
    });
    expect(who.teammates[0]?.explanation).toMatch(
      /^max \(your teammate\) knows Priya Raman (well|fairly well), who knows Ana Silva at Globex: ask max to introduce you/,
    );
    expect(JSON.stringify(who)).not.toContain(MARKER);
  });

  it('ends the shared view when the member leaves or is removed', async () => {
    await member.json('POST', `/api/teams/${team.id}/sharing`, { sharing: true });
    const memberId = team.members.find((m) => m.email === 'max@example.org')?.accountId ?? '';
    expect(
      (await member.request('DELETE', `/api/teams/${team.id}/members/${memberId}`)).status,
    ).toBe(204);
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates).toEqual([]);
    expect(await member.json('GET', '/api/teams')).toEqual([]);

    await owner.json('POST', `/api/teams/${team.id}/members`, { email: 'max@example.org' });
    await member.json('POST', `/api/teams/${team.id}/sharing`, { sharing: true });
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates).toHaveLength(1);
    expect(
      (await owner.request('DELETE', `/api/teams/${team.id}/members/${memberId}`)).status,
    ).toBe(204);
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates).toEqual([]);
  });

  it('lets only the owner add and remove, and shows a team to nobody outside it', async () => {
    const other = await signedUp(app, 'eve@example.org', await invite(owner));
    const added = await member.request('POST', `/api/teams/${team.id}/members`, {
      email: 'eve@example.org',
    });
    expect(added.status).toBe(403);
    // Outside the team: not found, whatever is asked.
    expect(
      (await other.request('POST', `/api/teams/${team.id}/sharing`, { sharing: true })).status,
    ).toBe(404);
    expect(
      (await other.request('POST', `/api/teams/${team.id}/members`, { email: 'eve@example.org' }))
        .status,
    ).toBe(404);
    expect((await other.request('DELETE', `/api/teams/${team.id}`)).status).toBe(404);
    expect(await other.json('GET', '/api/teams')).toEqual([]);
    const unknown = await owner.request('POST', `/api/teams/${team.id}/members`, {
      email: 'nobody@example.org',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { field: 'email', message: expect.stringMatching(/invite them/) },
    });
    const twice = await owner.request('POST', `/api/teams/${team.id}/members`, {
      email: 'max@example.org',
    });
    expect(twice.status).toBe(409);
    // The owner ending the team ends its sharing.
    await member.json('POST', `/api/teams/${team.id}/sharing`, { sharing: true });
    expect((await owner.request('DELETE', `/api/teams/${team.id}`)).status).toBe(204);
    expect((await owner.json<Who>('GET', '/api/who?q=acme')).teammates).toEqual([]);
    expect(await member.json('GET', '/api/teams')).toEqual([]);
  });

  it('needs accounts', async () => {
    const local = client(createApp(store, { version: 'test', log: () => undefined }));
    expect((await local.request('POST', '/api/teams', { name: 'x' })).status).toBe(409);
    expect(await local.json('GET', '/api/teams')).toEqual([]);
  });
});
