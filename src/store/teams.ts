// Teams and what their members share. A team's rows say who is in it and who shares; the
// shared answers read a sharing teammate's workspace for names, organizations, titles, tags and
// how well they know each person — and nothing else of it (no notes, interactions, asks or
// insights are selected, so none can reach another account).
import { sql } from 'kysely';
import {
  bandOf,
  sharedFieldsMatch,
  teammateSentence,
  type Band,
  type Team,
  type TeammateAnswer,
} from '../domain/connect/team.js';
import { KithError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { fold } from '../domain/text.js';
import { inTransaction, type StoreContext } from './context.js';
import { strengthsOf } from './who.js';

const notFound = (id: string) => new KithError('not_found', `No team matches "${id}".`);

/** The teams the account is in, with their members. */
export async function teamsOf(ctx: StoreContext, accountId: string): Promise<Team[]> {
  const mine = await ctx.db
    .selectFrom('team_member as m')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .select(['t.id', 't.name', 'm.role', 'm.sharing'])
    .where('m.account_id', '=', accountId)
    .orderBy('t.name')
    .execute();
  if (mine.length === 0) return [];
  const members = await ctx.db
    .selectFrom('team_member as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['m.team_id', 'm.account_id', 'm.role', 'm.sharing', 'a.name', 'a.email'])
    .where(
      'm.team_id',
      'in',
      mine.map((t) => t.id),
    )
    .orderBy('a.name')
    .execute();
  return mine.map((t) => ({
    id: t.id,
    name: t.name,
    role: t.role,
    sharing: Number(t.sharing) === 1,
    members: members
      .filter((m) => m.team_id === t.id)
      .map((m) => ({
        accountId: m.account_id,
        name: m.name,
        email: m.email,
        role: m.role,
        sharing: Number(m.sharing) === 1,
      })),
  }));
}

/** One of the account's teams; another team is "not found", whether or not it exists. */
export async function teamOf(ctx: StoreContext, accountId: string, teamId: string): Promise<Team> {
  const team = (await teamsOf(ctx, accountId)).find((t) => t.id === teamId);
  if (!team) throw notFound(teamId);
  return team;
}

async function requireOwner(ctx: StoreContext, accountId: string, teamId: string): Promise<Team> {
  const team = await teamOf(ctx, accountId, teamId);
  if (team.role !== 'owner')
    throw new KithError(
      'forbidden',
      `Only the owner of ${team.name} adds and removes its members.`,
    );
  return team;
}

export async function createTeam(
  ctx: StoreContext,
  accountId: string,
  name: string,
): Promise<Team> {
  const id = newId();
  const now = ctx.now().toISOString();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('team')
      .values({ id, name, created_by: accountId, created_at: now })
      .execute();
    await tx.db
      .insertInto('team_member')
      .values({ team_id: id, account_id: accountId, role: 'owner', sharing: 0, joined_at: now })
      .execute();
  });
  return teamOf(ctx, accountId, id);
}

/** The owner adds an account of this server by its address; they start not sharing. */
export async function addMember(
  ctx: StoreContext,
  ownerId: string,
  teamId: string,
  email: string,
): Promise<Team> {
  const team = await requireOwner(ctx, ownerId, teamId);
  const account = await ctx.db
    .selectFrom('account')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (!account)
    throw new KithError(
      'invalid_input',
      `email: no account on this server has the address ${email}; invite them to the server first (Settings → Invite people).`,
      'email',
    );
  if (team.members.some((m) => m.accountId === account.id))
    throw new KithError('conflict', `email: ${email} is already in ${team.name}.`, 'email');
  await ctx.db
    .insertInto('team_member')
    .values({
      team_id: teamId,
      account_id: account.id,
      role: 'member',
      sharing: 0,
      joined_at: ctx.now().toISOString(),
    })
    .execute();
  return teamOf(ctx, ownerId, teamId);
}

/**
 * A member leaves (or the owner removes them): their shared view is gone at once. The owner
 * leaving ends the team.
 */
