// SQLite full-text search with FTS5. Text is folded before indexing (domain/text.ts);
// unicode61 with remove_diacritics folds again for safety. prefix='2 3' keeps short prefix
// queries ("fin") fast. A key table maps each entity id to its FTS rowid, so an update or a
// delete touches one row instead of scanning the index.
//
// Speed on large networks comes from never scoring every match (bm25 over 300k matches of a
// common word takes hundreds of milliseconds, and a prefix query's doclist is built whole):
// - people: the newest people whose name matches and the newest who match anywhere (each
//   query stops after a few dozen rows; a names-only index makes the first cheap) are scored by the
//   field each term matched in (domain/search-score.ts), so names come first;
// - interactions: whole words before word beginnings, each step asking only for the rows still
//   needed; their rowids are made from the minute they happened, so "ORDER BY rowid DESC
//   LIMIT n" walks the index newest first and stops after n rows.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { PERSON_FIELD_WEIGHTS, scoreFields } from '../../domain/search-score.js';
import { chunk } from '../context.js';
import type { Database } from '../schema.js';
import type { InteractionDocument, PersonDocument, SearchIndex } from './search-index.js';

// Under SQLite's limit of 500 terms in a compound SELECT (see interactionRowids).
const CHUNK = 300;
/**
 * Rowids per minute: room for a million interactions in one minute (a date without a time
 * is midnight), while minute × PER_MINUTE stays a safe JavaScript integer until year 19000.
 */
const PER_MINUTE = 1_000_000;
const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

const chunks = <T>(items: T[]): T[][] => chunk(items, CHUNK);

const word = (t: string) => `"${t.replace(/"/g, '""')}"`;
const prefix = (t: string) => `${word(t)}*`;
type Form = (t: string) => string;
const allOf = (terms: string[], form: Form) => `(${terms.map(form).join(' AND ')})`;
const anyOf = (terms: string[], form: Form) => `(${terms.map(form).join(' OR ')})`;

/** Whole words first (cheap to find, and usually what was meant), then word beginnings. */
const wordsThenPrefixes = (build: (terms: string[], form: Form) => string, terms: string[]) => [
  build(terms, word),
  build(terms, prefix),
];

type FtsTable = 'person_fts' | 'person_name_fts' | 'interaction_fts';

/**
 * Runs the queries in order, newest first within each, until `limit` distinct rows are found.
 * Each query stops after the rows it still needs, so a common word costs no more than a rare
 * one; `step` says which query found the row.
 */
async function newestMatches(
  db: Kysely<Database>,
  table: FtsTable,
  workspaceId: string,
  queries: string[],
  limit: number,
): Promise<{ rowid: number; id: string; step: number }[]> {
  const found: { rowid: number; id: string; step: number }[] = [];
  const seen = new Set<number>();
  for (const [step, query] of queries.entries()) {
    if (found.length >= limit) break;
    const result = await sql<{ rowid: number; id: string }>`
      SELECT rowid, entity_id AS id FROM ${sql.table(table)}
      WHERE ${sql.table(table)} MATCH ${query} AND workspace_id = ${workspaceId}
      ORDER BY rowid DESC
      LIMIT ${limit - found.length + seen.size}`.execute(db);
    for (const row of result.rows) {
      if (seen.has(row.rowid) || found.length >= limit) continue;
      seen.add(row.rowid);
      found.push({ ...row, step });
    }
  }
  return found;
}

/** Each person's rowid, made for those new to the index; `kept` are those already in it. */
async function personRowids(
  db: Kysely<Database>,
  ids: string[],
): Promise<{ rowids: Map<string, number>; kept: number[] }> {
  const existing = await sql<{ fts_rowid: number; entity_id: string }>`
    SELECT fts_rowid, entity_id FROM person_fts_key
    WHERE entity_id IN (${sql.join(ids)})`.execute(db);
  const rowids = new Map(existing.rows.map((r) => [r.entity_id, r.fts_rowid]));
  const kept = [...rowids.values()];
  const missing = [...new Set(ids.filter((id) => !rowids.has(id)))];
  if (missing.length > 0) {
    const added = await sql<{ fts_rowid: number; entity_id: string }>`
      INSERT INTO person_fts_key (entity_id) VALUES ${sql.join(missing.map((id) => sql`(${id})`))}
      RETURNING fts_rowid, entity_id`.execute(db);
    for (const r of added.rows) rowids.set(r.entity_id, r.fts_rowid);
  }
  return { rowids, kept };
}

