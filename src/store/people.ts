// People: create, read, list with filters, patch, archive (trash) and restore, and find
// by name. Lists (emails, tags, roles…) live in their own tables so they can be queried.
import { sql, type SqlBool } from 'kysely';
import { KithError, notFound, parseOrThrow } from '../domain/errors.js';
import { isId, newId } from '../domain/ids.js';
import {
  BULK_MATCHING_LIMIT,
  applyPersonPatch,
  personBulkSchema,
  personCreateSchema,
  personDataFrom,
  personListQuerySchema,
  personPatchSchema,
  type Person,
  type PersonData,
  type PersonPage,
  type PersonBulkResult,
  type PersonFilter,
} from '../domain/person.js';
import { nameKey, searchDocument } from '../domain/text.js';
import {
  chunk,
  inLargeChange,
  inTransaction,
  type DbContext,
  type StoreContext,
} from './context.js';
import { cadenceOf, rolesOf, tagsOf } from './person-parts.js';
import { reindexInteractions } from './derived.js';
import { interactionIdsOf } from './interactions.js';
import { datesOf, refreshDateIndex, refreshTouchDue } from './derived.js';
import type { PersonDocument } from './dialect/search-index.js';
import { organizationIdFor } from './organization-ids.js';
import type { Selectable } from 'kysely';
import type { PersonTable } from './schema.js';
import { bumpTies } from './ties.js';

type PersonRow = Selectable<PersonTable> & { organization_name: string | null };

function selectPeople(ctx: DbContext) {
  return ctx.db
    .selectFrom('person')
    .leftJoin('organization', 'organization.id', 'person.organization_id')
    .selectAll('person')
    .select('organization.name as organization_name')
    .where('person.workspace_id', '=', ctx.workspaceId);
}

/** Turn rows into full people, loading their lists in a few batched queries. */
async function toPeople(ctx: DbContext, rows: PersonRow[]): Promise<Person[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [contacts, tags, roles] = await Promise.all([
    ctx.db
      .selectFrom('person_contact')
      .select(['person_id', 'kind', 'value'])
      .where('person_id', 'in', ids)
      .orderBy('position')
      .execute(),
    tagsOf(ctx, ids),
    rolesOf(ctx, ids),
  ]);
  const contactsBy = new Map<string, typeof contacts>();
  for (const c of contacts)
    contactsBy.set(c.person_id, [...(contactsBy.get(c.person_id) ?? []), c]);
  return rows.map((row) => {
    const mine = contactsBy.get(row.id) ?? [];
    const values = (kind: string) => mine.filter((c) => c.kind === kind).map((c) => c.value);
    return {
      id: row.id,
      displayName: row.display_name,
      givenName: row.given_name,
      familyName: row.family_name,
      emails: values('email'),
      phones: values('phone'),
      linkedin: row.linkedin_url,
      links: values('link'),
      handles: values('handle'),
      organization:
        row.organization_id && row.organization_name
          ? { id: row.organization_id, name: row.organization_name }
          : null,
      title: row.title,
      unit: row.unit,
      location: row.location,
      howWeMet: row.how_we_met,
      metOn: row.met_on,
      tags: tags.get(row.id) ?? [],
      roles: roles.get(row.id) ?? [],
      notes: row.notes,
      cadence: cadenceOf(row),
      dates: datesOf(row.dates),
      // Compared, not cast: a row read before the column existed has none.
      noThankYou: Number(row.no_thank_you) === 1,
      lastContactAt: row.last_contact_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      archivedAt: row.archived_at,
    };
  });
}