export async function removeMember(
  ctx: StoreContext,
  accountId: string,
  teamId: string,
  memberId: string,
): Promise<void> {
  const team = await teamOf(ctx, accountId, teamId);
  if (memberId !== accountId && team.role !== 'owner')
    throw new KithError('forbidden', `Only the owner of ${team.name} removes other members.`);
  if (!team.members.some((m) => m.accountId === memberId))
    throw new KithError('not_found', `No member of ${team.name} matches "${memberId}".`);
  const ownerLeaves = memberId === accountId && team.role === 'owner';
  await inTransaction(ctx, async (tx) => {
    if (ownerLeaves) {
      await tx.db.deleteFrom('team_member').where('team_id', '=', teamId).execute();
      await tx.db.deleteFrom('team').where('id', '=', teamId).execute();
    } else
      await tx.db
        .deleteFrom('team_member')
        .where('team_id', '=', teamId)
        .where('account_id', '=', memberId)
        .execute();
  });
}

export async function deleteTeam(
  ctx: StoreContext,
  accountId: string,
  teamId: string,
): Promise<void> {
  await requireOwner(ctx, accountId, teamId);
  await removeMember(ctx, accountId, teamId, accountId);
}

export async function setSharing(
  ctx: StoreContext,
  accountId: string,
  teamId: string,
  sharing: boolean,
): Promise<Team> {
  await teamOf(ctx, accountId, teamId);
  await ctx.db
    .updateTable('team_member')
    .set({ sharing: sharing ? 1 : 0 })
    .where('team_id', '=', teamId)
    .where('account_id', '=', accountId)
    .execute();
  return teamOf(ctx, accountId, teamId);
}

interface SharingTeammate {
  accountId: string;
  name: string;
  email: string;
  workspaceId: string;
  team: string;
}

/** Everyone who shares with a team the account is in (the account itself left out), once each. */
async function sharingTeammates(ctx: StoreContext, accountId: string): Promise<SharingTeammate[]> {
  const rows = await ctx.db
    .selectFrom('team_member as mine')
    .innerJoin('team as t', 't.id', 'mine.team_id')
    .innerJoin('team_member as theirs', 'theirs.team_id', 'mine.team_id')
    .innerJoin('account as a', 'a.id', 'theirs.account_id')
    .select(['a.id', 'a.name', 'a.email', 'a.workspace_id', 't.name as team'])
    .where('mine.account_id', '=', accountId)
    .where('theirs.account_id', '!=', accountId)
    .where('theirs.sharing', '=', 1)
    .orderBy('a.name')
    .execute();
  const seen = new Map<string, SharingTeammate>();
  for (const r of rows)
    if (!seen.has(r.id))
      seen.set(r.id, {
        accountId: r.id,
        name: r.name,
        email: r.email,
        workspaceId: r.workspace_id,
        team: r.team,
      });
  return [...seen.values()];
}

/** How many of a teammate's matching people are weighed, and answered per teammate. */
const CONSIDERED = 200;
const ANSWERS_PER_TEAMMATE = 3;

/**
 * "Who among us knows…": the people of sharing teammates whose shared fields match every
 * term, the best known first. Terms are folded words (letters and digits only), so the LIKE
 * patterns below hold no wildcard of the caller's.
 */
