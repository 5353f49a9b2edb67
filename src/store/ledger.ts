// Reciprocity: what the user asked of each person (asks sent, introductions they made for the
// user) and what the user gave (introductions made for them, answers to what they asked), read from the asks and
// introductions themselves, so the ledger can never disagree with them.
import { notFound } from '../domain/errors.js';
import {
  ONE_SIDED_AFTER,
  ledgerOf,
  type Helper,
  type LedgerEntry,
} from '../domain/connect/ledger.js';
import type { ledgerSchema } from '../domain/connect/schemas.js';
import { firstName } from '../domain/connect/who.js';
import type { z } from 'zod';
import type { StoreContext } from './context.js';
import { answeredAsks, askedCounts, givenCounts } from './ties.js';
import { strengthsOf } from './who.js';
import { namesOf } from './people.js';
import { GIVEN_STATES } from '../domain/connect/introduction.js';
import { answered, type AskState } from '../domain/method/ask.js';

export type PersonLedger = z.output<typeof ledgerSchema>;

async function entriesOf(ctx: StoreContext, personId: string): Promise<LedgerEntry[]> {
  const ws = ctx.workspaceId;
  const [asks, received, made] = await Promise.all([
    ctx.db
      .selectFrom('ask')
      .select(['direction', 'state', 'sent_at', 'replied_at', 'question'])
      .where('workspace_id', '=', ws)
      .where('person_id', '=', personId)
      .where('sent_at', 'is not', null)
      .execute(),
    ctx.db
      .selectFrom('introduction')
      .innerJoin('person', 'person.id', 'introduction.person_b')
      .select(['introduction.created_at', 'person.display_name'])
      .where('introduction.workspace_id', '=', ws)
      .where('introduction.kind', '=', 'received')
      .where('introduction.person_a', '=', personId)
      .execute(),
    ctx.db
      .selectFrom('introduction')
      .innerJoin('person as a', 'a.id', 'introduction.person_a')
      .innerJoin('person as b', 'b.id', 'introduction.person_b')
      .select([
        'introduction.person_a',
        'introduction.updated_at',
        'a.display_name as a_name',
        'b.display_name as b_name',
      ])
      .where('introduction.workspace_id', '=', ws)
      .where('introduction.kind', '=', 'made')
      .where('introduction.state', 'in', GIVEN_STATES)
      .where((eb) =>
        eb.or([
          eb('introduction.person_a', '=', personId),
          eb('introduction.person_b', '=', personId),
        ]),
      )
      .execute(),
  ]);
  return [
    ...asks.flatMap((a): LedgerEntry[] => {
      if (a.direction === 'outgoing')
        return [{ at: a.sent_at ?? '', direction: 'asked', what: `you asked: ${a.question}` }];
      const ask = {
        direction: 'incoming' as const,
        state: a.state as AskState,
        repliedAt: a.replied_at,
      };
      return answered(ask)
        ? [{ at: a.replied_at ?? '', direction: 'gave', what: `you answered: ${a.question}` }]
        : [];
    }),
    ...received.map((r) => ({
      at: r.created_at,
      direction: 'asked' as const,
      what: `introduced you to ${r.display_name}`,
    })),
    ...made.map((m) => ({
      at: m.updated_at,
      direction: 'gave' as const,
      what: `you introduced them to ${m.person_a === personId ? m.b_name : m.a_name}`,
    })),
  ];
}

export async function ledgerFor(ctx: StoreContext, personId: string): Promise<PersonLedger> {
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'display_name'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const [entries, strengths] = await Promise.all([
    entriesOf(ctx, person.id),
    strengthsOf(ctx, [person.id], ctx.now().toISOString()),
  ]);
  const ledger = ledgerOf(firstName(person.display_name), entries);
  const strength = strengths.get(person.id) ?? {
    score: 0,
    label: 'none' as const,
    explanation: 'no interactions yet',
  };
  return { personId: person.id, name: person.display_name, ...ledger, strength };
}

