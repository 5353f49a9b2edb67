import { describe, expect, it } from 'vitest';
import { moveOnIfDue, newAsk, transition, type Ask } from './ask.js';
import { addDays } from './calendar.js';
import {
  campaignProgress,
  pacing,
  suggestPeople,
  weeklyProgress,
  type Campaign,
  type Candidate,
} from './campaign.js';

const campaign: Campaign = {
  id: 'c1',
  name: 'Explore independent consulting',
  aim: 'Find out whether going independent suits me',
  targetChats: 20,
  batchSize: 2,
  endsOn: null,
  tags: ['independent consulting', 'taxes'],
};
const TZ = 'Europe/Lisbon';
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;

describe('campaign pacing', () => {
  it('prompts for two, then two more once the open asks close', () => {
    expect(pacing(campaign, campaignProgress([]), at('2026-11-02'), TZ)).toMatchObject({
      kind: 'try-more',
      count: 2,
    });
    const a = transition(
      newAsk({ id: 'a', personId: 'p1', question: 'q?', at: at('2026-11-02') }),
      { type: 'send' },
      at('2026-11-02'),
    );
    const b = transition(
      newAsk({ id: 'b', personId: 'p2', question: 'q?', at: at('2026-11-02') }),
      { type: 'send' },
      at('2026-11-02'),
    );
    expect(pacing(campaign, campaignProgress([a, b]), at('2026-11-03'), TZ)).toBeNull();
    const aMet = transition(a, { type: 'meet' }, at('2026-11-05'));
    expect(pacing(campaign, campaignProgress([aMet, b]), at('2026-11-05'), TZ)).toMatchObject({
      kind: 'try-more',
      count: 1,
      message: 'Explore independent consulting: time to try one more (1 of 20 chats so far).',
    });
  });

  it('stops prompting once the campaign has ended or reached its target', () => {
    expect(
      pacing({ ...campaign, endsOn: '2026-11-01' }, campaignProgress([]), at('2026-11-02'), TZ),
    ).toMatchObject({
      kind: 'ended',
    });
    const met = transition(
      transition(
        newAsk({ id: 'a', personId: 'p', question: 'q?', at: at('2026-11-02') }),
        { type: 'send' },
        at('2026-11-02'),
      ),
      { type: 'meet' },
      at('2026-11-03'),
    );
    expect(
      pacing({ ...campaign, targetChats: 1 }, campaignProgress([met]), at('2026-11-04'), TZ),
    ).toMatchObject({
      kind: 'done',
    });
  });
});

describe('suggestions', () => {
  const people: Candidate[] = [
    {
      id: 'stranger',
      tags: ['taxes'],
      roles: [],
      title: null,
      organization: null,
      lastContactAt: null,
    },
    {
      id: 'warm',
      tags: ['taxes'],
      roles: ['connector'],
      title: null,
      organization: null,
      lastContactAt: at('2026-01-01'),
    },
    {
      id: 'title',
      tags: [],
      roles: [],
      title: 'Independent Consulting Lead',
      organization: null,
      lastContactAt: at('2026-02-01'),
    },
    {
      id: 'unrelated',
      tags: ['gardening'],
      roles: [],
      title: 'Chef',
      organization: 'Orchard Foods',
      lastContactAt: at('2026-02-01'),
    },
    {
      id: 'asked',
      tags: ['taxes'],
      roles: [],
      title: null,
      organization: null,
      lastContactAt: at('2026-02-01'),
    },
  ];
  it('ranks warm contacts who fit before strangers, and skips people asked recently', () => {
    const asked = transition(
      newAsk({ id: 'x', personId: 'asked', question: 'q?', at: at('2026-10-20') }),
      { type: 'send' },
      at('2026-10-20'),
    );
    const result = suggestPeople(campaign, people, new Map([['asked', [asked]]]), at('2026-11-02'));
    expect(result.map((s) => s.id)).toEqual(['warm', 'title', 'stranger']);
    expect(result[0]?.reasons).toEqual(['knows about taxes', 'a connector']);
  });

  it('fits a topic to a title word by word, as search does, not inside a word', () => {
    const person = (id: string, title: string) => ({
      id,
      tags: [],
      roles: [],
      title,
      organization: null,
      lastContactAt: null,
    });
    const fits = (tags: string[]) =>
      suggestPeople(
        { ...campaign, tags },
        [
          person('startup', 'Startup founder'),
          person('artist', 'Art director'),
          person('expats', 'Taxes, US expats'),
          person('balance', 'Work-life balance coach'),
        ],
        new Map(),
        at('2026-11-02'),
      )
        .map((s) => s.id)
        .sort();
    expect(fits(['art'])).toEqual(['artist']);
    expect(fits(['taxes (us)'])).toEqual(['expats']);
    expect(fits(['work-life'])).toEqual(['balance']);
    expect(fits(['us expat'])).toEqual(['expats']);
  });
});