export async function getPerson(ctx: StoreContext, id: string): Promise<Person> {
  const row = isId(id)
    ? await selectPeople(ctx).where('person.id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('person', id);
  const [person] = await toPeople(ctx, [row]);
  if (!person) throw notFound('person', id);
  return person;
}

/** Display names by id, for lines that name people (in chunks SQLite can bind). */
export async function namesOf(ctx: StoreContext, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const part of chunk(ids, 500)) {
    const rows = await ctx.db
      .selectFrom('person')
      .select(['id', 'display_name'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', 'in', part)
      .execute();
    for (const r of rows) names.set(r.id, r.display_name);
  }
  return names;
}

/**
 * The name of the person an input refers to, or an error naming the input's field: for
 * writes that point at someone (an ask, a tie, an introduction).
 */
export async function requirePerson(ctx: DbContext, id: string, field: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('person')
    .select('display_name')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new KithError('invalid_input', `${field}: no person has the id ${id}`, field);
  return row.display_name;
}

export async function getPeople(ctx: DbContext, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await selectPeople(ctx).where('person.id', 'in', ids).execute();
  const people = await toPeople(ctx, rows);
  const byId = new Map(people.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A person's data as it is written (the organization by name). */
export function dataOf(person: Person): PersonData {
  return {
    displayName: person.displayName,
    givenName: person.givenName,
    familyName: person.familyName,
    emails: person.emails,
    phones: person.phones,
    linkedin: person.linkedin,
    links: person.links,
    handles: person.handles,
    organization: person.organization?.name ?? null,
    title: person.title,
    unit: person.unit,
    location: person.location,
    howWeMet: person.howWeMet,
    metOn: person.metOn,
    tags: person.tags,
    roles: person.roles,
    notes: person.notes,
    cadence: person.cadence,
    dates: person.dates,
    noThankYou: person.noThankYou,
  };
}

/** The person table's columns for this data (lists live in their own tables). */
export function personColumns(data: PersonData, organizationId: string | null) {
  return {
    display_name: data.displayName,
    name_key: nameKey(data.displayName),
    given_name: data.givenName,
    family_name: data.familyName,
    organization_id: organizationId,
    title: data.title,
    unit: data.unit,
    location: data.location,
    how_we_met: data.howWeMet,
    met_on: data.metOn,
    linkedin_url: data.linkedin,
    notes: data.notes,
    cadence_kind: data.cadence.kind,
    cadence_days: data.cadence.kind === 'every' ? data.cadence.days : null,
    cadence_on: data.cadence.kind === 'once' ? data.cadence.on : null,
  };
}

/** Replace a person's emails, phones, links, tags and roles with those of `data`. */
async function writeLists(ctx: StoreContext, personId: string, data: PersonData): Promise<void> {
  const ws = ctx.workspaceId;
  await ctx.db.deleteFrom('person_contact').where('person_id', '=', personId).execute();
  const contacts = [
    ...data.emails.map((value, position) => ({ kind: 'email' as const, value, position })),
    ...data.phones.map((value, position) => ({ kind: 'phone' as const, value, position })),
    ...data.links.map((value, position) => ({ kind: 'link' as const, value, position })),
    ...data.handles.map((value, position) => ({ kind: 'handle' as const, value, position })),
  ];
  if (contacts.length > 0) {
    await ctx.db
      .insertInto('person_contact')
      .values(contacts.map((c) => ({ ...c, workspace_id: ws, person_id: personId })))
      .execute();
  }
  await ctx.db.deleteFrom('person_role').where('person_id', '=', personId).execute();
  if (data.roles.length > 0) {
    await ctx.db
      .insertInto('person_role')
      .values(data.roles.map((role) => ({ workspace_id: ws, person_id: personId, role })))
      .execute();
  }
  await ctx.db.deleteFrom('person_tag').where('person_id', '=', personId).execute();
  if (data.tags.length > 0) {
    const tagIds = await tagIdsFor(ctx, data.tags);
    await ctx.db
      .insertInto('person_tag')
      .values(tagIds.map((tag_id) => ({ workspace_id: ws, person_id: personId, tag_id })))
      .execute();
  }
}

/** Ids of the named tags, creating the missing ones. */
export async function tagIdsFor(ctx: StoreContext, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  await ctx.db
    .insertInto('tag')
    .values(names.map((name) => ({ id: newId(), workspace_id: ctx.workspaceId, name })))
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .execute();
  const rows = await ctx.db
    .selectFrom('tag')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('name', 'in', names)
    .execute();
  return rows.map((r) => r.id);
}

export function personDocument(workspaceId: string, id: string, data: PersonData): PersonDocument {
  return {
    id,
    workspaceId,
    name: searchDocument(data.displayName, data.givenName, data.familyName),
    work: searchDocument(data.organization, data.title, data.unit, data.location),
    tags: searchDocument(...data.tags, ...data.roles),
    notes: searchDocument(data.notes, data.howWeMet),
  };
}

/** Rebuild the search documents of these people (after an organization is renamed, say). */
export async function reindexPeople(
  ctx: Pick<StoreContext, 'db' | 'search' | 'workspaceId'>,
  ids: string[],
): Promise<void> {
  for (const batch of chunk(ids, 500)) {
    const people = (await getPeople(ctx, batch)).filter((p) => !p.archivedAt);
    await ctx.search.indexPeople(
      ctx.db,
      people.map((p) => personDocument(ctx.workspaceId, p.id, dataOf(p))),
    );
  }
}

export async function createPerson(ctx: StoreContext, input: unknown): Promise<Person> {
  const data = personDataFrom(parseOrThrow(personCreateSchema, input));
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = tx.now().toISOString();
    const organizationId = data.organization
      ? await organizationIdFor(tx, data.organization)
      : null;
    await tx.db
      .insertInto('person')
      .values({
        id,
        workspace_id: tx.workspaceId,
        ...personColumns(data, organizationId),
        // Left to the columns' defaults unless set: people are written alike at any schema.
        ...(data.noThankYou ? { no_thank_you: 1 } : {}),
        ...(data.dates.length ? { dates: JSON.stringify(data.dates) } : {}),
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .execute();
    await writeLists(tx, id, data);
    if (data.dates.length) await refreshDateIndex(tx, [id]);
    await refreshTouchDue(tx, [id]);
    await tx.search.indexPeople(tx.db, [personDocument(tx.workspaceId, id, data)]);
    await bumpTies(tx);
    return getPerson(tx, id);
  });
}

export async function updatePerson(ctx: StoreContext, id: string, input: unknown): Promise<Person> {
  const patch = parseOrThrow(personPatchSchema, input);
  return inTransaction(ctx, async (tx) => {
    const current = await getPerson(tx, id);
    const data = applyPersonPatch(dataOf(current), patch);
    const organizationId = data.organization
      ? await organizationIdFor(tx, data.organization)
      : null;
    await tx.db
      .updateTable('person')
      .set({
        ...personColumns(data, organizationId),
        ...(patch.noThankYou === undefined ? {} : { no_thank_you: data.noThankYou ? 1 : 0 }),
        ...(patch.dates === undefined
          ? {}
          : { dates: data.dates.length ? JSON.stringify(data.dates) : null }),
        updated_at: tx.now().toISOString(),
      })
      .where('id', '=', current.id)
      .execute();
    await writeLists(tx, current.id, data);
    if (patch.dates !== undefined) await refreshDateIndex(tx, [current.id]);
    await refreshTouchDue(tx, [current.id]);
    // A new organization or unit changes the inferred colleagues.
    await bumpTies(tx);
    // People in the trash stay out of the search index until restored.
    if (!current.archivedAt) {
      await tx.search.indexPeople(tx.db, [personDocument(tx.workspaceId, current.id, data)]);
    }
    // Their chats are found by their name: by the new one from now on.
    if (data.displayName !== current.displayName)
      await reindexInteractions(tx, await interactionIdsOf(tx, [current.id]));
    return getPerson(tx, current.id);
  });
}

/** Move to the trash: hidden from lists and search, kept with all its history. */
export async function archivePerson(ctx: StoreContext, id: string): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const person = await getPerson(tx, id);
    if (person.archivedAt) return person;
    await tx.db
      .updateTable('person')
      .set({ archived_at: tx.now().toISOString() })
      .where('id', '=', person.id)
      .execute();
    await tx.search.removePeople(tx.db, [person.id]);
    await bumpTies(tx);
    return getPerson(tx, person.id);
  });
}

export async function restorePerson(ctx: StoreContext, id: string): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const person = await getPerson(tx, id);
    if (!person.archivedAt) return person;
    await tx.db
      .updateTable('person')
      .set({ archived_at: null })
      .where('id', '=', person.id)
      .execute();
    await tx.search.indexPeople(tx.db, [personDocument(tx.workspaceId, person.id, dataOf(person))]);
    await bumpTies(tx);
    return getPerson(tx, person.id);
  });
}

