// SQLite full-text search with FTS5. Text is folded before indexing (domain/text.ts);
// unicode61 with remove_diacritics folds again for safety. prefix='2 3' keeps short prefix
// queries ("fin") fast. A key table maps each entity id to its FTS rowid, so an update or a
// delete touches one row instead of scanning the index.
//
// The index answers "the newest n rows that match" (store/search-ranking.ts ranks them): a
// query walks its doclist from the largest rowid down and stops after n rows, however common
// the word. People's rowids are the order they came into the index; interactions' are made
// from the minute they happened, so "ORDER BY rowid DESC" is newest first.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { chunk } from '../context.js';
import type { Database } from '../schema.js';
import type { RowWriter } from './row-writer.js';
import type { IndexedRow, InteractionDocument, SearchIndex, WordMatch } from './search-index.js';

// Ids per statement, well under SQLite's 32,766 bound parameters.
const CHUNK = 300;
/**
 * Rowids per minute: room for a million interactions in one minute (a date without a time
 * is midnight), while minute × PER_MINUTE stays a safe JavaScript integer until year 19000.
 */
const PER_MINUTE = 1_000_000;
const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

const chunks = <T>(items: T[]): T[][] => chunk(items, CHUNK);

const word = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** FTS5's query for a match: `"a" AND "b"`, `"a"* OR "b"*`. */
const ftsQuery = ({ terms, every, wholeWords }: WordMatch) =>
  terms.map((t) => (wholeWords ? word(t) : `${word(t)}*`)).join(every ? ' AND ' : ' OR ');

type FtsTable = 'person_fts' | 'person_name_fts' | 'interaction_fts';

/** A rowid as an order that sorts as text (rowids stay under 2^53: 16 digits). */
const rowidOrder = (rowid: number) => String(rowid).padStart(16, '0');

/** The newest rows (largest rowids) that match; the walk down the doclist stops after `limit`. */
async function newestMatches(
  db: Kysely<Database>,
  table: FtsTable,
  workspaceId: string,
  match: WordMatch,
  limit: number,
): Promise<IndexedRow[]> {
  const result = await sql<{ rowid: number; id: string }>`
    SELECT rowid, entity_id AS id FROM ${sql.table(table)}
    WHERE ${sql.table(table)} MATCH ${ftsQuery(match)} AND workspace_id = ${workspaceId}
    ORDER BY rowid DESC
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({ id: r.id, order: rowidOrder(r.rowid) }));
}

/** The rowids the index already gave these ids (any number of them: one JSON parameter). */
async function keyedRowids(
  db: Kysely<Database>,
  table: 'person_fts_key' | 'interaction_fts_key',
  ids: string[],
): Promise<Map<string, number>> {
  const existing = await sql<{ fts_rowid: number; entity_id: string }>`
    SELECT fts_rowid, entity_id FROM ${sql.table(table)}
    WHERE entity_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  return new Map(existing.rows.map((r) => [r.entity_id, r.fts_rowid]));
}

/**
 * Each person's rowid, made for those new to the index (after the largest in use: SQLite has
 * one writer, and this runs in its transaction); `kept` are those already in it.
 */
async function personRowids(
  db: Kysely<Database>,
  writer: RowWriter,
  ids: string[],
): Promise<{ rowids: Map<string, number>; kept: number[] }> {
  const rowids = await keyedRowids(db, 'person_fts_key', ids);
  const kept = [...rowids.values()];
  const missing = [...new Set(ids.filter((id) => !rowids.has(id)))];
  if (missing.length > 0) {
    const top = await sql<{ top: number | null }>`
      SELECT max(fts_rowid) AS top FROM person_fts_key`.execute(db);
    let next = (top.rows[0]?.top ?? 0) + 1;
    const added = missing.map((entity_id) => ({ fts_rowid: next++, entity_id }));
    await writer.insert(db, 'person_fts_key', added);
    for (const r of added) rowids.set(r.entity_id, r.fts_rowid);
  }
  return { rowids, kept };
}

