// Finding people by the keys a file names them with — email addresses, LinkedIn profiles,
// names — in chunks SQLite can bind. Imports use it to match rows and to find who took part
// in a conversation or event.
import type { NamedPerson } from '../domain/import/match.js';
import { chunk, type StoreContext } from './context.js';

export interface PeopleByKeys {
  byEmail: Map<string, string>;
  byLinkedin: Map<string, string>;
  /** By name key, with the organization's name key and the ways to reach them. */
  byName: Map<string, NamedPerson[]>;
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
      .select([
        'person.id',
        'person.name_key',
        'person.linkedin_url',
        'organization.name_key as organization',
      ])
      .where('person.workspace_id', '=', ws)
      .where('person.name_key', 'in', part);
    if (options.liveOnly) query = query.where('person.archived_at', 'is', null);
    const rows = await query.execute();
    const contacts = await contactsOf(
      ctx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const list = out.byName.get(r.name_key) ?? [];
      list.push({
        id: r.id,
        organization: r.organization,
        emails: contacts.get(r.id)?.emails ?? [],
        phones: contacts.get(r.id)?.phones ?? [],
        linkedin: r.linkedin_url,
      });
      out.byName.set(r.name_key, list);
    }
  }
  return out;
}

async function contactsOf(
  ctx: StoreContext,
  ids: string[],
): Promise<Map<string, { emails: string[]; phones: string[] }>> {
  const out = new Map<string, { emails: string[]; phones: string[] }>();
  for (const part of chunk(ids, 5000)) {
    const rows = await ctx.db
      .selectFrom('person_contact')
      .select(['person_id', 'kind', 'value'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('person_id', 'in', part)
      .where('kind', 'in', ['email', 'phone'])
      .execute();
    for (const r of rows) {
      const entry = out.get(r.person_id) ?? { emails: [], phones: [] };
      (r.kind === 'email' ? entry.emails : entry.phones).push(r.value);
      out.set(r.person_id, entry);
    }
  }
  return out;
}
