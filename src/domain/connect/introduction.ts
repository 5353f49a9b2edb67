// Giving back: introducing two people, with double opt-in. Ask A first; only when A is glad
// to be introduced, ask B; when both said yes, send the connecting message; later, note what
// came of it. Either may decline at any point before the introduction is made, and that
// ends it kindly. Every step is kept in the history; a step the state does not allow is
// refused with the steps it does allow, and the introduction passed in is never changed.
import { KithError } from '../errors.js';

export const INTRO_STATES = [
  'proposed',
  'asked-a',
  'asked-b',
  'accepted',
  'made',
  'closed',
  'declined',
] as const;
export type IntroState = (typeof INTRO_STATES)[number];

/** An introduction the user made counts as given (in the ledger, in a tie) once it is made. */
export const GIVEN_STATES: readonly IntroState[] = ['made', 'closed'];

export type IntroAction =
  | { type: 'ask-a' }
  | { type: 'accept-a' }
  | { type: 'ask-b' }
  | { type: 'accept-b' }
  | { type: 'decline'; by: 'a' | 'b' }
  | { type: 'make' }
  | { type: 'outcome'; note: string };

export interface IntroEvent {
  at: string;
  action: IntroAction['type'] | 'propose';
  from: IntroState;
  to: IntroState;
  note?: string;
}

export interface Introduction {
  id: string;
  /** made: the user introduces A and B (giving back); received: A introduced the user to B. */
  kind: 'made' | 'received';
  /** The two people the user introduces to each other, in the order they are asked. */
  personA: string;
  personB: string;
  /** Why they should meet: goes into both drafted messages. */
  reason: string;
  state: IntroState;
  acceptedByA: boolean;
  acceptedByB: boolean;
  outcome: string | null;
  history: IntroEvent[];
}

const ALLOWED: Record<IntroState, IntroAction['type'][]> = {
  proposed: ['ask-a', 'decline'],
  'asked-a': ['accept-a', 'ask-b', 'decline'],
  'asked-b': ['accept-b', 'decline'],
  accepted: ['make', 'decline'],
  made: ['outcome'],
  closed: [],
  declined: [],
};

export function allowedIntroActions(intro: Introduction): IntroAction['type'][] {
  // B is asked only once A said yes: that is the point of double opt-in. A says yes once.
  return ALLOWED[intro.state].filter(
    (a) => (a !== 'ask-b' || intro.acceptedByA) && (a !== 'accept-a' || !intro.acceptedByA),
  );
}

export function newIntroduction(fields: {
  id: string;
  personA: string;
  personB: string;
  reason: string;
  at: string;
}): Introduction {
  if (fields.personA === fields.personB) {
    throw new KithError('invalid_input', 'personB: introduce two different people', 'personB');
  }
  return {
    id: fields.id,
    kind: 'made',
    personA: fields.personA,
    personB: fields.personB,
    reason: fields.reason,
    state: 'proposed',
    acceptedByA: false,
    acceptedByB: false,
    outcome: null,
    history: [{ at: fields.at, action: 'propose', from: 'proposed', to: 'proposed' }],
  };
}

/**
 * "Priya introduced me to Tom": already made when the user records it; what came of it can
 * still be noted (outcome), which closes it.
 */
export function receivedIntroduction(fields: {
  id: string;
  introducer: string;
  person: string;
  reason: string;
  at: string;
}): Introduction {
  if (fields.introducer === fields.person) {
    throw new KithError(
      'invalid_input',
      'personId: someone cannot introduce you to themselves',
      'personId',
    );
  }
  return {
    id: fields.id,
    kind: 'received',
    personA: fields.introducer,
    personB: fields.person,
    reason: fields.reason,
    state: 'made',
    acceptedByA: true,
    acceptedByB: true,
    outcome: null,
    history: [{ at: fields.at, action: 'propose', from: 'made', to: 'made', note: 'received' }],
  };
}

export function introTransition(
  intro: Introduction,
  action: IntroAction,
  at: string,
): Introduction {
  const allowed = allowedIntroActions(intro);
  if (!allowed.includes(action.type)) {
    const why =
      action.type === 'ask-b' && intro.state === 'asked-a'
        ? ' B is asked only after A said yes.'
        : '';
    throw new KithError(
      'invalid_state',
      `An introduction that is ${intro.state} cannot take "${action.type}";` +
        (allowed.length ? ` it can take: ${allowed.join(', ')}.` : ' it is closed.') +
        why,
      'state',
    );
  }
  const next: Introduction = { ...intro, history: [...intro.history] };
  switch (action.type) {
    case 'ask-a':
      next.state = 'asked-a';
      break;
    case 'accept-a':
      next.acceptedByA = true;
      break;
    case 'ask-b':
      next.state = 'asked-b';
      break;
    case 'accept-b':
      next.acceptedByB = true;
      next.state = 'accepted';
      break;
    case 'decline':
      next.state = 'declined';
      break;
    case 'make':
      next.state = 'made';
      break;
    case 'outcome':
      next.state = 'closed';
      next.outcome = action.note;
      break;
  }
  next.history.push({
    at,
    action: action.type,
    from: intro.state,
    to: next.state,
    ...(action.type === 'decline' ? { note: `declined by ${action.by.toUpperCase()}` } : {}),
    ...(action.type === 'outcome' ? { note: action.note } : {}),
  });
  return next;
}
