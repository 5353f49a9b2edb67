// kith ask, campaign, cadence and today, as a user types them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';

let dir: string;
let env: NodeJS.ProcessEnv;
let clock = new Date('2026-11-02T09:00:00Z');

async function kith(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    now: () => clock,
    output: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-method-'));
  env = { KITH_DB: join(dir, 'kith.db'), KITH_TZ: 'Europe/Lisbon' };
  clock = new Date('2026-11-02T09:00:00Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the method from the terminal', () => {
  it('counts days in the time zone from --tz, else KITH_TZ, else settings, else the system', async () => {
    const zoneOf = async (...args: string[]) =>
      (JSON.parse((await kith('today', '--json', ...args)).out) as { timeZone: string }).timeZone;
    expect(await zoneOf()).toBe('Europe/Lisbon');
    expect((await kith('settings', 'set', 'time-zone', 'Pacific/Kiritimati')).code).toBe(0);
    expect(await zoneOf()).toBe('Europe/Lisbon'); // KITH_TZ is set for this shell
    delete env.KITH_TZ;
    expect(await zoneOf()).toBe('Pacific/Kiritimati');
    expect(await zoneOf('--tz', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    const bad = await kith('settings', 'set', 'time-zone', 'Mars/Olympus');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('timeZone');
    expect(await zoneOf()).toBe('Pacific/Kiritimati');
    expect((await kith('settings', 'set', 'time-zone', 'system')).code).toBe(0);
    expect(await zoneOf()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('runs a campaign: asks two, marks one met, owes a thank-you, then paces two more', async () => {
    await kith('add', 'Dana Finch', '--tag', 'taxes');
    await kith('add', 'Lee Park', '--tag', 'taxes');
    await kith('add', 'Omar Haddad', '--tag', 'taxes');
    expect(
      (await kith('campaign', 'new', 'Going independent', '--tag', 'taxes', '--target', '3')).code,
    ).toBe(0);
    const first = await kith('today');
    expect(first.out).toContain('Going independent: time to try 2 (0 of 3 chats so far).');
    expect(first.out).toMatch(
      /ask (Dana Finch|Lee Park|Omar Haddad): knows about taxes \(not met yet\)/,
    );

    const ids: string[] = [];
    for (const who of ['dana', 'lee']) {
      const drafted = await kith(
        'ask',
        who,
        '--question',
        'How did you handle taxes in year one?',
        '--campaign',
        'going independent',
        '--json',
      );
      expect(drafted.code).toBe(0);
      const id = (JSON.parse(drafted.out) as { id: string }).id;
      ids.push(id);
      // The verb as typed either way: "sent" or "send", "met" or "meet"…
      expect((await kith('ask', who === 'dana' ? 'sent' : 'send', id)).out).toContain(
        'State: sent',
      );
    }
    expect((await kith('today')).out).not.toContain('time to try');
    clock = new Date('2026-11-04T09:00:00Z');
    expect((await kith('ask', 'meet', ids[0] ?? '')).code).toBe(0);
    const owed = await kith('today');
    expect(owed.out).toContain('Thank Dana Finch for the chat');
    expect(owed.out).toContain('Going independent: time to try one more (1 of 3 chats so far).');
    const short = (ids[0] ?? '').slice(-8);
    expect((await kith('ask', 'list')).out).toContain(short);
    expect((await kith('ask', 'thanked', short)).code).toBe(0);
    expect((await kith('ask', 'show', 'deadbeef')).err).toBe('kith: No ask matches "deadbeef".');
    const shown = await kith('campaign', 'show', 'Going independent');
    expect(shown.out).toContain('Met 1 of 3; asked 2, replied 1, declined 0, moved on 0, open 1');
    expect(shown.out).toContain('Response rate 50%');
    // An introduction the campaign brought counts in its progress.
    await kith(
      'intro',
      'received',
      '--from',
      'Dana',
      '--to',
      'Tom Berg',
      '--campaign',
      'Going independent',
    );
    expect((await kith('campaign', 'show', 'Going independent')).out).toContain(
      'Insights gathered 0; introductions received 1',
    );
  });

  it('refuses a step the ask does not allow, naming what it can do', async () => {
    await kith('add', 'Dana Finch');
    const id = (
      JSON.parse((await kith('ask', 'dana', '--question', 'Why?', '--json')).out) as { id: string }
    ).id;
    const res = await kith('ask', 'thanked', id);
    expect(res).toMatchObject({
      code: 1,
      err: 'kith: An ask that is draft cannot be marked "thank"; it can be: send, move-on.',
    });
    expect((await kith('ask', 'dana')).err).toBe(
      'kith: --question: an ask needs one specific question',
    );
    expect((await kith('ask', 'scheduled', id, '--for', 'friday')).code).toBe(1);
  });

  it('notes an ask someone made of you, lists it apart, and shows it on Today until answered', async () => {
    await kith('add', 'Lee Park');
    await kith('add', 'Dana Finch');
    const noted = await kith(
      'ask',
      'lee',
      '--from-them',
      '--question',
      'Could you review my CV?',
      '--at',
      '2026-10-30T18:00:00Z',
    );
    expect(noted.code).toBe(0);
    expect(noted.out).toMatch(/^Lee Park asked you: Could you review my CV\?\nState: sent/);
    const id = /Id: (\w+)/.exec(noted.out)?.[1] ?? '';
    await kith('ask', 'dana', '--question', 'How did you start?');
    const theirs = await kith('ask', 'list', '--from-them');
    expect(theirs.out).toContain('Lee Park → you');
    expect(theirs.out).not.toContain('Dana Finch');
    const mine = await kith('ask', 'list', '--mine');
    expect(mine.out).toContain('Dana Finch');
    expect(mine.out).not.toContain('Lee Park');
    expect((await kith('ask', 'list', '--mine', '--from-them')).err).toBe(
      'kith: --from-them and --mine: choose one (or neither, for every ask)',
    );
    expect((await kith('today')).out).toContain(
      'Lee Park asked you 3 days ago: Could you review my CV?',
    );
    expect((await kith('ask', 'nudged', id)).err).toBe(
      'kith: An ask made of you that is sent cannot be marked "nudge"; it can be: reply, schedule, meet, decline.',
    );
    expect((await kith('ask', 'replied', id)).out).toContain('State: replied');
    expect((await kith('today')).out).not.toContain('Lee Park asked you');
  });

  it('sets a cadence and shows the reminder on the day, planning ahead with --date', async () => {
    await kith('add', 'Mina Sato');
    expect((await kith('cadence', 'mina', 'once', '2026-11-20')).out).toBe(
      'Mina Sato: keep in touch once 2026-11-20',
    );
    expect((await kith('today')).out).toBe('2026-11-02: nothing to do. Enjoy the day.');
    expect((await kith('today', '--date', '2026-11-20')).out).toContain(
      'Reminder: get in touch with Mina Sato',
    );
    expect((await kith('cadence', 'mina', 'weekly')).code).toBe(1);
    expect((await kith('today', '--tz', 'Mars/Base')).err).toMatch(/not a time zone/);
  });

  it('adds a task, shows it on its day, marks it done; snoozes a reminder', async () => {
    await kith('add', 'Ravi Kumar', '--cadence', 'once 2026-11-10');
    const added = await kith(
      'task',
      'add',
      'Send Ravi the deck',
      '--due',
      '2026-11-05',
      '--person',
      'ravi',
      '--json',
    );
    const id = (JSON.parse(added.out) as { id: string }).id;
    expect((await kith('today', '--date', '2026-11-05')).out).toBe(
      '2026-11-05\n 1. Send Ravi the deck',
    );
    expect((await kith('task', 'list')).out).toContain(id.slice(-8));
    expect((await kith('task', 'done', id.slice(-8))).out).toBe('Done: Send Ravi the deck');
    expect((await kith('task', 'list')).out).toBe('No open tasks.');
    expect((await kith('task', 'add', 'x', '--due', 'friday')).err).toMatch(
      /--due \(dueOn: must be a date/,
    );
    expect((await kith('today', '--date', '2026-11-12')).out).toContain(
      'Reminder: get in touch with Ravi Kumar',
    );
    expect((await kith('snooze', 'ravi', '2026-11-20')).out).toBe(
      'Ravi Kumar: snoozed until 2026-11-20',
    );
    expect((await kith('today', '--date', '2026-11-12')).out).toBe(
      '2026-11-12: nothing to do. Enjoy the day.',
    );
  });

  it('drafts the message of an ask from settings and templates, naming what is missing', async () => {
    await kith('add', 'Dana Finch', '--org', 'Meridian');
    const id = (
      JSON.parse(
        (await kith('ask', 'dana', '--question', 'How did you price your first project?', '--json'))
          .out,
      ) as { id: string }
    ).id;
    // Drafted anyway: blanks where Kith does not know yet, and how to fill them in (#25.8).
    const blank = await kith('draft', id);
    expect(blank.code).toBe(0);
    expect(blank.out).toContain('[a sentence about you]');
    expect(blank.out).toContain('[your name]');
    expect(blank.err).toBe(
      'To fill in the blanks: a sentence about you with kith settings set my-intro "…"; your name with kith settings set my-name "…".',
    );
    await kith('settings', 'set', 'my-name', 'Sam');
    await kith(
      'settings',
      'set',
      'my-intro',
      'I lead data at Bluefin and am exploring consulting.',
    );
    const draft = await kith('draft', id);
    expect(draft.out).toContain('Hi Dana,');
    expect(draft.out).toContain(
      'how things work at Meridian. One question in particular: How did you price your first project?',
    );
    expect(draft.out).toContain('Would you have 30 minutes');
    const template = join(dir, 'path.txt');
    writeFileSync(template, 'Hello {first_name}! {question} ({minutes} min?) — {my_name}');
    expect((await kith('settings', 'template', 'path', template)).code).toBe(0);
    expect((await kith('draft', id)).out).toBe(
      'Hello Dana! How did you price your first project? (30 min?) — Sam',
    );
    writeFileSync(template, 'Hello {firstname}');
    expect((await kith('settings', 'template', 'path', template)).err).toMatch(
      /unknown placeholder \{firstname\}/,
    );
  });

  it('waits as long as the settings say before suggesting a nudge', async () => {
    await kith('add', 'Lee Park');
    const id = (
      JSON.parse((await kith('ask', 'lee', '--question', 'Why?', '--json')).out) as { id: string }
    ).id;
    await kith('ask', 'sent', id);
    expect((await kith('today', '--date', '2026-11-05')).out).not.toContain('nudge');
    expect((await kith('settings', 'set', 'nudge-after', '3')).code).toBe(0);
    expect((await kith('today', '--date', '2026-11-05')).out).toContain(
      'No reply from Lee Park since 2026-11-02: one gentle nudge',
    );
    expect((await kith('settings', 'set', 'nudge-after', '0')).err).toMatch(
      /nudgeAfterDays: at least 1 day/,
    );
    expect((await kith('settings', 'role-cadence', 'peer', 'every', '2w')).out).toBe(
      'Keep in touch with each peer: every 2w.',
    );
    expect((await kith('settings')).out).toContain('peer every 2w');
  });

  it('owes a thank-you after a coffee, settles it with kith thanked, and takes no for an answer', async () => {
    await kith('add', 'Dana Kim');
    await kith('add', 'Sam Rivera', '--thank-you', 'no');
    const logged = await kith('log', 'Dana Kim', '--kind', 'coffee', '--summary', 'Pricing');
    expect(logged.out).toContain('A thank-you is owed: kith thanked "Dana Kim" once it is sent.');
    await kith('log', 'Sam Rivera', '--kind', 'coffee', '--summary', 'Dinner plans');
    await kith('log', 'Dana Kim', '--kind', 'call', '--summary', 'Quick one', '--thank-you', 'no');
    const today = async () => (await kith('today')).out;
    expect(await today()).toContain('Thank Dana Kim for the coffee today');
    expect(await today()).not.toContain('Sam Rivera');
    expect((await kith('thanked', 'Dana Kim')).out).toBe('Thanked Dana Kim for 1 chat.');
    expect(await today()).not.toContain('Thank Dana');
    expect((await kith('thanked', 'Dana Kim')).out).toBe('No thank-you was owed to Dana Kim.');

    expect((await kith('settings', 'set', 'thank-you-kinds', 'call,message')).code).toBe(0);
    await kith('log', 'Dana Kim', '--kind', 'message', '--summary', 'Long thread');
    expect(await today()).toContain('Thank Dana Kim for the message today');
    expect((await kith('thanked', 'Dana Kim', '--not-needed')).out).toBe(
      'No thank-you needed to Dana Kim for 1 chat.',
    );
    const bad = await kith('log', 'Dana Kim', '--summary', 'x', '--thank-you', 'maybe');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--thank-you: "maybe" is not yes or no');
    const kinds = await kith('settings', 'set', 'thank-you-kinds', 'tea');
    expect(kinds.err).toContain('thankYouKinds.0: "tea" is not a kind of interaction');
  });

  it('erases a person for good only with --yes, and empties the trash', async () => {
    await kith('add', 'Zed Forgotten', '--email', 'zed@example.org', '--tag', 'once');
    await kith('log', 'Zed Forgotten', '--kind', 'coffee', '--summary', 'About leaving');
    const asked = await kith('erase', 'zed@example.org');
    expect(asked.code).not.toBe(0);
    expect(asked.err).toContain(
      '--yes: erasing Zed Forgotten removes everything about them for good, with no undo',
    );
    expect((await kith('show', 'Zed Forgotten')).code).toBe(0);
    expect((await kith('erase', 'zed@example.org', '--yes')).out).toBe(
      'Erased for good: 1 person, 1 chat.',
    );
    expect((await kith('show', 'Zed Forgotten')).code).not.toBe(0);

    await kith('add', 'Bo Trashed');
    await kith('rm', 'Bo Trashed');
    expect((await kith('empty-trash')).err).toContain(
      'emptying the trash erases the 1 person in it for good',
    );
    expect((await kith('empty-trash', '--yes')).out).toBe('Erased for good: 1 person.');
    expect((await kith('empty-trash', '--yes')).out).toBe('Nobody to erase.');
  });

  it('keeps messaging handles from add and edit, and names a bad one (#23.4)', async () => {
    await kith('add', 'Dana Kim', '--handle', 'telegram:@dana_k');
    await kith(
      'edit',
      'Dana Kim',
      '--handle',
      'signal:+351 912 345 678',
      '--unhandle',
      'telegram:@dana_k',
    );
    expect((await kith('show', 'Dana Kim')).out).toMatch(/Messaging: +signal:\+351 912 345 678/);
    const bad = await kith('edit', 'Dana Kim', '--handle', 'pager:42');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('handles.1: "pager:42" is not a messaging handle');
  });

  it('saves a view of the People list and lists people through it (#23.5)', async () => {
    await kith('add', 'Ada Byrne', '--role', 'mentor', '--location', 'Lisbon');
    await kith('add', 'Ben Cho', '--role', 'mentor');
    await kith('add', 'Cleo Diaz', '--role', 'peer');
    await kith('log', 'Ada Byrne', '--kind', 'call', '--summary', 'Catch-up');
    expect(
      (await kith('view', 'save', 'Mentors gone quiet', '--role', 'mentor', '--quiet', '90')).out,
    ).toBe('Saved the view "Mentors gone quiet": kith people --view mentors-gone-quiet');
    const listed = (await kith('people', '--view', 'mentors-gone-quiet')).out;
    expect(listed).toContain('Ben Cho');
    expect(listed).not.toContain('Ada Byrne');
    expect(listed).not.toContain('Cleo Diaz');
    expect((await kith('people', '--quiet', '90')).out).not.toContain('Ada Byrne');
    expect((await kith('view', 'list')).out).toMatch(
      /mentors-gone-quiet\s+Mentors gone quiet\s+role mentor, quietDays 90/,
    );
    const missing = await kith('people', '--view', 'abroad');
    expect(missing.err).toContain(
      'No saved view is called "abroad"; there are: mentors-gone-quiet',
    );
    expect((await kith('view', 'rm', 'Mentors gone quiet')).out).toBe(
      'Forgot the view "Mentors gone quiet".',
    );
  });

  it('keeps a birthday from add and edit, and names it on today a week ahead (#23.1)', async () => {
    // 2 November 2026, a Monday.
    await kith('add', 'Dana Kim', '--birthday', '1986-11-06');
    expect((await kith('show', 'Dana Kim')).out).toMatch(/Dates: +birthday 1986-11-06/);
    expect((await kith('today')).out).toContain(
      "Dana Kim's 40th birthday on Friday — a good moment to get back in touch",
    );
    await kith('edit', 'Dana Kim', '--birthday', '11-03');
    expect((await kith('today')).out).toContain("Dana Kim's birthday tomorrow");
    const bad = await kith('edit', 'Dana Kim', '--birthday', '1986-13-01');
    expect(bad.err).toContain('dates.0.on: "1986-13-01" is not a date');
    await kith('edit', 'Dana Kim', '--birthday', '');
    expect((await kith('today')).out).not.toContain('birthday');
  });
});
