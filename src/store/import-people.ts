// The people of an import, step by step: match each row of the file to someone in Kith (or
// to an earlier row, or to no one), plan what each changes, write them, and record what the
// export said. store/imports.ts runs the steps in one transaction and adds the conversations;
// the rules of matching and merging are the domain's (domain/import/match.ts, merge-plan.ts).
import { sourceOf, type ImportedPerson } from '../domain/import/contacts-csv.js';
import { importedFields, planMerge, type ImportedFields } from '../domain/import/merge-plan.js';
import {
  digits,
  exportedPersonId,
  fileKeysOf,
  MIN_PHONE_DIGITS,
  matchOf,
  type KnownPeople,
} from '../domain/import/match.js';
import type { ImportRow } from '../domain/import/schemas.js';
import { personDataFrom, type Person, type PersonCreate } from '../domain/person.js';
import { nameKey } from '../domain/text.js';
import { insertPeople } from './bulk-load.js';
import { chunk, type StoreContext } from './context.js';
import { refreshTouchDue } from './derived.js';
import { peopleByKeys } from './people-by-keys.js';
import { dataOf, getPeople as getPeopleOnce, updatePerson } from './people.js';
import type { ImportChangeTable, ImportSourceTable, PersonKeyTable } from './schema.js';

/** A row of the report, with the person the file describes (and its card's UID). */
export type PlannedRow = ImportRow & { person: PersonCreate; uid?: string };

/** Many people at once, in chunks SQLite can bind. */
const getPeople = async (ctx: StoreContext, ids: string[]): Promise<Person[]> =>
  (await Promise.all(chunk(ids, 5000).map((part) => getPeopleOnce(ctx, part)))).flat();

/**
 * The people the file's card UIDs name: a UID an import has seen before, or the UID a Kith
 * export gives each card (the person's own id).
 */
