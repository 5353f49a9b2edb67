import { zipSync } from 'fflate';
import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase, snapshot } from '../support/databases.js';
import { breakPackedEntry } from '../support/zip.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const CONNECTIONS =
  'Notes:\r\n"Some emails may be missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Priya,Raman,https://www.linkedin.com/in/priya-raman,priya@example.com,Northwind,Data Scientist,04 Sep 2023\r\n' +
  'Tom,Becker,https://www.linkedin.com/in/tombecker,,Contoso,Tax Advisor,12 Jan 2022\r\n';
const MESSAGES_HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n';
const ME = 'Alex Doe,https://www.linkedin.com/in/alexdoe';
const PRIYA = 'Priya Raman,https://www.linkedin.com/in/priya-raman';
// Tom's messages carry LinkedIn's other kind of profile address: he is found by name.
const TOM = 'Tom Becker,https://www.linkedin.com/in/ACoAAB1xyz';
const MESSAGES =
  MESSAGES_HEADER +
  `c1,,${PRIYA},${ME},2024-03-05 09:12:44 UTC,,Happy to chat about data science.,INBOX\r\n` +
  `c1,,${ME},${PRIYA},2024-03-05 10:01:02 UTC,,Thank you! Thursday?,INBOX\r\n` +
  `c2,,${TOM},${ME},2024-04-01 12:30:00 UTC,,Ask me anything about taxes,INBOX\r\n` +
  `c3,,Stranger Danger,https://www.linkedin.com/in/stranger,${ME},2024-04-02 12:30:00 UTC,,Buy now,INBOX\r\n`;
const INVITATIONS =
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n' +
  'Alex Doe,Lena Park,"1/15/24, 10:03 AM",Could I ask you one question about product roles?,OUTGOING,https://www.linkedin.com/in/alexdoe,https://www.linkedin.com/in/lenapark\r\n' +
  'Sam Ortiz,Alex Doe,"11/12/26, 4:45 PM",How did you move from finance into product?,INCOMING,https://www.linkedin.com/in/samortiz,https://www.linkedin.com/in/alexdoe\r\n';
const exportZip = (messages = MESSAGES) =>
  zipSync({
    'Export/Connections.csv': utf8(CONNECTIONS),
    'Export/messages.csv': utf8(messages),
    'Export/Invitations.csv': utf8(INVITATIONS),
  });

const calendar = (...events: string[]) =>
  utf8(['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR', ''].join('\r\n'));
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