/**
 * Time-ordered rowids for interactions: minutes since the epoch × PER_MINUTE, plus the
 * first free slot of that minute. An interaction keeps its rowid while its minute holds.
 */
async function interactionRowids(
  db: Kysely<Database>,
  docs: InteractionDocument[],
): Promise<{ rowids: Map<string, number>; kept: number[] }> {
  const existing = await sql<{ entity_id: string; fts_rowid: number }>`
    SELECT entity_id, fts_rowid FROM interaction_fts_key
    WHERE entity_id IN (${sql.join(docs.map((d) => d.id))})`.execute(db);
  const current = new Map(existing.rows.map((r) => [r.entity_id, r.fts_rowid]));
  const result = new Map<string, number>();
  /** Rowids already in the index: their old text must go before the new goes in. */
  const kept: number[] = [];
  const stale: string[] = [];
  const wanted = new Map<number, InteractionDocument[]>();
  for (const doc of docs) {
    const minute = minuteOf(doc.occurredAt);
    const had = current.get(doc.id);
    if (had !== undefined && Math.floor(had / PER_MINUTE) === minute) {
      result.set(doc.id, had);
      kept.push(had);
      continue;
    }
    if (had !== undefined) stale.push(doc.id);
    wanted.set(minute, [...(wanted.get(minute) ?? []), doc]);
  }
  if (stale.length > 0) {
    await sql`DELETE FROM interaction_fts WHERE rowid IN (
      SELECT fts_rowid FROM interaction_fts_key WHERE entity_id IN (${sql.join(stale)}))`.execute(
      db,
    );
    await sql`DELETE FROM interaction_fts_key WHERE entity_id IN (${sql.join(stale)})`.execute(db);
  }
  if (wanted.size === 0) return { rowids: result, kept };
  const slots = sql.join(
    [...wanted.keys()].map(
      (minute) =>
        sql`SELECT ${minute} AS minute, max(fts_rowid) AS top FROM interaction_fts_key
            WHERE fts_rowid >= ${minute * PER_MINUTE} AND fts_rowid < ${(minute + 1) * PER_MINUTE}`,
    ),
    sql` UNION ALL `,
  );
  const tops = await sql<{ minute: number; top: number | null }>`${slots}`.execute(db);
  const rows: { id: string; rowid: number }[] = [];
  for (const { minute, top } of tops.rows) {
    let next = top === null ? minute * PER_MINUTE : top + 1;
    for (const doc of wanted.get(minute) ?? []) {
      if (next >= (minute + 1) * PER_MINUTE) {
        throw new Error(`more than ${PER_MINUTE} interactions at ${doc.occurredAt}`);
      }
      rows.push({ id: doc.id, rowid: next });
      result.set(doc.id, next);
      next += 1;
    }
  }
  await sql`INSERT INTO interaction_fts_key (fts_rowid, entity_id)
    VALUES ${sql.join(rows.map((r) => sql`(${r.rowid}, ${r.id})`))}`.execute(db);
  return { rowids: result, kept };
}