/** The people the list's filters keep: a query to count, page or take the ids of. */
/**
 * The people a filter keeps, from `person` alone: counting them then reads only an index
 * (every list page counts its total), and the page joins what it shows.
 */
function filteredPeople(ctx: StoreContext, q: PersonFilter) {
  let base = ctx.db
    .selectFrom('person')
    .where('person.workspace_id', '=', ctx.workspaceId)
    .where('person.archived_at', q.archived ? 'is not' : 'is', null);
  if (q.role) {
    const role = q.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_role')
          .whereRef('person_role.person_id', '=', 'person.id')
          .where('person_role.role', '=', role)
          .select(sql.lit(1).as('one')),
      ),
    );
  }
  if (q.tag) {
    const tag = q.tag;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_tag')
          .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
          .whereRef('person_tag.person_id', '=', 'person.id')
          .where('tag.name', '=', tag)
          .select(sql.lit(1).as('one')),
      ),
    );
  }
  if (q.organization) {
    const org = q.organization;
    base = base.where('person.organization_id', 'in', (eb) =>
      eb
        .selectFrom('organization')
        .select('organization.id')
        .where('organization.workspace_id', '=', ctx.workspaceId)
        .where((w) =>
          w.or([w('organization.id', '=', org), w('organization.name_key', '=', nameKey(org))]),
        ),
    );
  }
  if (q.quietDays) {
    const since = new Date(ctx.now().getTime() - q.quietDays * 86_400_000).toISOString();
    base = base.where((eb) =>
      eb.or([eb('person.last_contact_at', 'is', null), eb('person.last_contact_at', '<', since)]),
    );
  }
  if (q.name) base = base.where('person.name_key', '=', nameKey(q.name));
  if (q.unit) {
    const unit = q.unit.toLowerCase();
    base = base.where(sql<SqlBool>`lower(person.unit) = ${unit}`);
  }
  return base;
}

