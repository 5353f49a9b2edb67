import type { Ask } from '../api';

/** What to say once an ask is saved: a draft of the user's, or a question noted for them. */
export const savedMessage = (ask: Ask, where = 'Find it under Asks.') =>
  ask.direction === 'incoming'
    ? `Noted: ${ask.personName} asked you. It waits on your answer on Today.`
    : `Draft saved: ${ask.personName}. ${where}`;
