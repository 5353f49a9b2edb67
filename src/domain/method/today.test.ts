import { describe, expect, it } from 'vitest';
import { newAsk, receivedAsk, transition, type Ask } from './ask.js';
import { campaignProgress } from './campaign.js';
import { buildToday, type TodayPerson } from './today.js';

const TZ = 'America/Los_Angeles';
const NOW = '2026-11-20T17:00:00Z'; // 09:00 on Nov 20 in Los Angeles
const person = (
  id: string,
  displayName: string,
  extra: Partial<TodayPerson> = {},
): TodayPerson => ({
  id,
  displayName,
  tags: [],
  roles: [],
  title: null,
  organization: null,
  lastContactAt: '2026-11-19T12:00:00Z',
  cadence: { kind: 'none' },
  createdAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const sent = (id: string, personId: string, at: string): Ask =>
  transition(newAsk({ id, personId, question: 'How did you start?', at }), { type: 'send' }, at);

describe('Today', () => {
  it('lists what to do in order, each with its reason', () => {
    const people = [
      person('dana', 'Dana Finch'),
      person('lee', 'Lee Park'),
      person('ravi', 'Ravi Kumar', { roles: ['mentor'], lastContactAt: '2026-10-01T12:00:00Z' }),
      person('mina', 'Mina Sato', {
        roles: ['work-friend'],
        lastContactAt: '2026-11-06T12:00:00Z',
      }),
      person('omar', 'Omar Haddad', { tags: ['taxes'], lastContactAt: '2026-03-01T12:00:00Z' }),
      person('zoe', 'Zoë Müller'),
      person('sam', 'Sam Lee'),
    ];
    const met = transition(
      sent('a1', 'dana', '2026-11-10T18:00:00Z'),
      { type: 'meet' },
      '2026-11-19T18:00:00Z',
    );
    const today = transition(
      sent('a2', 'lee', '2026-11-12T18:00:00Z'),
      { type: 'schedule', for: '2026-11-20T22:00:00Z' },
      '2026-11-13T18:00:00Z',
    );
    const quiet = sent('a3', 'zoe', '2026-11-12T18:00:00Z');
    const gone = transition(
      sent('a4', 'sam', '2026-10-20T18:00:00Z'),
      { type: 'move-on', automatic: true },
      '2026-11-19T18:00:00Z',
    );
    const items = buildToday(
      {
        people,
        // The campaign has one open ask (Lee) and one met: one more to try. Zoë's ask is outside it.
        asks: [...[gone, today, met].map((a) => ({ ...a, campaignId: 'c1' })), quiet],
        campaigns: [
          {
            id: 'c1',
            name: 'Going independent',
            aim: '',
            targetChats: 20,
            batchSize: 2,
            endsOn: null,
            tags: ['taxes'],
            progress: campaignProgress([gone, today, met]),
          },
        ],
        tasks: [
          {
            id: 't1',
            title: 'Send Ravi the deck',
            dueOn: '2026-11-19',
            personId: 'ravi',
            done: false,
          },
          { id: 't2', title: 'Later', dueOn: '2026-11-25', personId: null, done: false },
        ],
      },
      NOW,
      TZ,
    );
    expect(items.map((i) => i.reason)).toEqual([
      'Thank Dana Finch for the chat',
      'Chat with Lee Park today: How did you start?',
      'No reply from Zoë Müller since 2026-11-12: one gentle nudge',
      'Send Ravi the deck (due 2026-11-19)',
      'Keep in touch with Ravi Kumar: 8 days overdue',
      'Keep in touch with Mina Sato: due today',
      'Going independent: time to try one more (1 of 20 chats so far).',
      'Sam Lee did not answer; the ask moved on. No need to chase.',
    ]);
    const prompt = items.find((i) => i.kind === 'pacing');
    expect(prompt?.kind === 'pacing' && prompt.suggestions.map((s) => s.id)).toEqual(['omar']);
  });

  it('keeps the day short: the most overdue people first, the rest counted', () => {
    const people = Array.from({ length: 10 }, (_, i) =>
      person(`p${i}`, `Person ${i}`, {
        cadence: { kind: 'every', days: 7 },
        lastContactAt: `2026-10-${String(10 + i).padStart(2, '0')}T12:00:00Z`,
      }),
    );
    const items = buildToday(
      { people, asks: [], campaigns: [], tasks: [], keepInTouchPerDay: 3 },
      NOW,
      TZ,
    );
    expect(items.map((i) => i.reason)).toEqual([
      'Keep in touch with Person 0: 34 days overdue',
      'Keep in touch with Person 1: 33 days overdue',
      'Keep in touch with Person 2: 32 days overdue',
      '…and 7 more people to get back in touch with',
    ]);
  });

  it('plans ahead: the same data on another day gives that day’s list', () => {
    const people = [person('lee', 'Lee Park')];
    const scheduled = transition(
      sent('a2', 'lee', '2026-11-12T18:00:00Z'),
      { type: 'schedule', for: '2026-11-24T22:00:00Z' },
      '2026-11-13T18:00:00Z',
    );
    const input = { people, asks: [scheduled], campaigns: [], tasks: [] };
    expect(buildToday(input, NOW, TZ)).toEqual([]);
    expect(buildToday(input, '2026-11-24T17:00:00Z', TZ).map((i) => i.kind)).toEqual([
      'chat-today',
    ]);
  });

  it('adds the people the store only counted to "…and N more", and names people it was given', () => {
    const due = (id: string, name: string, last: string) =>
      person(id, name, { cadence: { kind: 'every', days: 7 }, lastContactAt: last });
    const items = buildToday(
      {
        // Ties in lateness go by name.
        people: [due('b', 'Bea', '2026-10-01T12:00:00Z'), due('a', 'Ana', '2026-10-01T12:00:00Z')],
        alsoDue: 40,
        others: [person('kim', 'Kim Ono', { cadence: { kind: 'every', days: 1 } })],
        asks: [
          transition(
            sent('a1', 'kim', '2026-11-10T18:00:00Z'),
            { type: 'meet' },
            '2026-11-19T18:00:00Z',
          ),
        ],
        campaigns: [],
        tasks: [],
        keepInTouchPerDay: 1,
      },
      NOW,
      TZ,
    );
    // Kim is named on the thank-you line but, being one of the others, not checked for keep-in-touch.
    expect(items.map((i) => i.reason)).toEqual([
      'Thank Kim Ono for the chat',
      'Keep in touch with Ana: 43 days overdue',
      '…and 41 more people to get back in touch with',
    ]);
  });

  it('does not suggest someone asked recently, from the other asks it is given', () => {
    const campaign = {
      id: 'c1',
      name: 'Taxes',
      aim: '',
      targetChats: 5,
      batchSize: 2,
      endsOn: null,
      tags: ['taxes'],
      progress: campaignProgress([]),
    };
    const people = [
      person('omar', 'Omar', { tags: ['taxes'] }),
      person('ida', 'Ida', { tags: ['taxes'] }),
    ];
    const suggested = (otherAsks: { personId: string; state: 'thanked'; sentAt: string }[]) => {
      const prompt = buildToday(
        { people, asks: [], otherAsks, campaigns: [campaign], tasks: [] },
        NOW,
        TZ,
      ).find((i) => i.kind === 'pacing');
      return prompt?.kind === 'pacing' ? prompt.suggestions.map((x) => x.id) : null;
    };
    expect(suggested([])).toEqual(['ida', 'omar']);
    expect(
      suggested([{ personId: 'omar', state: 'thanked', sentAt: '2026-10-01T12:00:00Z' }]),
    ).toEqual(['ida']);
    // Omar asking the user something does not make him "asked recently".
    const prompt = buildToday(
      {
        people,
        asks: [receivedAsk({ id: 'in', personId: 'omar', question: 'Coffee?', at: NOW })],
        campaigns: [campaign],
        tasks: [],
      },
      NOW,
      TZ,
    ).find((i) => i.kind === 'pacing');
    expect(prompt?.kind === 'pacing' && prompt.suggestions.map((x) => x.id)).toEqual([
      'ida',
      'omar',
    ]);
  });

  it('lists who is waiting on the user’s answer, latest first, the rest counted', () => {
    const people = Array.from({ length: 8 }, (_, i) => person(`p${i}`, `Person ${i}`));
    const asks = people.map((p, i) =>
      receivedAsk({
        id: `in${i}`,
        personId: p.id,
        question: `Question ${i}?`,
        // p0 asked yesterday, p1 two days ago, … p7 eight days ago.
        at: `2026-11-${String(19 - i).padStart(2, '0')}T18:00:00Z`,
      }),
    );
    // One answered already, and one met: neither waits; a chat they gave owes no thanks.
    asks[6] = transition(asks[6] as Ask, { type: 'reply' }, NOW);
    asks[7] = transition(asks[7] as Ask, { type: 'meet' }, NOW);
    const items = buildToday({ people, asks, campaigns: [], tasks: [] }, NOW, TZ);
    expect(items.map((i) => i.reason)).toEqual([
      'Person 0 asked you yesterday: Question 0?',
      'Person 1 asked you 2 days ago: Question 1?',
      'Person 2 asked you 3 days ago: Question 2?',
      'Person 3 asked you 4 days ago: Question 3?',
      'Person 4 asked you 5 days ago: Question 4?',
      '…and 1 more ask made of you waiting on an answer',
    ]);
    expect(items[0]).toMatchObject({ kind: 'answer', askId: 'in0', personId: 'p0' });
    // A LinkedIn invitation's paragraph is quoted up to a word, not whole.
    const long = receivedAsk({
      id: 'long',
      personId: 'p0',
      question: `Hi Alex, ${'I read your post on moving from audit into data and it resonated with me. '.repeat(4)}Could we talk?`,
      at: '2026-11-19T18:00:00Z',
    });
    const [line] = buildToday({ people, asks: [long], campaigns: [], tasks: [] }, NOW, TZ);
    expect(line?.reason).toBe(
      'Person 0 asked you yesterday: Hi Alex, I read your post on moving from audit into data and it resonated with me. I read your…',
    );
    // Never a nudge or "moved on" for them, however long ago they asked: a month on, one
    // still shows; after that it waits on the board, counted here, not today's news.
    const aMonthOn = buildToday(
      { people, asks: asks.slice(0, 1), campaigns: [], tasks: [] },
      '2026-12-18T17:00:00Z',
      TZ,
    );
    expect(aMonthOn.map((i) => i.reason)).toEqual(['Person 0 asked you 4 weeks ago: Question 0?']);
    const later = buildToday(
      { people, asks: asks.slice(0, 2), campaigns: [], tasks: [] },
      '2027-03-01T17:00:00Z',
      TZ,
    );
    expect(later.map((i) => [i.kind, i.reason])).toEqual([
      ['answer-more', '…and 2 more asks made of you waiting on an answer'],
    ]);
  });

  it('shows the last month’s asks made of the user, however many older ones wait', () => {
    const people = Array.from({ length: 6 }, (_, i) => person(`p${i}`, `Person ${i}`));
    // Four from long ago, then two from this week: the two are shown, the four counted.
    const dates = [
      '2024-01-15',
      '2024-02-01',
      '2025-06-30',
      '2026-09-01',
      '2026-11-17',
      '2026-11-18',
    ];
    const asks = people.map((p, i) =>
      receivedAsk({
        id: `in${i}`,
        personId: p.id,
        question: `Q${i}?`,
        at: `${dates[i]}T09:00:00Z`,
      }),
    );
    const items = buildToday({ people, asks, campaigns: [], tasks: [] }, NOW, TZ);
    expect(items.map((i) => i.reason)).toEqual([
      'Person 5 asked you 2 days ago: Q5?',
      'Person 4 asked you 3 days ago: Q4?',
      '…and 4 more asks made of you waiting on an answer',
    ]);
  });
});