export async function listPeople(ctx: StoreContext, query: unknown = {}): Promise<PersonPage> {
  const q = parseOrThrow(personListQuerySchema, query);
  const limit = q.limit ?? 100;
  const offset = q.offset ?? 0;
  const base = filteredPeople(ctx, q);

  const countRow = await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();

  let page = base
    .leftJoin('organization', 'organization.id', 'person.organization_id')
    .selectAll('person')
    .select('organization.name as organization_name');
  switch (q.sort ?? 'name') {
    case 'name':
      page = page.orderBy('person.name_key').orderBy('person.id');
      break;
    case 'recent':
      page = page.orderBy('person.id', 'desc');
      break;
    case 'organization':
      page = page
        .orderBy(sql`coalesce(organization.name_key, '~')`)
        .orderBy('person.name_key')
        .orderBy('person.id');
      break;
    case 'last-contact':
      // Never contacted last; in this order an index serves it (migration 018).
      page = page
        .orderBy('person.last_contact_at', (ob) => ob.desc().nullsLast())
        .orderBy('person.name_key')
        .orderBy('person.id');
      break;
  }
  const rows = await page.limit(limit).offset(offset).execute();
  return { items: await toPeople(ctx, rows), total: Number(countRow.n), limit, offset };
}

/**
 * Find one person from what a user typed: an id, an email, or a name (exact first, then
 * the start of a word). Several matches is an error that lists them; never a silent pick.
 */
export async function resolvePerson(
  ctx: StoreContext,
  text: string,
  options: { archived?: boolean } = {},
): Promise<Person> {
  const wanted = text.trim();
  if (wanted === '')
    throw new KithError('invalid_input', 'person: a name or id is required.', 'person');
  if (isId(wanted)) return getPerson(ctx, wanted);
  const live = (qb: ReturnType<typeof selectPeople>) =>
    qb.where('person.archived_at', options.archived ? 'is not' : 'is', null);

  let rows: PersonRow[];
  if (wanted.includes('@')) {
    rows = await live(selectPeople(ctx))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_contact')
            .whereRef('person_contact.person_id', '=', 'person.id')
            .where('person_contact.kind', '=', 'email')
            .where('person_contact.value', '=', wanted.toLowerCase())
            .select(sql.lit(1).as('one')),
        ),
      )
      .limit(20)
      .execute();
  } else {
    const key = nameKey(wanted);
    if (key === '')
      throw new KithError('invalid_input', `person: "${text}" is not a name.`, 'person');
    rows = await live(selectPeople(ctx)).where('person.name_key', '=', key).limit(20).execute();
    if (rows.length === 0) {
      rows = await live(selectPeople(ctx))
        .where((eb) =>
          eb.or([
            eb('person.name_key', 'like', `${key}%`),
            eb('person.name_key', 'like', `% ${key}%`),
          ]),
        )
        .orderBy('person.name_key')
        .limit(20)
        .execute();
    }
  }
  if (rows.length === 1 && rows[0]) {
    const [person] = await toPeople(ctx, rows);
    if (person) return person;
  }
  const where = options.archived ? ' in the trash' : '';
  if (rows.length === 0)
    throw new KithError('not_found', `No person${where} matches "${wanted}".`, 'person');
  const candidates = rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    organization: r.organization_name,
  }));
  const listed = candidates
    .map((c) => `  ${c.displayName}${c.organization ? ` (${c.organization})` : ''}  ${c.id}`)
    .join('\n');
  throw new KithError(
    'ambiguous',
    `"${wanted}" matches ${rows.length === 20 ? 'at least 20' : rows.length} people${where}; use a fuller name or an id:\n${listed}`,
    'person',
    { candidates },
  );
}