/**
 * Time-ordered rowids for interactions: minutes since the epoch × PER_MINUTE, plus the
 * first free slot of that minute. An interaction keeps its rowid while its minute holds.
 * Lists go in as one JSON parameter each, so any number of interactions takes three queries.
 */
async function interactionRowids(
  db: Kysely<Database>,
  writer: RowWriter,
  docs: InteractionDocument[],
): Promise<{ rowids: Map<string, number>; kept: number[] }> {
  const current = await keyedRowids(
    db,
    'interaction_fts_key',
    docs.map((d) => d.id),
  );
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
    const list = wanted.get(minute);
    if (list) list.push(doc);
    else wanted.set(minute, [doc]);
  }
  if (stale.length > 0) {
    const ids = JSON.stringify(stale);
    await sql`DELETE FROM interaction_fts WHERE rowid IN (
      SELECT fts_rowid FROM interaction_fts_key
      WHERE entity_id IN (SELECT value FROM json_each(${ids})))`.execute(db);
    await sql`DELETE FROM interaction_fts_key
      WHERE entity_id IN (SELECT value FROM json_each(${ids}))`.execute(db);
  }
  if (wanted.size === 0) return { rowids: result, kept };
  const tops = await sql<{ minute: number; top: number | null }>`
    SELECT m.value AS minute, (
      SELECT max(fts_rowid) FROM interaction_fts_key
      WHERE fts_rowid >= m.value * ${PER_MINUTE} AND fts_rowid < (m.value + 1) * ${PER_MINUTE}
    ) AS top
    FROM json_each(${JSON.stringify([...wanted.keys()])}) AS m`.execute(db);
  const rows: { fts_rowid: number; entity_id: string }[] = [];
  for (const { minute, top } of tops.rows) {
    let next = top === null ? minute * PER_MINUTE : top + 1;
    for (const doc of wanted.get(minute) ?? []) {
      if (next >= (minute + 1) * PER_MINUTE) {
        throw new Error(`more than ${PER_MINUTE} interactions at ${doc.occurredAt}`);
      }
      rows.push({ fts_rowid: next, entity_id: doc.id });
      result.set(doc.id, next);
      next += 1;
    }
  }
  await writer.insert(db, 'interaction_fts_key', rows);
  return { rowids: result, kept };
}

/** The interactions' index as migration 012 made it: words and their positions. */
const INTERACTION_FTS_012 = sql`fts5(
  entity_id UNINDEXED, workspace_id UNINDEXED, summary, notes, insights,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3',
  content = '', contentless_delete = 1, contentless_unindexed = 1)`;

/**
 * The interactions' index since migration 013: for each word, the rows that hold it, and the
 * ids it answers with; no copy of the text (contentless). Search asks only for words and word
 * beginnings, never a phrase, a column or a ranking, so where a word stands is not kept
 * (detail = none: about a third of the index's size).
 * Documents arrive as folded words separated by spaces (domain/text.ts), so the ascii
 * tokenizer, which splits on ASCII spaces and punctuation and keeps every other character, finds
 * exactly those words — and a query's term is always one of them, never a phrase this index
 * could not answer.
 */
const INTERACTION_FTS = sql`fts5(
  entity_id UNINDEXED, workspace_id UNINDEXED, summary, notes, insights,
  tokenize = 'ascii', prefix = '2 3', detail = none,
  content = '', contentless_delete = 1, contentless_unindexed = 1)`;

/** Interactions read per query when the index is made again from them. */
const REINDEX_BATCH = 5000;

/**
 * FTS5 gathers new rows in memory and writes them out as one segment when this much has
 * gathered (or at the commit): a large import makes a few large segments instead of many
 * small ones to merge. The default is 1 MB.
 */
const INTERACTION_FTS_BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Drops a contentless FTS5 table that keeps UNINDEXED columns. SQLite (3.53) drops every shadow
 * table of it but `<name>_content`, and better-sqlite3's defensive mode refuses to drop what
 * still looks like a shadow table, so that one is dropped with defensive mode off for the one
 * statement. Without it, the table could not be made again under its name.
 */
