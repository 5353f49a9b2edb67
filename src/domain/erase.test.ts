import { describe, expect, it } from 'vitest';
import { chatsToErase, describeErased, eraseRequestSchema } from './erase.js';

describe('erasing for good', () => {
  it('erases the chats only the erased were in, and keeps the shared ones for the others', () => {
    const chats = new Map([
      ['c1', ['zed']],
      ['c2', ['zed', 'lee']],
      ['c3', ['zed', 'bo']],
      ['c4', ['lee']],
    ]);
    expect(chatsToErase(chats, new Set(['zed']))).toEqual({ erased: ['c1'], shared: ['c2', 'c3'] });
    expect(chatsToErase(chats, new Set(['zed', 'bo']))).toEqual({
      erased: ['c1', 'c3'],
      shared: ['c2'],
    });
  });

  it('asks for an explicit confirmation, and says what it did', () => {
    expect(eraseRequestSchema.safeParse({ confirm: true }).success).toBe(true);
    for (const body of [{}, { confirm: 'true' }, { confirm: false }, { confirm: true, extra: 1 }])
      expect(eraseRequestSchema.safeParse(body).success).toBe(false);
    expect(describeErased({ people: 1, chats: 2, sharedChats: 1, asks: 1 })).toBe(
      'Erased for good: 1 person, 2 chats, 1 ask. 1 chat shared with others stays, without them.',
    );
    expect(describeErased({ people: 3, chats: 0, sharedChats: 0, asks: 0 })).toBe(
      'Erased for good: 3 people.',
    );
    expect(describeErased({ people: 0, chats: 0, sharedChats: 0, asks: 0 })).toBe(
      'Nobody to erase.',
    );
  });
});