describe('a campaign of 20+ chats, replayed day by day', () => {
  it('paces two at a time, moves on from people who never reply, and sums up right', () => {
    // 26 people fit; every fifth never answers; one declines.
    const people: Candidate[] = Array.from({ length: 26 }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      tags: ['independent consulting'],
      roles: [],
      title: null,
      organization: null,
      lastContactAt: i % 2 ? at('2026-01-01') : null,
    }));
    const silent = (id: string) => Number(id.slice(1)) % 5 === 4;
    const declines = (id: string) => id === 'p07';
    let asks: Ask[] = [];
    let day = '2026-01-05';
    let maxOpen = 0;
    for (
      let step = 0;
      step < 400 && pacing(campaign, campaignProgress(asks), at(day), TZ)?.kind !== 'done';
      step += 1
    ) {
      const now = at(day);
      asks = asks.map((a) => moveOnIfDue(a, now, TZ));
      // People answer two days after the ask; chats happen three days later; thanks the same day.
      asks = asks.map((a) => {
        if (
          a.state === 'sent' &&
          a.sentAt &&
          addDays(a.sentAt.slice(0, 10), 2) === day &&
          !silent(a.personId)
        ) {
          return transition(a, declines(a.personId) ? { type: 'decline' } : { type: 'reply' }, now);
        }
        if (a.state === 'replied' && a.repliedAt && addDays(a.repliedAt.slice(0, 10), 3) === day) {
          return transition(transition(a, { type: 'meet' }, now), { type: 'thank' }, at(day, 18));
        }
        return a;
      });
      const prompt = pacing(campaign, campaignProgress(asks), now, TZ);
      if (prompt?.kind === 'try-more') {
        const byPerson = new Map(asks.map((a) => [a.personId, [a]]));
        for (const s of suggestPeople(campaign, people, byPerson, now, {
          limit: prompt.count,
          recentDays: 365,
        })) {
          const ask = newAsk({
            id: `ask-${asks.length}`,
            personId: s.id,
            question: 'How did you land your first client?',
            at: now,
          });
          asks = [...asks, transition(ask, { type: 'send' }, now)];
        }
      }
      maxOpen = Math.max(
        maxOpen,
        asks.filter((a) => ['sent', 'replied', 'scheduled'].includes(a.state)).length,
      );
      day = addDays(day, 1);
    }
    const progress = campaignProgress(asks, { insights: 31, introductions: 4 });
    expect(maxOpen).toBe(2);
    expect(progress).toEqual({
      asked: 26,
      replied: 20,
      met: 20,
      declined: 1,
      movedOn: 4,
      open: 1,
      responseRate: 21 / 26,
      medianDaysToReply: 2,
      insights: 31,
      introductions: 4,
    });
    expect(asks.filter((a) => a.state === 'moved-on').every((a) => silent(a.personId))).toBe(true);
    expect(pacing(campaign, campaignProgress(asks), at(day), TZ)).toMatchObject({ kind: 'done' });
    // The target was reached while the fifth silent ask still waited; it moves on in its time.
    const [waiting] = asks.filter((a) => a.state === 'sent');
    expect(silent(waiting?.personId ?? '')).toBe(true);
    const later = asks.map((a) => moveOnIfDue(a, at(addDays(day, 14)), TZ));
    expect(campaignProgress(later)).toMatchObject({ movedOn: 5, open: 0 });
  });
});

describe('weekly progress', () => {
  it('adds up asks, replies and chats week by week, Monday to Sunday', () => {
    const ask = (sentAt: string | null, repliedAt: string | null, metAt: string | null) => ({
      sentAt,
      repliedAt,
      metAt,
    });
    expect(
      weeklyProgress([
        ask('2026-11-02T09:00:00Z', '2026-11-08T22:00:00Z', '2026-11-10T10:00:00Z'),
        ask('2026-11-03T09:00:00Z', null, null),
        ask('2026-11-16T09:00:00Z', '2026-11-17T09:00:00Z', null),
        ask(null, null, null),
      ]),
    ).toEqual([
      { week: '2026-11-02', asked: 2, replied: 1, met: 0 },
      { week: '2026-11-09', asked: 2, replied: 1, met: 1 },
      { week: '2026-11-16', asked: 3, replied: 2, met: 1 },
    ]);
    expect(weeklyProgress([])).toEqual([]);
  });
});
