// Erasing people for good (someone asked to be forgotten): the rules that need no database.
import { z } from 'zod';

/** Erasing cannot be undone: every door asks first, and the request says it did. */
export const eraseRequestSchema = z
  .object({
    confirm: z.literal(true, {
      error: 'must be true: erasing removes everything about them for good, with no undo',
    }),
  })
  .strict();

export const erasedSchema = z.object({
  /** People erased. */
  people: z.int(),
  /** Chats only they were in, erased with their notes and insights. */
  chats: z.int(),
  /** Chats shared with others, kept for the others without them. */
  sharedChats: z.int(),
  /** Asks made of them or by them, erased with their history. */
  asks: z.int(),
});
export type Erased = z.infer<typeof erasedSchema>;

/**
 * Which chats go whole (everyone in them is being erased) and which stay for the others,
 * without the people erased.
 */
export function chatsToErase(
  participantsByChat: ReadonlyMap<string, readonly string[]>,
  erased: ReadonlySet<string>,
): { erased: string[]; shared: string[] } {
  const whole: string[] = [];
  const shared: string[] = [];
  for (const [chat, people] of participantsByChat) {
    if (!people.some((p) => erased.has(p))) continue;
    if (people.every((p) => erased.has(p))) whole.push(chat);
    else shared.push(chat);
  }
  return { erased: whole.sort(), shared: shared.sort() };
}

/** What erasing says it did, in a line. */
export function describeErased(done: Erased): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (done.people === 0) return 'Nobody to erase.';
  const parts = [
    count(done.people, 'person', 'people'),
    ...(done.chats ? [count(done.chats, 'chat', 'chats')] : []),
    ...(done.asks ? [count(done.asks, 'ask', 'asks')] : []),
  ];
  const shared = done.sharedChats
    ? ` ${count(done.sharedChats, 'chat', 'chats')} shared with others ${done.sharedChats === 1 ? 'stays' : 'stay'}, without them.`
    : '';
  return `Erased for good: ${parts.join(', ')}.${shared}`;
}