export const sqliteSearch: SearchIndex = {
  dialect: 'sqlite',

  async createSchema(db) {
    await sql`CREATE VIRTUAL TABLE person_fts USING fts5(
      entity_id UNINDEXED, workspace_id UNINDEXED, name, work, tags, notes,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
    // Names alone, so a name match is found at once even when the word is common elsewhere.
    await sql`CREATE VIRTUAL TABLE person_name_fts USING fts5(
      entity_id UNINDEXED, workspace_id UNINDEXED, name,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
    await sql`CREATE TABLE person_fts_key (
      fts_rowid INTEGER PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE)`.execute(db);
    await sql`CREATE VIRTUAL TABLE interaction_fts USING fts5(
      entity_id UNINDEXED, workspace_id UNINDEXED, summary, notes, insights,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
    await sql`CREATE TABLE interaction_fts_key (
      fts_rowid INTEGER PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE)`.execute(db);
  },

  async indexPeople(db, docs) {
    for (const batch of chunks(docs)) {
      const { rowids, kept } = await personRowids(
        db,
        batch.map((d) => d.id),
      );
      // Only people already indexed have old text to take out (a bulk import's are all new).
      if (kept.length > 0)
        await sql`DELETE FROM person_fts WHERE rowid IN (${sql.join(kept)})`.execute(db);
      const rows = batch.map(
        (d: PersonDocument) =>
          sql`(${rowids.get(d.id)}, ${d.id}, ${d.workspaceId}, ${d.name}, ${d.work}, ${d.tags}, ${d.notes})`,
      );
      await sql`INSERT INTO person_fts (rowid, entity_id, workspace_id, name, work, tags, notes)
        VALUES ${sql.join(rows)}`.execute(db);
      if (kept.length > 0)
        await sql`DELETE FROM person_name_fts WHERE rowid IN (${sql.join(kept)})`.execute(db);
      const names = batch.map(
        (d) => sql`(${rowids.get(d.id)}, ${d.id}, ${d.workspaceId}, ${d.name})`,
      );
      await sql`INSERT INTO person_name_fts (rowid, entity_id, workspace_id, name)
        VALUES ${sql.join(names)}`.execute(db);
    }
  },

  async removePeople(db, ids) {
    for (const batch of chunks(ids)) {
      const list = sql.join(batch);
      await sql`DELETE FROM person_fts WHERE rowid IN (
        SELECT fts_rowid FROM person_fts_key WHERE entity_id IN (${list}))`.execute(db);
      await sql`DELETE FROM person_name_fts WHERE rowid IN (
        SELECT fts_rowid FROM person_fts_key WHERE entity_id IN (${list}))`.execute(db);
    }
  },

  async indexInteractions(db, docs) {
    for (const batch of chunks(docs)) {
      const { rowids, kept } = await interactionRowids(db, batch);
      // Ascending rowids let FTS5 keep one in-memory batch instead of flushing on each row.
      batch.sort((a, b) => (rowids.get(a.id) ?? 0) - (rowids.get(b.id) ?? 0));
      if (kept.length > 0)
        await sql`DELETE FROM interaction_fts WHERE rowid IN (${sql.join(kept)})`.execute(db);
      const rows = batch.map(
        (d) =>
          sql`(${rowids.get(d.id)}, ${d.id}, ${d.workspaceId}, ${d.summary}, ${d.notes}, ${d.insights})`,
      );
      await sql`INSERT INTO interaction_fts (rowid, entity_id, workspace_id, summary, notes, insights)
        VALUES ${sql.join(rows)}`.execute(db);
    }
  },

  async removeInteractions(db, ids) {
    for (const batch of chunks(ids)) {
      const list = sql.join(batch);
      await sql`DELETE FROM interaction_fts WHERE rowid IN (
        SELECT fts_rowid FROM interaction_fts_key WHERE entity_id IN (${list}))`.execute(db);
      await sql`DELETE FROM interaction_fts_key WHERE entity_id IN (${list})`.execute(db);
    }
  },

  async searchPeople(db, workspaceId, terms, limit) {
    // Candidates: the newest people with a term in their name (a names-only index finds them
    // at once), and the newest matching every term anywhere; both queries stop early. The few
    // candidates are then scored by the field each term matched in, so names come first.
    const candidates = Math.max(3 * limit, 60);
    const byName = await newestMatches(
      db,
      'person_name_fts',
      workspaceId,
      wordsThenPrefixes(anyOf, terms),
      candidates,
    );
    const byAll = await newestMatches(
      db,
      'person_fts',
      workspaceId,
      wordsThenPrefixes(allOf, terms),
      candidates,
    );
    const rowids = [...new Set([...byName, ...byAll].map((r) => r.rowid))];
    if (rowids.length === 0) return [];
    const docs = await sql<{
      rowid: number;
      id: string;
      name: string;
      tags: string;
      work: string;
      notes: string;
    }>`
      SELECT rowid, entity_id AS id, name, tags, work, notes FROM person_fts
      WHERE rowid IN (${sql.join(rowids)})`.execute(db);
    return docs.rows
      .map((d) => ({
        id: d.id,
        rowid: d.rowid,
        score: scoreFields(d, PERSON_FIELD_WEIGHTS, terms),
      }))
      .filter((d) => d.score > 0)
      .sort((a, b) => b.score - a.score || b.rowid - a.rowid)
      .slice(0, limit)
      .map(({ id, score }) => ({ id, score }));
  },

  async searchInteractions(db, workspaceId, terms, limit) {
    const queries = wordsThenPrefixes(allOf, terms);
    const found = await newestMatches(db, 'interaction_fts', workspaceId, queries, limit);
    return found.map(({ id, step }) => ({ id, score: queries.length - step }));
  },
};
