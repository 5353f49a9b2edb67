import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THANK_YOU_KINDS,
  namesInALine,
  thankYouLine,
  thankYouWhenLogged,
} from './thank-you.js';

const now = '2026-12-07T18:00:00.000Z';
const logged = (over: Partial<Parameters<typeof thankYouWhenLogged>[0]> = {}) =>
  thankYouWhenLogged({
    kind: 'coffee',
    occurredAt: '2026-12-07T09:00:00.000Z',
    now,
    kinds: DEFAULT_THANK_YOU_KINDS,
    nobodyWantsOne: false,
    ...over,
  });

describe('which chats earn a thank-you', () => {
  it('a coffee, a call, a video call, a meeting; not a message, an email or an event', () => {
    expect(DEFAULT_THANK_YOU_KINDS.map((kind) => [kind, logged({ kind })])).toEqual(
      DEFAULT_THANK_YOU_KINDS.map((kind) => [kind, 'owed']),
    );
    for (const kind of ['message', 'email', 'event'] as const) expect(logged({ kind })).toBeNull();
  });

  it('follows the kinds the user chose, and the user’s word for one chat', () => {
    expect(logged({ kind: 'message', kinds: ['message'] })).toBe('owed');
    expect(logged({ kinds: [] })).toBeNull();
    expect(logged({ asked: 'not-needed' })).toBe('not-needed');
    expect(logged({ kind: 'email', asked: 'owed' })).toBe('owed');
  });

  it('owes none for history written down weeks later, nor to people who want none', () => {
    expect(logged({ occurredAt: '2026-11-23T17:00:00.000Z' })).toBeNull();
    expect(logged({ occurredAt: '2026-11-24T09:00:00.000Z' })).toBe('owed');
    expect(logged({ nobodyWantsOne: true })).toBe('not-needed');
  });
});

describe('the line on Today', () => {
  const chat = {
    interactionId: 'c1',
    kind: 'video-call' as const,
    occurredAt: '2026-12-05T10:00:00.000Z',
    people: [{ id: 'p1', displayName: 'Dana Kim' }],
  };

  it('says whom to thank, for what, and when, in the user’s days', () => {
    expect(thankYouLine(chat, now, 'UTC')?.reason).toBe(
      'Thank Dana Kim for the video call 2 days ago',
    );
    expect(
      thankYouLine({ ...chat, occurredAt: '2026-12-07T01:00:00.000Z' }, now, 'America/New_York')
        ?.reason,
    ).toBe('Thank Dana Kim for the video call yesterday');
  });

  it('waits for a chat still to come, and lets one weeks old go', () => {
    expect(
      thankYouLine({ ...chat, occurredAt: '2026-12-07T20:00:00.000Z' }, now, 'UTC'),
    ).toBeNull();
    expect(
      thankYouLine({ ...chat, occurredAt: '2026-11-20T10:00:00.000Z' }, now, 'UTC'),
    ).toBeNull();
    expect(thankYouLine({ ...chat, people: [] }, now, 'UTC')).toBeNull();
  });

  it('names two people, or two and how many others', () => {
    expect(namesInALine(['Ada', 'Ben'])).toBe('Ada and Ben');
    expect(namesInALine(['Ada', 'Ben', 'Cleo'])).toBe('Ada, Ben and 1 other');
    expect(namesInALine(['Ada', 'Ben', 'Cleo', 'Dev'])).toBe('Ada, Ben and 2 others');
  });
});