/** Tag, untag, archive or restore many people in one transaction: every id must exist. */
export async function bulkPeople(ctx: StoreContext, input: unknown): Promise<PersonBulkResult> {
  const bulk = parseOrThrow(personBulkSchema, input);
  return inLargeChange(ctx, async (tx) => {
    const ids = bulk.matching
      ? await matchingIds(tx, bulk.matching)
      : await knownIds(tx, [...new Set(bulk.ids)]);
    const now = tx.now().toISOString();
    const changed: string[] = [];
    if (bulk.action === 'archive' || bulk.action === 'restore') {
      const archiving = bulk.action === 'archive';
      for (const part of chunk(ids, 5000)) {
        const rows = await tx.db
          .selectFrom('person')
          .select('id')
          .where('id', 'in', part)
          .where('archived_at', archiving ? 'is' : 'is not', null)
          .execute();
        const these = rows.map((r) => r.id);
        if (these.length === 0) continue;
        await tx.db
          .updateTable('person')
          .set({ archived_at: archiving ? now : null })
          .where('id', 'in', these)
          .execute();
        // People in the trash stay out of the search index until restored.
        if (archiving) await tx.search.removePeople(tx.db, these);
        else await reindexPeople(tx, these);
        changed.push(...these);
      }
      if (changed.length > 0) await bumpTies(tx);
    } else {
      const adding = bulk.action === 'add-tag';
      const [tagId = ''] = await tagIdsFor(tx, [bulk.tag ?? '']);
      for (const part of chunk(ids, 5000)) {
        const have = new Set(
          (
            await tx.db
              .selectFrom('person_tag')
              .select('person_id')
              .where('tag_id', '=', tagId)
              .where('person_id', 'in', part)
              .execute()
          ).map((r) => r.person_id),
        );
        const these = part.filter((id) => have.has(id) !== adding);
        if (these.length === 0) continue;
        if (adding)
          await tx.rows.insert(
            tx.db,
            'person_tag',
            these.map((person_id) => ({ workspace_id: tx.workspaceId, person_id, tag_id: tagId })),
          );
        else
          await tx.db
            .deleteFrom('person_tag')
            .where('tag_id', '=', tagId)
            .where('person_id', 'in', these)
            .execute();
        // An edit like any other: imports see it (they never overwrite what the user changed).
        await tx.db
          .updateTable('person')
          .set({ updated_at: now })
          .where('id', 'in', these)
          .execute();
        await reindexPeople(tx, these);
        changed.push(...these);
      }
    }
    return { action: bulk.action, changed: changed.length, unchanged: ids.length - changed.length };
  });
}

/** The ids given, each checked to be a person of this workspace (the first unknown is named). */
async function knownIds(ctx: StoreContext, ids: string[]): Promise<string[]> {
  const known = await namesOf(ctx, ids.filter(isId));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw notFound('person', unknown);
  return ids;
}

/** Everyone the filters keep, up to the bulk limit (more is refused, not cut short). */
async function matchingIds(ctx: StoreContext, filter: PersonFilter): Promise<string[]> {
  const rows = await filteredPeople(ctx, filter)
    .select('person.id')
    .orderBy('person.id')
    .limit(BULK_MATCHING_LIMIT + 1)
    .execute();
  if (rows.length > BULK_MATCHING_LIMIT)
    throw new KithError(
      'invalid_input',
      `matching: more than ${BULK_MATCHING_LIMIT.toLocaleString('en')} people; narrow the filters`,
      'matching',
    );
  return rows.map((r) => r.id);
}

export { cadenceOf, rolesOf, tagsOf };
