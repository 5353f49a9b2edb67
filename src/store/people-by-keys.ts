// Finding people by the keys a file names them with — email addresses, LinkedIn profiles,
// names — in chunks SQLite can bind. Imports use it to match rows and to find who took part
// in a conversation or event.
import { chunk, type StoreContext } from './context.js';

export interface PeopleByKeys {
  byEmail: Map<string, string>;
  byLinkedin: Map<string, string>;
  /** By name key, with the organization's name key. */
  byName: Map<string, { id: string; organization: string | null }[]>;
}

export async function peopleByKeys(
  ctx: StoreContext,
  keys: { emails?: string[]; linkedins?: string[]; names?: string[] },
  options: { liveOnly: boolean },
): Promise<PeopleByKeys> {
  const ws = ctx.workspaceId;
  const out: PeopleByKeys = { byEmail: new Map(), byLinkedin: new Map(), byName: new Map() };
  for (const part of chunk([...new Set(keys.emails ?? [])], 5000)) {
    const query = ctx.db
      .selectFrom('person_contact')
      .select(['person_contact.person_id', 'person_contact.value'])
      .where('person_contact.workspace_id', '=', ws)
      .where('person_contact.kind', '=', 'email')
      .where('person_contact.value', 'in', part);
    const rows = await (
      options.liveOnly
        ? query
            .innerJoin('person', 'person.id', 'person_contact.person_id')
            .where('person.archived_at', 'is', null)
        : query
    ).execute();
    for (const r of rows) if (!out.byEmail.has(r.value)) out.byEmail.set(r.value, r.person_id);
  }
  for (const part of chunk([...new Set(keys.linkedins ?? [])], 5000)) {
    let query = ctx.db
      .selectFrom('person')
      .select(['id', 'linkedin_url'])
      .where('workspace_id', '=', ws)
      .where('linkedin_url', 'in', part);
    if (options.liveOnly) query = query.where('archived_at', 'is', null);
    for (const r of await query.execute())
      if (r.linkedin_url) out.byLinkedin.set(r.linkedin_url, r.id);
  }
  for (const part of chunk([...new Set(keys.names ?? [])], 5000)) {
    let query = ctx.db
      .selectFrom('person')
      .leftJoin('organization', 'organization.id', 'person.organization_id')
      .select(['person.id', 'person.name_key', 'organization.name_key as organization'])
      .where('person.workspace_id', '=', ws)
      .where('person.name_key', 'in', part);
    if (options.liveOnly) query = query.where('person.archived_at', 'is', null);
    for (const r of await query.execute()) {
      const list = out.byName.get(r.name_key) ?? [];
      list.push({ id: r.id, organization: r.organization });
      out.byName.set(r.name_key, list);
    }
  }
  return out;
}