function dropContentlessFts(database: SQLite.Database, name: string): void {
  database.exec(`DROP TABLE "${name}"`);
  const left = database
    .prepare('SELECT 1 FROM sqlite_master WHERE name = ?')
    .get(`${name}_content`);
  if (!left) return;
  database.unsafeMode(true);
  try {
    database.exec(`DROP TABLE "${name}_content"`);
  } finally {
    database.unsafeMode(false);
  }
}

/**
 * SQLite's search; `writer` appends index rows on the store's own connection, `database`
 * (that connection) serves the one schema change Kysely cannot make (dropContentlessFts).
 */
export const sqliteSearch = (writer: RowWriter, database: SQLite.Database): SearchIndex => ({
  dialect: 'sqlite',

  async refreshStatistics(db, tables) {
    // A sample of each index is enough for the planner, and keeps this to milliseconds.
    await sql`PRAGMA analysis_limit = 1000`.execute(db);
    for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  },

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
    if (docs.length === 0) return;
    const { rowids, kept } = await personRowids(
      db,
      writer,
      docs.map((d) => d.id),
    );
    // Only people already indexed have old text to take out (a bulk import's are all new).
    for (const batch of chunks(kept)) {
      await sql`DELETE FROM person_fts WHERE rowid IN (${sql.join(batch)})`.execute(db);
      await sql`DELETE FROM person_name_fts WHERE rowid IN (${sql.join(batch)})`.execute(db);
    }
    const rows = docs
      .map((d) => ({ rowid: rowids.get(d.id) ?? 0, doc: d }))
      .sort((a, b) => a.rowid - b.rowid);
    await writer.insert(
      db,
      'person_fts',
      rows.map(({ rowid, doc }) => ({
        rowid,
        entity_id: doc.id,
        workspace_id: doc.workspaceId,
        name: doc.name,
        work: doc.work,
        tags: doc.tags,
        notes: doc.notes,
      })),
    );
    await writer.insert(
      db,
      'person_name_fts',
      rows.map(({ rowid, doc }) => ({
        rowid,
        entity_id: doc.id,
        workspace_id: doc.workspaceId,
        name: doc.name,
      })),
    );
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

  async keepInteractionWordsOnly(db) {
    // The words are kept aside while the table is made again (renaming a contentless table
    // would leave one of its shadow tables behind under the old name).
    await sql`CREATE TEMP TABLE interaction_words AS
      SELECT rowid AS fts_rowid, entity_id, workspace_id, summary, notes, insights
      FROM interaction_fts`.execute(db);
    await sql`DROP TABLE interaction_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE interaction_fts USING ${INTERACTION_FTS_012}`.execute(db);
    await sql`INSERT INTO interaction_fts (interaction_fts, rank)
      VALUES ('hashsize', ${sql.lit(INTERACTION_FTS_BATCH_BYTES)})`.execute(db);
    await sql`INSERT INTO interaction_fts (rowid, entity_id, workspace_id, summary, notes, insights)
      SELECT fts_rowid, entity_id, workspace_id, summary, notes, insights
      FROM temp.interaction_words ORDER BY fts_rowid`.execute(db);
    await sql`DROP TABLE temp.interaction_words`.execute(db);
  },

  async keepInteractionWordsWithoutPositions(db, documentOf) {
    // A contentless index cannot give its words back: they are made again from the
    // interactions, under the rowids the key table already gives them, in ascending order.
    dropContentlessFts(database, 'interaction_fts');
    await sql`CREATE VIRTUAL TABLE interaction_fts USING ${INTERACTION_FTS}`.execute(db);
    await sql`INSERT INTO interaction_fts (interaction_fts, rank)
      VALUES ('hashsize', ${sql.lit(INTERACTION_FTS_BATCH_BYTES)})`.execute(db);
    for (let after = -1; ;) {
      const batch = await sql<{
        rowid: number;
        id: string;
        workspace_id: string;
        occurred_at: string;
        summary: string;
        notes: string | null;
        insights: string;
      }>`
        SELECT k.fts_rowid AS rowid, i.id, i.workspace_id, i.occurred_at, i.summary, i.notes,
          (SELECT json_group_array(text) FROM
            (SELECT text FROM insight WHERE interaction_id = i.id ORDER BY position)) AS insights
        FROM interaction_fts_key k JOIN interaction i ON i.id = k.entity_id
        WHERE k.fts_rowid > ${after}
        ORDER BY k.fts_rowid
        LIMIT ${REINDEX_BATCH}`.execute(db);
      const last = batch.rows.at(-1);
      if (!last) break;
      await writer.insert(
        db as Kysely<Database>,
        'interaction_fts',
        batch.rows.map((r) => {
          const doc = documentOf({
            id: r.id,
            workspaceId: r.workspace_id,
            occurredAt: r.occurred_at,
            summary: r.summary,
            notes: r.notes,
            insights: JSON.parse(r.insights) as string[],
          });
          return {
            rowid: r.rowid,
            entity_id: doc.id,
            workspace_id: doc.workspaceId,
            summary: doc.summary,
            notes: doc.notes,
            insights: doc.insights,
          };
        }),
      );
      after = last.rowid;
    }
  },

  async indexInteractions(db, docs) {
    // Every rowid first, then the index rows in one ascending run: FTS5 adds them to its
    // in-memory batch as long as rowids grow, and writes the batch out rarely.
    if (docs.length === 0) return;
    const { rowids, kept } = await interactionRowids(db, writer, docs);
    for (const batch of chunks(kept))
      await sql`DELETE FROM interaction_fts WHERE rowid IN (${sql.join(batch)})`.execute(db);
    const rows = docs.map((d) => ({
      rowid: rowids.get(d.id) ?? 0,
      entity_id: d.id,
      workspace_id: d.workspaceId,
      summary: d.summary,
      notes: d.notes,
      insights: d.insights,
    }));
    await writer.insert(
      db,
      'interaction_fts',
      rows.sort((a, b) => a.rowid - b.rowid),
    );
  },

  async removeInteractions(db, ids) {
    for (const batch of chunks(ids)) {
      const list = sql.join(batch);
      await sql`DELETE FROM interaction_fts WHERE rowid IN (
        SELECT fts_rowid FROM interaction_fts_key WHERE entity_id IN (${list}))`.execute(db);
      await sql`DELETE FROM interaction_fts_key WHERE entity_id IN (${list})`.execute(db);
    }
  },

  async purge(db) {
    // Merging every segment into one writes the index again without the removed rows.
    for (const table of ['person_fts', 'person_name_fts', 'interaction_fts'])
      await sql`INSERT INTO ${sql.table(table)} (${sql.ref(table)}) VALUES ('optimize')`.execute(
        db,
      );
  },

  async rankPeopleAlike() {
    // Nothing to do: person_fts keeps the fields, person_name_fts the names, rowids the order.
  },

  newestPeople(db, workspaceId, match, within, limit) {
    const table = within === 'name' ? 'person_name_fts' : 'person_fts';
    return newestMatches(db, table, workspaceId, match, limit);
  },

  async peopleFields(db, found) {
    if (found.length === 0) return [];
    const docs = await sql<{
      rowid: number;
      id: string;
      name: string;
      tags: string;
      work: string;
      notes: string;
    }>`
      SELECT rowid, entity_id AS id, name, tags, work, notes FROM person_fts
      WHERE rowid IN (${sql.join(found.map((f) => Number(f.order)))})`.execute(db);
    return docs.rows.map(({ rowid, ...fields }) => ({ ...fields, order: rowidOrder(rowid) }));
  },

  newestInteractions(db, workspaceId, match, limit) {
    return newestMatches(db, 'interaction_fts', workspaceId, match, limit);
  },
});