export interface LedgerLine {
  personId: string;
  name: string;
  asked: number;
  gave: number;
  oneSided: boolean;
}

/** Everyone something was asked of or given to: one-sided relationships first. */
export async function ledgerOverview(ctx: StoreContext, limit = 50): Promise<LedgerLine[]> {
  const [asked, given] = await Promise.all([askedCounts(ctx), givenCounts(ctx)]);
  const ids = [...new Set([...asked.keys(), ...given.keys()])];
  const lines = ids.map((id) => {
    const a = asked.get(id) ?? 0;
    const g = given.get(id) ?? 0;
    return { personId: id, asked: a, gave: g, oneSided: a >= ONE_SIDED_AFTER && g === 0 };
  });
  lines.sort(
    (x, y) =>
      Number(y.oneSided) - Number(x.oneSided) ||
      y.asked - y.gave - (x.asked - x.gave) ||
      x.personId.localeCompare(y.personId),
  );
  const top = lines.slice(0, limit);
  if (top.length === 0) return [];
  const names = await namesOf(
    ctx,
    top.map((l) => l.personId),
  );
  return top.map((l) => ({ ...l, name: names.get(l.personId) ?? '' }));
}

/**
 * People who helped lately — a chat that came of an ask, an introduction — with the last
 * time the user gave them something back: what Today's give-back suggestions pick from.
 */
export async function recentHelpers(ctx: StoreContext, since: string): Promise<Helper[]> {
  const ws = ctx.workspaceId;
  const [chats, intros] = await Promise.all([
    ctx.db
      .selectFrom('ask')
      .innerJoin('person', 'person.id', 'ask.person_id')
      .select(['ask.person_id', 'ask.met_at as at', 'person.display_name', 'ask.question'])
      .where('ask.workspace_id', '=', ws)
      .where('ask.direction', '=', 'outgoing')
      .where('ask.met_at', '>=', since)
      .where('person.archived_at', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('introduction')
      .innerJoin('person as a', 'a.id', 'introduction.person_a')
      .innerJoin('person as b', 'b.id', 'introduction.person_b')
      .select([
        'introduction.person_a',
        'introduction.created_at as at',
        'a.display_name',
        'b.display_name as b_name',
      ])
      .where('introduction.workspace_id', '=', ws)
      .where('introduction.kind', '=', 'received')
      .where('introduction.created_at', '>=', since)
      .where('a.archived_at', 'is', null)
      .execute(),
  ]);
  const helpers = new Map<string, Helper>();
  const add = (personId: string, name: string, at: string | null, how: string) => {
    if (!at) return;
    const seen = helpers.get(personId);
    if (!seen || seen.helpedAt < at) {
      helpers.set(personId, { personId, name, helpedAt: at, how, gaveAt: null });
    }
  };
  for (const c of chats)
    add(c.person_id, c.display_name, c.at, `gave you a chat about “${c.question}”`);
  for (const i of intros) add(i.person_a, i.display_name, i.at, `introduced you to ${i.b_name}`);
  if (helpers.size === 0) return [];
  const ids = [...helpers.keys()];
  const gave = (personId: string, at: string | null) => {
    const h = helpers.get(personId);
    if (h && at && (!h.gaveAt || h.gaveAt < at)) h.gaveAt = at;
  };
  for (const side of ['person_a', 'person_b'] as const) {
    const rows = await ctx.db
      .selectFrom('introduction')
      .select([`${side} as person_id`, 'updated_at'])
      .where('workspace_id', '=', ws)
      .where('kind', '=', 'made')
      .where('state', 'in', GIVEN_STATES)
      .where(side, 'in', ids)
      .execute();
    for (const r of rows) gave(r.person_id, r.updated_at);
  }
  // Answering what they asked of the user is giving back too.
  const answers = await answeredAsks(ctx)
    .select(['person_id', 'replied_at'])
    .where('person_id', 'in', ids)
    .execute();
  for (const a of answers) gave(a.person_id, a.replied_at);
  return [...helpers.values()];
}