async function peopleByUid(ctx: StoreContext, uids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunk([...new Set(uids)], 5000)) {
    for (const r of await ctx.db
      .selectFrom('person_key')
      .select(['value', 'person_id'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('kind', '=', 'vcard-uid')
      .where('value', 'in', part)
      .execute())
      out.set(r.value, r.person_id);
    const exported = new Map(
      part.flatMap((uid) => {
        const id = exportedPersonId(uid);
        return id && !out.has(uid) ? [[id, uid] as const] : [];
      }),
    );
    if (exported.size === 0) continue;
    for (const r of await ctx.db
      .selectFrom('person')
      .select('id')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', 'in', [...exported.keys()])
      .execute()) {
      const uid = exported.get(r.id);
      if (uid) out.set(uid, r.id);
    }
  }
  return out;
}

/** The people in the workspace the file could match, found by its own keys only. */
async function existingFor(
  ctx: StoreContext,
  people: PersonCreate[],
  uids: string[],
): Promise<KnownPeople> {
  const byAddress = await peopleByKeys(
    ctx,
    {
      emails: people.flatMap((p) => p.emails ?? []),
      linkedins: people.flatMap((p) => (p.linkedin ? [p.linkedin] : [])),
    },
    { liveOnly: false },
  );
  const existing: KnownPeople = {
    ...byAddress,
    byPhone: new Map(),
    byUid: await peopleByUid(ctx, uids),
  };
  if (people.some((p) => (p.phones ?? []).length > 0)) {
    // Phones are compared by their digits, however they were written.
    const rows = await ctx.db
      .selectFrom('person_contact')
      .select(['person_id', 'value'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('kind', '=', 'phone')
      .execute();
    for (const r of rows) {
      const key = digits(r.value);
      if (key.length >= MIN_PHONE_DIGITS && !existing.byPhone.has(key))
        existing.byPhone.set(key, r.person_id);
    }
  }
  // Names only for the people no address, profile or phone finds.
  const found = (p: PersonCreate) =>
    (p.emails ?? []).some((e) => existing.byEmail.has(e)) ||
    (p.linkedin !== undefined && p.linkedin !== null && existing.byLinkedin.has(p.linkedin)) ||
    (p.phones ?? []).some((ph) => existing.byPhone.has(digits(ph)));
  const byName = await peopleByKeys(
    ctx,
    { names: people.filter((p) => !found(p)).map((p) => nameKey(p.displayName)) },
    { liveOnly: false },
  );
  return { ...existing, byName: byName.byName };
}

async function previousImports(
  ctx: StoreContext,
  ids: string[],
  format: string,
): Promise<Map<string, ImportedFields>> {
  const out = new Map<string, ImportedFields>();
  for (const part of chunk(ids, 5000)) {
    const rows = await ctx.db
      .selectFrom('import_source')
      .select(['person_id', 'fields'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('format', '=', format)
      .where('person_id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.person_id, JSON.parse(r.fields) as ImportedFields);
  }
  return out;
}

/**
 * Match: each row to a person already in Kith (by email, LinkedIn address, phone, then name
 * with organization), to an earlier row of the same file (a duplicate), or to no one (new).
 */
export async function matchRows(
  tx: StoreContext,
  people: ImportedPerson[],
): Promise<{ planned: PlannedRow[]; matchedIds: string[] }> {
  const incoming = people.map((p) => p.person);
  const existing = await existingFor(
    tx,
    incoming,
    people.flatMap((p) => (p.uid ? [p.uid] : [])),
  );
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const matchedIds: string[] = [];
  const matchedBy = new Map<string, ImportRow>();
  for (const item of people) {
    const p = item.person;
    const earlier = fileKeysOf(p, item.uid)
      .map((k) => seen.get(k))
      .find((line) => line !== undefined);
    const row: PlannedRow = {
      line: item.source.line,
      name: p.displayName,
      action: 'new',
      personId: null,
      matchedBy: null,
      changes: [],
      review: null,
      repaired: item.repaired,
      person: p,
      ...(item.uid ? { uid: item.uid } : {}),
    };
    if (earlier !== undefined) {
      planned.push({ ...row, action: 'duplicate', changes: [`same as line ${earlier}`] });
      continue;
    }
    for (const k of fileKeysOf(p, item.uid)) seen.set(k, item.source.line);
    const match = matchOf(p, existing, item.uid);
    const first = match && 'id' in match ? matchedBy.get(match.id) : undefined;
    if (match && 'id' in match && first) {
      // Two rows with nothing in common but the person they match: one of them is someone
      // else. The first updates that person; this one is added, for the user to look at.
      row.review = { personId: match.id, name: '' };
      row.changes = [`matched the same person as line ${first.line}`];
      first.changes.push(`line ${row.line} matched this person too`);
    } else if (match && 'id' in match) {
      row.personId = match.id;
      row.matchedBy = match.by;
      matchedIds.push(match.id);
      matchedBy.set(match.id, row);
    } else if (match) row.review = { personId: match.review, name: '' };
    planned.push(row);
  }
  return { planned, matchedIds };
}

/**
 * Plan: what each matched row changes (never what the user edited; only what the export
 * changed since its last import), and the counts the report gives.
 */
export async function planRows(
  tx: StoreContext,
  planned: PlannedRow[],
  matchedIds: string[],
  format: Parameters<typeof sourceOf>[0],
) {
  // A row saying exactly what this export said last time changes nothing: the person need
  // not even be read (re-importing the same file is the common case, and must be quick).
  const previous = await previousImports(tx, [...new Set(matchedIds)], sourceOf(format));
  const sameAsLastTime = (row: { personId: string | null; person: PersonCreate }) => {
    const known = row.personId ? previous.get(row.personId) : undefined;
    return !!known && JSON.stringify(known) === JSON.stringify(importedFields(row.person));
  };
  const toRead = planned.filter(
    (r) => r.personId && r.action !== 'duplicate' && !sameAsLastTime(r),
  );
  const current = await getPeople(tx, [...new Set(toRead.map((r) => r.personId ?? ''))]);
  const byId = new Map(current.map((p) => [p.id, p]));
  const reviewNames = await getPeople(
    tx,
    planned.flatMap((r) => (r.review ? [r.review.personId] : [])),
  );
  for (const row of planned) {
    if (row.review)
      row.review.name = reviewNames.find((p) => p.id === row.review?.personId)?.displayName ?? '';
    if (!row.personId || row.action === 'duplicate') continue;
    const person = byId.get(row.personId);
    if (!person) {
      row.action = 'unchanged';
      continue;
    }
    const plan = planMerge(dataOf(person), row.person, previous.get(row.personId) ?? null);
    row.action = plan.changes.length ? 'updated' : 'unchanged';
    row.changes = [...plan.changes, ...row.changes];
  }
  const counts = {
    new: planned.filter((r) => r.action === 'new').length,
    updated: planned.filter((r) => r.action === 'updated').length,
    unchanged: planned.filter((r) => r.action === 'unchanged' || r.action === 'duplicate').length,
    review: planned.filter((r) => r.review).length,
    errors: 0,
  };
  return { previous, byId, counts };
}

/**
 * Write: the new people in bulk (the way bulk loads write) with their keep-in-touch days, the
 * planned changes to people already in Kith, and what the run did to each (for its undo).
 */
export async function writePeople(
  tx: StoreContext,
  planned: PlannedRow[],
  step: {
    byId: Map<string, Person>;
    previous: Map<string, ImportedFields>;
    runId: string;
    now: string;
    onProgress: (done: number, total: number) => void;
  },
): Promise<{ fresh: PlannedRow[]; due: string[] }> {
  // New people in bulk (the way bulk loads write), then their keep-in-touch days.
  const fresh = planned.filter((r) => r.action === 'new');
  const ids = await insertPeople(
    tx,
    fresh.map((r, i) => ({ key: String(i), data: personDataFrom(r.person) })),
    step.now,
    (done) => step.onProgress(done, fresh.length),
  );
  fresh.forEach((r, i) => {
    r.personId = ids.get(String(i)) ?? null;
  });
  // Only people with a cadence or a role can be due to keep in touch with.
  const due = fresh
    .filter(
      (r) =>
        (r.person.roles ?? []).length > 0 || (r.person.cadence ?? { kind: 'none' }).kind !== 'none',
    )
    .flatMap((r) => (r.personId ? [r.personId] : []));
  for (const part of chunk(due, 5000)) await refreshTouchDue(tx, part);
  const provenance = (r: ImportRow) => (r.repaired.length ? JSON.stringify(r.repaired) : null);
  const changes: ImportChangeTable[] = fresh.flatMap((r) =>
    r.personId
      ? [
          {
            run_id: step.runId,
            person_id: r.personId,
            action: 'created' as const,
            before: null,
            after_updated_at: step.now,
            repaired: provenance(r),
          },
        ]
      : [],
  );
  // People already in Kith: the planned changes, one by one (an export changes few).
  for (const row of planned) {
    if (row.action !== 'updated' || !row.personId) continue;
    const before = step.byId.get(row.personId);
    if (!before) continue;
    const plan = planMerge(dataOf(before), row.person, step.previous.get(row.personId) ?? null);
    await updatePerson(tx, row.personId, plan.patch);
    const after = await tx.db
      .selectFrom('person')
      .select('updated_at')
      .where('id', '=', row.personId)
      .executeTakeFirstOrThrow();
    changes.push({
      run_id: step.runId,
      person_id: row.personId,
      action: 'updated',
      before: JSON.stringify(dataOf(before)),
      after_updated_at: after.updated_at,
      repaired: provenance(row),
    });
  }
  await tx.rows.insert(tx.db, 'import_change', changes);
  return { fresh, due };
}

/** Record: what this export said of each person, where it says something new. */
export async function recordSources(
  tx: StoreContext,
  planned: PlannedRow[],
  previous: Map<string, ImportedFields>,
  format: string,
  now: string,
): Promise<void> {
  // What this export said of each person, where it says something new.
  const sources: ImportSourceTable[] = [];
  for (const row of planned) {
    if (!row.personId || row.action === 'duplicate') continue;
    const fields = JSON.stringify(importedFields(row.person));
    const known = previous.get(row.personId);
    if (known && JSON.stringify(known) === fields) continue;
    sources.push({
      workspace_id: tx.workspaceId,
      person_id: row.personId,
      format,
      fields,
      updated_at: now,
    });
  }
  await tx.rows.insert(tx.db, 'import_source', sources, {
    columns: ['person_id', 'format'],
    update: ['fields', 'updated_at'],
  });
  // Each card's UID, so the card is this person the next time, whatever else changed. A Kith
  // export's UID is the person's own id already.
  const keys: PersonKeyTable[] = planned.flatMap((row) =>
    row.uid &&
    row.personId &&
    row.action !== 'duplicate' &&
    exportedPersonId(row.uid) !== row.personId
      ? [
          {
            workspace_id: tx.workspaceId,
            kind: 'vcard-uid' as const,
            value: row.uid,
            person_id: row.personId,
          },
        ]
      : [],
  );
  await tx.rows.insert(tx.db, 'person_key', keys, {
    columns: ['workspace_id', 'kind', 'value'],
    update: ['person_id'],
  });
}
