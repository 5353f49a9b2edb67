// Teams: make one, add accounts of this server to it, choose to share your people and ties
// with it, leave it. Who can help answers from the networks teammates share.
import { z } from 'zod';
import {
  teamCreateSchema,
  teamMemberAddSchema,
  teammateQuestion,
  teamSchema,
  teamSharingSchema,
  type TeammateAnswer,
} from '../domain/connect/team.js';
import { searchTerms } from '../domain/text.js';
import type { Store } from '../store/store.js';
import { defineRoute, requireAccount, type Caller, type Route } from './route.js';

const teamId = z.object({ id: z.string().max(64) });

/**
 * What teammates who share their networks answer to "who knows about X", each with the ask to
 * draft to the teammate (found in the asker's own network by email, when there).
 */
export async function teammatesFor(
  store: Store,
  caller: Caller,
  question: string,
): Promise<TeammateAnswer[]> {
  if (!caller.account) return [];
  const answers = await store.teams.answers(caller.account.id, searchTerms(question), question);
  const found = new Map<string, string | null>();
  for (const a of answers) {
    if (found.has(a.teammate.email)) continue;
    const person = await store.people.resolve(a.teammate.email).catch(() => null);
    found.set(a.teammate.email, person?.id ?? null);
  }
  return answers.map((a) => ({
    ...a,
    ask: {
      personId: found.get(a.teammate.email) ?? null,
      question: teammateQuestion(a.person.name, question),
    },
  }));
}

export const teamRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/api/teams',
    tag: 'teams',
    summary: 'The teams you are in, their members, and who shares',
    response: z.array(teamSchema),
    handle: (store, _input, caller) =>
      caller.account ? store.teams.of(caller.account.id) : Promise.resolve([]),
  }),
  defineRoute({
    method: 'post',
    path: '/api/teams',
    tag: 'teams',
    summary: 'Make a team; you are its owner',
    body: teamCreateSchema,
    response: teamSchema,
    status: 201,
    handle: (store, { body }, caller) => store.teams.create(requireAccount(caller).id, body.name),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/teams/{id}',
    tag: 'teams',
    summary: 'End a team (its owner): nothing is shared through it any more',
    params: teamId,
    handle: async (store, { params }, caller) => {
      await store.teams.delete(requireAccount(caller).id, params.id);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/teams/{id}/members',
    tag: 'teams',
    summary: 'Add an account of this server to the team, by email (the team’s owner)',
    params: teamId,
    body: teamMemberAddSchema,
    response: teamSchema,
    handle: (store, { params, body }, caller) =>
      store.teams.addMember(requireAccount(caller).id, params.id, body.email),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/teams/{id}/members/{accountId}',
    tag: 'teams',
    summary: 'Leave the team (your own id) or remove a member (the owner); sharing ends at once',
    params: z.object({ id: z.string().max(64), accountId: z.string().max(64) }),
    handle: async (store, { params }, caller) => {
      await store.teams.removeMember(requireAccount(caller).id, params.id, params.accountId);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/teams/{id}/sharing',
    tag: 'teams',
    summary:
      'Share your people and ties (names, organizations, titles, tags, how well you know them) with the team, or stop; never notes, chats, asks or insights',
    params: teamId,
    body: teamSharingSchema,
    response: teamSchema,
    handle: (store, { params, body }, caller) =>
      store.teams.share(requireAccount(caller).id, params.id, body.sharing),
  }),
];