export async function teammateAnswers(
  ctx: StoreContext,
  accountId: string,
  terms: string[],
  about: string,
): Promise<Omit<TeammateAnswer, 'ask'>[]> {
  const first = terms[0];
  if (!first) return [];
  const answers: Omit<TeammateAnswer, 'ask'>[] = [];
  for (const mate of await sharingTeammates(ctx, accountId)) {
    const theirs: StoreContext = { ...ctx, workspaceId: mate.workspaceId };
    const pattern = `%${first}%`;
    const rows = await theirs.db
      .selectFrom('person as p')
      .leftJoin('organization as o', 'o.id', 'p.organization_id')
      .select(['p.id', 'p.display_name', 'p.title', 'o.name as organization'])
      .where('p.workspace_id', '=', mate.workspaceId)
      .where('p.archived_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('p.name_key', 'like', pattern),
          eb(sql`lower(p.title)`, 'like', pattern),
          eb('o.name_key', 'like', pattern),
          eb.exists(
            eb
              .selectFrom('person_tag as pt')
              .innerJoin('tag', 'tag.id', 'pt.tag_id')
              .select(sql`1`.as('one'))
              .whereRef('pt.person_id', '=', 'p.id')
              .where('pt.workspace_id', '=', mate.workspaceId)
              .where(sql`lower(tag.name)`, 'like', pattern),
          ),
        ]),
      )
      .limit(CONSIDERED)
      .execute();
    if (rows.length === 0) continue;
    const tags = await tagsOfPeople(
      theirs,
      rows.map((r) => r.id),
    );
    const matching = rows
      .map((r) => ({
        id: r.id,
        name: r.display_name,
        organization: r.organization ?? null,
        title: r.title,
        tags: tags.get(r.id) ?? [],
      }))
      .filter((person) => sharedFieldsMatch(person, terms, fold));
    const strengths = await strengthsOf(
      theirs,
      matching.map((m) => m.id),
      ctx.now().toISOString(),
    );
    const goBetweens = await goBetweensFor(
      theirs,
      matching
        .filter((m) => bandOf(strengths.get(m.id) ?? { label: 'none' }) === 'weak')
        .map((m) => m.id),
    );
    const ranked = matching
      .map((person) => {
        const strength = strengths.get(person.id) ?? { label: 'none' as const, score: 0 };
        const band = bandOf(strength);
        const via = band === 'weak' ? (goBetweens.get(person.id) ?? null) : null;
        // Known directly first; through someone next; barely known last.
        const score = via
          ? 0.5 + via.score / 2
          : band === 'weak'
            ? strength.score / 2
            : 1 + strength.score;
        return { person, band, via, score };
      })
      .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name))
      .slice(0, ANSWERS_PER_TEAMMATE);
    for (const { person, band, via } of ranked) {
      const goBetween = via ? { name: via.name, band: via.band } : null;
      answers.push({
        teammate: { accountId: mate.accountId, name: mate.name, email: mate.email },
        team: mate.team,
        person: {
          name: person.name,
          organization: person.organization,
          title: person.title,
          tags: person.tags,
        },
        band,
        via: goBetween,
        explanation: `${teammateSentence(mate.name, person, band, goBetween)} about ${about}.`,
      });
    }
  }
  return answers;
}

/**
 * For people a teammate barely knows: the person the teammate knows best (good or strong) who
 * knows them, from the teammate's who-knows-whom. Only names and how well are read.
 */
async function goBetweensFor(
  theirs: StoreContext,
  ids: string[],
): Promise<Map<string, { name: string; band: Band; score: number }>> {
  const found = new Map<string, { name: string; band: Band; score: number }>();
  if (ids.length === 0) return found;
  const edges = await theirs.db
    .selectFrom('knows')
    .select(['person_a', 'person_b'])
    .where('workspace_id', '=', theirs.workspaceId)
    .where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)]))
    .execute();
  const others = [...new Set(edges.flatMap((e) => [e.person_a, e.person_b]))].filter(
    (id) => !ids.includes(id),
  );
  if (others.length === 0) return found;
  const [strengths, names] = await Promise.all([
    strengthsOf(theirs, others, theirs.now().toISOString()),
    // Only people in the teammate's network, not in their trash.
    theirs.db
      .selectFrom('person')
      .select(['id', 'display_name'])
      .where('workspace_id', '=', theirs.workspaceId)
      .where('id', 'in', others)
      .where('archived_at', 'is', null)
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.id, r.display_name]))),
  ]);
  for (const edge of edges)
    for (const [target, other] of [
      [edge.person_a, edge.person_b],
      [edge.person_b, edge.person_a],
    ] as const) {
      if (!ids.includes(target) || ids.includes(other)) continue;
      const strength = strengths.get(other);
      const name = names.get(other);
      if (!strength || !name || bandOf(strength) === 'weak') continue;
      const best = found.get(target);
      if (!best || strength.score > best.score)
        found.set(target, { name, band: bandOf(strength), score: strength.score });
    }
  return found;
}

async function tagsOfPeople(ctx: StoreContext, ids: string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (ids.length === 0) return tags;
  const rows = await ctx.db
    .selectFrom('person_tag as pt')
    .innerJoin('tag', 'tag.id', 'pt.tag_id')
    .select(['pt.person_id', 'tag.name'])
    .where('pt.workspace_id', '=', ctx.workspaceId)
    .where('pt.person_id', 'in', ids)
    .orderBy('tag.name')
    .execute();
  for (const r of rows) tags.set(r.person_id, [...(tags.get(r.person_id) ?? []), r.name]);
  return tags;
}
