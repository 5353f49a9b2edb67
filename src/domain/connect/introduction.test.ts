import { describe, expect, it } from 'vitest';
import { KithError } from '../errors.js';
import {
  INTRO_STATES,
  allowedIntroActions,
  introTransition,
  newIntroduction,
  type IntroAction,
  type Introduction,
} from './introduction.js';

const AT = '2026-11-29T10:00:00Z';
const start = () =>
  newIntroduction({
    id: 'i1',
    personA: 'sam',
    personB: 'lee',
    reason: 'both price by the project',
    at: AT,
  });
const run = (intro: Introduction, ...actions: IntroAction[]) =>
  actions.reduce((i, a) => introTransition(i, a, AT), intro);

/** The steps that bring a new introduction to each state. */
const UP_TO: Record<string, IntroAction[]> = {
  proposed: [],
  'asked-a': [{ type: 'ask-a' }],
  'asked-b': [{ type: 'ask-a' }, { type: 'accept-a' }, { type: 'ask-b' }],
  accepted: [{ type: 'ask-a' }, { type: 'accept-a' }, { type: 'ask-b' }, { type: 'accept-b' }],
  made: [
    { type: 'ask-a' },
    { type: 'accept-a' },
    { type: 'ask-b' },
    { type: 'accept-b' },
    { type: 'make' },
  ],
  declined: [{ type: 'decline', by: 'a' }],
};
UP_TO.closed = [...(UP_TO.made ?? []), { type: 'outcome', note: 'x' }];
const reached = (state: string) => run(start(), ...(UP_TO[state] ?? []));

const EVERY_ACTION: IntroAction[] = [
  { type: 'ask-a' },
  { type: 'accept-a' },
  { type: 'ask-b' },
  { type: 'accept-b' },
  { type: 'decline', by: 'a' },
  { type: 'make' },
  { type: 'outcome', note: 'they work together now' },
];

describe('an introduction with double opt-in', () => {
  it('goes proposed → asked A → (A says yes) → asked B → accepted → made → closed', () => {
    const done = run(
      start(),
      { type: 'ask-a' },
      { type: 'accept-a' },
      { type: 'ask-b' },
      { type: 'accept-b' },
      { type: 'make' },
      { type: 'outcome', note: 'Lee hired Sam for a pricing review' },
    );
    expect(done).toMatchObject({
      state: 'closed',
      acceptedByA: true,
      acceptedByB: true,
      outcome: 'Lee hired Sam for a pricing review',
    });
    expect(done.history.map((e) => `${e.from}>${e.to}`).slice(1)).toEqual([
      'proposed>asked-a',
      'asked-a>asked-a',
      'asked-a>asked-b',
      'asked-b>accepted',
      'accepted>made',
      'made>closed',
    ]);
  });

  it('asks B only after A said yes', () => {
    const asked = reached('asked-a');
    expect(() => introTransition(asked, { type: 'ask-b' }, AT)).toThrow(/only after A said yes/);
    expect(allowedIntroActions(asked)).toEqual(['accept-a', 'decline']);
    // Once A said yes, that is settled: the next step is asking B.
    const yes = run(asked, { type: 'accept-a' });
    expect(allowedIntroActions(yes)).toEqual(['ask-b', 'decline']);
    expect(() => introTransition(yes, { type: 'accept-a' }, AT)).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('ends kindly when either declines, before it is made', () => {
    const byB = run(reached('asked-b'), { type: 'decline', by: 'b' });
    expect(byB.state).toBe('declined');
    expect(byB.history.at(-1)?.note).toBe('declined by B');
    const made = reached('made');
    expect(() => introTransition(made, { type: 'decline', by: 'a' }, AT)).toThrow(KithError);
  });

  it('refuses every step a state does not allow, and changes nothing', () => {
    const reach = Object.fromEntries(INTRO_STATES.map((state) => [state, reached(state)]));
    for (const [state, intro] of Object.entries(reach)) expect(intro.state).toBe(state);
    for (const intro of Object.values(reach)) {
      const before = structuredClone(intro);
      for (const action of EVERY_ACTION) {
        if (allowedIntroActions(intro).includes(action.type)) continue;
        expect(() => introTransition(intro, action, AT)).toThrow(
          expect.objectContaining({ code: 'invalid_state' }),
        );
        expect(intro).toEqual(before);
      }
    }
  });

  it('introduces two different people', () => {
    expect(() =>
      newIntroduction({ id: 'i2', personA: 'sam', personB: 'sam', reason: '', at: AT }),
    ).toThrow(/two different people/);
  });
});
