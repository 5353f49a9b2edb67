// The parts of a person stored beside its row — cadence columns, tags, roles — read for many
// people at once. Shared by the people module, Today, search and the derived values, which
// must not import the people module itself (it writes, and calls them).
import type { Cadence } from '../domain/cadence.js';
import type { Role } from '../domain/person.js';
import { chunk, type DbContext } from './context.js';
import type { PersonTable } from './schema.js';

/** A person's cadence from its three columns. */
export function cadenceOf(
  row: Pick<PersonTable, 'cadence_kind' | 'cadence_days' | 'cadence_on'>,
): Cadence {
  if (row.cadence_kind === 'every' && row.cadence_days)
    return { kind: 'every', days: row.cadence_days };
  if (row.cadence_kind === 'once' && row.cadence_on) return { kind: 'once', on: row.cadence_on };
  return { kind: 'none' };
}

/**
 * Ids per IN (…) list: under SQLite's 32,766 bound parameters and PostgreSQL's 65,535, so a
 * caller may pass the ids of a whole workspace (Today does).
 */
const IDS_PER_QUERY = 10_000;

/** The tags of each of these people, in name order. */
export async function tagsOf(ctx: DbContext, ids: string[]): Promise<Map<string, string[]>> {
  const byPerson = new Map<string, string[]>();
  for (const part of chunk(ids, IDS_PER_QUERY)) {
    const rows = await ctx.db
      .selectFrom('person_tag')
      .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
      .select(['person_tag.person_id', 'tag.name'])
      .where('person_tag.person_id', 'in', part)
      .orderBy('tag.name')
      .execute();
    for (const r of rows) {
      const list = byPerson.get(r.person_id);
      if (list) list.push(r.name);
      else byPerson.set(r.person_id, [r.name]);
    }
  }
  return byPerson;
}

/** The relationship roles of each of these people, in name order. */
export async function rolesOf(ctx: DbContext, ids: string[]): Promise<Map<string, Role[]>> {
  const byPerson = new Map<string, Role[]>();
  for (const part of chunk(ids, IDS_PER_QUERY)) {
    const rows = await ctx.db
      .selectFrom('person_role')
      .select(['person_id', 'role'])
      .where('person_id', 'in', part)
      .orderBy('role')
      .execute();
    for (const r of rows) {
      const list = byPerson.get(r.person_id);
      if (list) list.push(r.role as Role);
      else byPerson.set(r.person_id, [r.role as Role]);
    }
  }
  return byPerson;
}