describeEachDatabase('importing conversations, invitations and calendars', (db) => {
  let store: Store;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-20T10:00:00Z');
    store = await db().newStore({ now: () => clock });
  });

  it('brings a whole LinkedIn export in: people, conversations and invitations; again, nothing', async () => {
    const preview = await store.imports.contacts(exportZip(), 'export.zip', { dryRun: true });
    expect(preview.activities.counts).toEqual({ new: 4, updated: 0, unchanged: 0, skipped: 1 });
    expect(preview.activities.skipped).toEqual([
      expect.objectContaining({ line: 5, people: 'Stranger Danger' }),
    ]);
    expect((await store.counts()).interactions).toBe(0);

    const report = await store.imports.contacts(exportZip(), 'export.zip');
    expect(report.counts.new).toBe(4);
    const priya = await store.people.resolve('Priya Raman');
    const tom = await store.people.resolve('Tom Becker');
    const lena = await store.people.resolve('Lena Park');
    const withPriya = await store.interactions.list({ personId: priya.id });
    expect(withPriya.items.map((i) => [i.kind, i.occurredAt, i.summary])).toEqual([
      ['message', '2024-03-05T09:12:44.000Z', '2 LinkedIn messages with Priya Raman'],
    ]);
    expect(withPriya.items[0]?.notes).toContain('Alex Doe (10:01 UTC): Thank you! Thursday?');
    expect((await store.interactions.list({ personId: tom.id })).items).toHaveLength(1);
    // Last contact follows the imported conversations.
    expect((await store.people.get(priya.id)).lastContactAt).toBe('2024-03-05T09:12:44.000Z');
    const [invitation] = await store.asks.list({ personId: lena.id });
    expect(invitation).toMatchObject({
      state: 'sent',
      sentAt: '2024-01-15T10:03:00.000Z',
      question: 'Could I ask you one question about product roles?',
      direction: 'outgoing',
      channel: 'linkedin',
    });
    // Sam's invitation is an ask made of the user: on Today, waiting on the user's answer.
    const sam = await store.people.resolve('Sam Ortiz');
    const [asked] = await store.asks.list({ personId: sam.id });
    expect(asked).toMatchObject({
      direction: 'incoming',
      state: 'sent',
      sentAt: '2026-11-12T16:45:00.000Z',
      question: 'How did you move from finance into product?',
      channel: 'linkedin',
    });
    expect((await store.asks.list({ direction: 'incoming' })).map((a) => a.id)).toEqual([
      asked?.id,
    ]);
    const today = await store.today(clock.toISOString(), 'UTC');
    expect(today.items.filter((i) => i.kind === 'answer').map((i) => i.reason)).toEqual([
      'Sam Ortiz asked you 8 days ago: How did you move from finance into product?',
    ]);
    // Lena never answered the 2024 invitation: it moved on back then, and is not today's news.
    expect(today.items.map((i) => i.kind)).not.toContain('moved-on');
    await store.asks.moveOnOverdue(clock.toISOString(), 'UTC');
    expect(await store.asks.get(invitation?.id ?? '')).toMatchObject({
      state: 'moved-on',
      closedAt: '2024-01-29T12:00:00.000Z',
    });

    const before = await snapshot(store);
    const again = await store.imports.contacts(exportZip(), 'export.zip');
    expect(again.activities.counts).toEqual({ new: 0, updated: 0, unchanged: 4, skipped: 1 });
    expect(await snapshot(store)).toEqual(before);
  });

  it('updates a conversation a later export added to, keeps what the user edited, and undoes', async () => {
    await store.imports.contacts(exportZip(), 'export.zip');
    const tom = await store.people.resolve('Tom Becker');
    const priya = await store.people.resolve('Priya Raman');
    const [tomChat] = (await store.interactions.list({ personId: tom.id })).items;
    clock = new Date('2026-11-20T18:00:00Z');
    await store.interactions.update(tomChat?.id ?? '', { summary: 'Tax questions, answered' });

    clock = new Date('2026-11-21T10:00:00Z');
    const later =
      MESSAGES +
      `c1,,${PRIYA},${ME},2024-03-05 18:00:00 UTC,,See you Thursday,INBOX\r\n` +
      `c2,,${TOM},${ME},2024-04-01 13:00:00 UTC,,One more thing,INBOX\r\n` +
      `c1,,${PRIYA},${ME},2024-03-08 08:00:00 UTC,,Thanks for the chat,INBOX\r\n`;
    const report = await store.imports.contacts(exportZip(later), 'export-2.zip');
    expect(report.activities.counts).toEqual({ new: 1, updated: 1, unchanged: 3, skipped: 1 });
    const withPriya = (await store.interactions.list({ personId: priya.id })).items;
    expect(withPriya.map((i) => i.summary)).toEqual([
      'a LinkedIn message with Priya Raman',
      '3 LinkedIn messages with Priya Raman',
    ]);
    // The user's summary stays: an import never overwrites what the user wrote.
    expect((await store.interactions.get(tomChat?.id ?? '')).summary).toBe(
      'Tax questions, answered',
    );

    const undo = await store.imports.undo(report.runId ?? '');
    expect(undo.activities).toBe(2);
    expect(
      (await store.interactions.list({ personId: priya.id })).items.map((i) => i.summary),
    ).toEqual(['2 LinkedIn messages with Priya Raman']);
    // Undone, the later export is new again.
    const again = await store.imports.contacts(exportZip(later), 'export-2.zip', { dryRun: true });
    expect(again.activities.counts).toMatchObject({ new: 1, updated: 1 });
  });

  // 150 people: more than the few an ordinary write touches, so the many-people paths run.
  const many = 150;
  const manyConnections = utf8(
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
      Array.from(
        { length: many },
        (_, i) => `Given${i},Family${i},https://www.linkedin.com/in/p${i},,Acme,Role,04 Sep 2023`,
      ).join('\r\n'),
  );
  const manyMessages = utf8(
    MESSAGES_HEADER +
      Array.from({ length: many }, (_, i) => {
        const them = `Given${i} Family${i},https://www.linkedin.com/in/p${i}`;
        const day = String((i % 28) + 1).padStart(2, '0');
        return [
          `m${i},,${them},${ME},2024-02-${day} 09:00:00 UTC,,Hello ${i},INBOX`,
          `m${i},,${ME},${them},2024-03-${day} 10:30:00 UTC,,Thanks ${i},INBOX`,
        ].join('\r\n');
      }).join('\r\n'),
  );
  const expectLastContacts = async (archived: boolean) => {
    const people = await store.people.list({
      limit: 1000,
      sort: 'recent',
      ...(archived ? { archived: 'true' as const } : {}),
    });
    expect(people.items).toHaveLength(many);
    return people.items.map((p) => {
      const i = Number(/\d+/.exec(p.displayName)?.[0]);
      return [p.lastContactAt, `2024-03-${String((i % 28) + 1).padStart(2, '0')}T10:30:00.000Z`];
    });
  };

  it('sets the last contact of the many people a large export brings in, and clears it on undo', async () => {
    const bytes = zipSync({
      'Export/Connections.csv': manyConnections,
      'Export/messages.csv': manyMessages,
    });
    const phases: string[] = [];
    const report = await store.imports.contacts(bytes, 'export.zip', {
      onProgress: ({ phase, done, total }) => {
        if (phases.at(-1) !== phase) phases.push(phase);
        if (phase === 'reading' || phase === 'saving') expect([done, total]).toEqual([0, 0]);
        else expect(done).toBeLessThanOrEqual(total);
      },
    });
    // The people are written while the messages are still being read.
    expect(phases).toEqual(['reading', 'people', 'reading', 'conversations', 'saving']);
    expect(report.activities.counts.new).toBe(2 * many);
    for (const [actual, expected] of await expectLastContacts(false)) expect(actual).toBe(expected);
    await store.imports.undo(report.runId ?? '');
    for (const [actual] of await expectLastContacts(true)) expect(actual).toBeNull();
  });

  it('sets the last contact of many people already in Kith, and clears it on undo', async () => {
    await store.imports.contacts(manyConnections, 'Connections.csv');
    for (const [actual] of await expectLastContacts(false)) expect(actual).toBeNull();
    const report = await store.imports.contacts(
      zipSync({ 'Export/messages.csv': manyMessages }),
      'messages.zip',
    );
    expect(report.activities.counts.new).toBe(2 * many);
    for (const [actual, expected] of await expectLastContacts(false)) expect(actual).toBe(expected);
    await store.imports.undo(report.runId ?? '');
    for (const [actual] of await expectLastContacts(false)) expect(actual).toBeNull();
  });

  it('refuses a large export whose messages.csv is broken, writing nothing, whenever the refusal comes', async () => {
    // Large enough to be read on another thread while the people are written; enough people
    // that the thread may refuse a file broken on its first line while they are written.
    const filler = `c9,,${PRIYA},${ME},2024-03-05 09:12:44 UTC,,${'x'.repeat(200)},INBOX\r\n`;
    const connections =
      CONNECTIONS +
      Array.from(
        { length: 10_000 },
        (_, i) => `Given${i},Family${i},https://www.linkedin.com/in/p${i},,Acme,Role,04 Sep 2023`,
      ).join('\r\n');
    for (const broken of [
      // Refused at once, long before the people are written…
      `${MESSAGES_HEADER}c1,,"never closed,${ME}\r\n${filler.repeat(12_000)}`,
      // …or at the very end.
      `${MESSAGES_HEADER}${filler.repeat(12_000)}c1,,"never closed,${ME}\r\n`,
    ]) {
      expect(broken.length).toBeGreaterThan(2 * 1024 * 1024);
      await expect(
        store.imports.contacts(
          zipSync({
            'Export/Connections.csv': utf8(connections),
            'Export/messages.csv': utf8(broken),
          }),
          'export.zip',
        ),
      ).rejects.toThrow(/messages\.csv: line \d+: a quoted field is never closed/);
      expect(await store.counts()).toMatchObject({ people: 0, interactions: 0 });
      expect(await store.imports.runs()).toEqual([]);
    }
    // messages.csv is unpacked by the thread that reads it: one that cannot be unpacked is
    // refused from there, and nothing is written either.
    const unpackable = breakPackedEntry(
      zipSync({
        'Export/Connections.csv': utf8(connections),
        'Export/messages.csv': utf8(`${MESSAGES_HEADER}${filler.repeat(12_000)}`),
      }),
      'Export/messages.csv',
    );
    await expect(store.imports.contacts(unpackable, 'export.zip')).rejects.toThrow(
      /^export\.zip\/Export\/messages\.csv: not a readable zip archive/,
    );
    expect(await store.counts()).toMatchObject({ people: 0, interactions: 0 });
    expect(await store.imports.runs()).toEqual([]);
  });

  it('finds people already in Kith by profile, else by a name only one of them has', async () => {
    const dana = await store.people.create({ displayName: 'Dana Whitfield' });
    const priya = await store.people.create({
      displayName: 'Priya Raman',
      linkedin: 'https://www.linkedin.com/in/priya-raman',
    });
    // Two people called Sam: a name alone cannot say which.
    await store.people.create({ displayName: 'Sam Ortiz' });
    await store.people.create({ displayName: 'Sam Ortiz', organization: 'Contoso' });
    const report = await store.imports.contacts(
      zipSync({
        'Export/messages.csv': utf8(
          MESSAGES_HEADER +
            `d1,,Dana Whitfield,https://www.linkedin.com/in/ACoAAdana,${ME},2024-05-01 09:00:00 UTC,,Hi,INBOX\r\n` +
            // Priya's profile finds her, whatever name the message gives her.
            `p1,,P. Raman,https://www.linkedin.com/in/priya-raman,${ME},2024-05-02 09:00:00 UTC,,Hello,INBOX\r\n` +
            `s1,,Sam Ortiz,https://www.linkedin.com/in/ACoAAsam,${ME},2024-05-03 09:00:00 UTC,,Hey,INBOX\r\n`,
        ),
      }),
      'messages.zip',
    );
    expect(report.activities.counts).toMatchObject({ new: 2, skipped: 1 });
    expect(report.activities.skipped).toEqual([expect.objectContaining({ people: 'Sam Ortiz' })]);
    expect((await store.interactions.list({ personId: dana.id })).items).toHaveLength(1);
    expect((await store.interactions.list({ personId: priya.id })).items).toHaveLength(1);
  });

  it('marks an invitation answered once a later export shows the person connected, and undoes it', async () => {
    const invitations = (rows: string) =>
      zipSync({
        'Export/Invitations.csv': utf8(
          'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n' + rows,
        ),
      });
    const me = 'https://www.linkedin.com/in/alexdoe';
    await store.imports.contacts(
      invitations(
        `Alex Doe,Lena Park,"1/15/24, 10:03 AM",One question?,OUTGOING,${me},https://www.linkedin.com/in/lenapark\r\n` +
          `Sam Ortiz,Alex Doe,"11/12/26, 4:45 PM",,INCOMING,https://www.linkedin.com/in/samortiz,${me}\r\n` +
          `Alex Doe,Ana Lima,"11/10/26, 9:00 AM",Coffee?,OUTGOING,${me},https://www.linkedin.com/in/analima\r\n`,
      ),
      'export.zip',
    );
    const askOf = async (name: string) =>
      (await store.asks.list({ personId: (await store.people.resolve(name)).id }))[0];
    const before = await snapshot(store);

    // The next export: Lena and Sam are connections now (Ana was one before she was invited,
    // so hers is not an answer), and no invitation is pending any more.
    clock = new Date('2026-11-28T10:00:00Z');
    const later = zipSync({
      'Export/Connections.csv': utf8(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
          'Lena,Park,https://www.linkedin.com/in/lenapark,,,,20 Jan 2024\r\n' +
          'Sam,Ortiz,https://www.linkedin.com/in/samortiz,,,,26 Nov 2026\r\n' +
          'Ana,Lima,https://www.linkedin.com/in/analima,,,,01 Nov 2026\r\n',
      ),
    });
    const preview = await store.imports.contacts(later, 'later.zip', { dryRun: true });
    expect(preview.remarks).toContain(
      '2 LinkedIn invitations were accepted since (now connected: Lena Park, Sam Ortiz): would be marked answered.',
    );
    expect(await snapshot(store)).toEqual(before);

    const report = await store.imports.contacts(later, 'later.zip');
    expect(report.remarks).toContain(
      '2 LinkedIn invitations were accepted since (now connected: Lena Park, Sam Ortiz): marked answered.',
    );
    expect(await askOf('Lena Park')).toMatchObject({
      direction: 'outgoing',
      state: 'replied',
      repliedAt: '2024-01-20T12:00:00.000Z',
    });
    expect(await askOf('Sam Ortiz')).toMatchObject({
      direction: 'incoming',
      state: 'replied',
      repliedAt: '2026-11-26T12:00:00.000Z',
    });
    expect(await askOf('Ana Lima')).toMatchObject({ state: 'sent', repliedAt: null });
    // Sam's answered: given in the ledger, and no longer waiting on Today.
    expect((await store.ledger.of((await store.people.resolve('Sam Ortiz')).id)).gave).toBe(1);
    const today = await store.today(clock.toISOString(), 'UTC');
    expect(today.items.map((i) => i.kind)).not.toContain('answer');

    await store.imports.undo(report.runId ?? '');
    expect(await askOf('Lena Park')).toEqual(
      (before as { asks: unknown[] }).asks.find(
        (a) => (a as { personName: string }).personName === 'Lena Park',
      ),
    );
    expect((await askOf('Sam Ortiz'))?.state).toBe('sent');
  });

  it('refuses to undo when something the import wrote was edited since', async () => {
    const report = await store.imports.contacts(exportZip(), 'export.zip');
    const lena = await store.people.resolve('Lena Park');
    const [ask] = await store.asks.list({ personId: lena.id });
    await store.asks.act(ask?.id ?? '', { type: 'reply' });
    await expect(store.imports.undo(report.runId ?? '')).rejects.toThrow(
      /Cannot undo: 1 thing it wrote was edited since \(Could I ask you one question/,
    );
  });

  it('imports a calendar: past chats as interactions, a coming one schedules the open ask', async () => {
    const priya = await store.people.create({
      displayName: 'Priya Raman',
      emails: ['priya@example.com'],
    });
    await store.people.create({ displayName: 'Sam Ortiz' });
    const ask = await store.asks.create({
      personId: priya.id,
      question: 'How did you move into data science?',
    });
    await store.asks.act(ask.id, { type: 'send' });
    const file = calendar(
      event(
        'UID:past-1',
        'DTSTART;TZID=Europe/Paris:20261103T090000',
        'DTEND;TZID=Europe/Paris:20261103T093000',
        'SUMMARY:Coffee with Priya',
        'ORGANIZER;CN=Alex Doe:mailto:alex@example.com',
        'ATTENDEE;CN=Priya R.:mailto:PRIYA@example.com',
      ),
      event(
        'UID:future-1',
        'DTSTART:20261126T150000Z',
        'DURATION:PT30M',
        'SUMMARY:Data science chat',
        'ATTENDEE;CN=Priya R.:mailto:priya@example.com',
      ),
      event(
        'UID:future-2',
        'DTSTART:20261127T150000Z',
        'DURATION:PT45M',
        'SUMMARY:Career change chat',
        'ATTENDEE;CN=Sam Ortiz:mailto:sam@elsewhere.example',
      ),
      event(
        'UID:team',
        'DTSTART:20261104T090000Z',
        'SUMMARY:Team sync',
        'ATTENDEE;CN=Colleague:mailto:colleague@example.com',
      ),
    );
    const report = await store.imports.contacts(file, 'calendar.ics');
    expect(report.format).toBe('icalendar');
    expect(report.activities.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 1 });
    const [coffee] = (await store.interactions.list({ personId: priya.id })).items;
    expect(coffee).toMatchObject({
      kind: 'coffee',
      occurredAt: '2026-11-03T08:00:00.000Z',
      summary: 'Coffee with Priya',
    });
    expect(await store.asks.get(ask.id)).toMatchObject({
      state: 'scheduled',
      scheduledFor: '2026-11-26T15:00:00.000Z',
    });
    const sam = await store.people.resolve('Sam Ortiz');
    const [samAsk] = await store.asks.list({ personId: sam.id });
    expect(samAsk).toMatchObject({
      state: 'scheduled',
      question: 'Career change chat',
      minutes: 45,
      scheduledFor: '2026-11-27T15:00:00.000Z',
    });
    // The same calendar again: nothing moves.
    const before = await snapshot(store);
    const again = await store.imports.contacts(file, 'calendar.ics');
    expect(again.activities.counts).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 1 });
    expect(await snapshot(store)).toEqual(before);
    // Undo puts the ask back where it was.
    await store.imports.undo(report.runId ?? '');
    expect(await store.asks.get(ask.id)).toMatchObject({ state: 'sent', scheduledFor: null });
    expect(await store.asks.list({ personId: sam.id })).toEqual([]);
    expect((await store.interactions.list({ personId: priya.id })).items).toEqual([]);
  });

  it('keeps the original of repaired text in the run’s provenance', async () => {
    const report = await store.imports.contacts(
      utf8(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nMarie,CuriÃ©,,,,,\r\n',
      ),
      'Connections.csv',
    );
    const marie = await store.people.resolve('Marie Curié');
    expect(await store.imports.provenance(marie.id)).toEqual([
      {
        runId: report.runId,
        file: 'Connections.csv',
        at: '2026-11-20T10:00:00.000Z',
        repaired: [
          { field: 'displayName', original: 'Marie CuriÃ©' },
          { field: 'familyName', original: 'CuriÃ©' },
        ],
      },
    ]);
  });
});
