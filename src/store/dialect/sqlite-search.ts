// SQLite full-text search with FTS5. Folding is done before indexing (domain/text.ts), and
// unicode61 with remove_diacritics folds again for safety. prefix='2 3' keeps short prefix
// queries ("fin") fast. A key table maps each entity id to a stable FTS rowid, so updates and
// deletes touch one row instead of scanning the index.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type {
  InteractionDocument,
  PersonDocument,
  SearchHitId,
  SearchIndex,
} from './search-index.js';

const CHUNK = 300;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** FTS5 query: every term a quoted prefix, all required. Terms hold only letters and digits. */
export function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

async function assignRowids(
  db: Kysely<Database>,
  keyTable: 'person_fts_key' | 'interaction_fts_key',
  ids: string[],
): Promise<Map<string, number>> {
  const values = sql.join(ids.map((id) => sql`(${id})`));
  const result = await sql<{ fts_rowid: number; entity_id: string }>`
    INSERT INTO ${sql.table(keyTable)} (entity_id) VALUES ${values}
    ON CONFLICT (entity_id) DO UPDATE SET entity_id = excluded.entity_id
    RETURNING fts_rowid, entity_id`.execute(db);
  return new Map(result.rows.map((r) => [r.entity_id, r.fts_rowid]));
}

export const sqliteSearch: SearchIndex = {
  dialect: 'sqlite',

  async createSchema(db) {
    await sql`CREATE VIRTUAL TABLE person_fts USING fts5(
      entity_id UNINDEXED, workspace_id UNINDEXED, name, work, tags, notes,
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
      const rowids = await assignRowids(
        db,
        'person_fts_key',
        batch.map((d) => d.id),
      );
      const list = sql.join([...rowids.values()]);
      await sql`DELETE FROM person_fts WHERE rowid IN (${list})`.execute(db);
      const rows = batch.map(
        (d: PersonDocument) =>
          sql`(${rowids.get(d.id)}, ${d.id}, ${d.workspaceId}, ${d.name}, ${d.work}, ${d.tags}, ${d.notes})`,
      );
      await sql`INSERT INTO person_fts (rowid, entity_id, workspace_id, name, work, tags, notes)
        VALUES ${sql.join(rows)}`.execute(db);
    }
  },

  async indexInteractions(db, docs) {
    for (const batch of chunks(docs)) {
      const rowids = await assignRowids(
        db,
        'interaction_fts_key',
        batch.map((d) => d.id),
      );
      const list = sql.join([...rowids.values()]);
      await sql`DELETE FROM interaction_fts WHERE rowid IN (${list})`.execute(db);
      const rows = batch.map(
        (d: InteractionDocument) =>
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
    // Names weigh most, then tags, then organization/title/unit, then notes.
    const result = await sql<SearchHitId>`
      SELECT person_fts.entity_id AS id, -bm25(person_fts, 0, 0, 10.0, 4.0, 6.0, 1.0) AS score
      FROM person_fts JOIN person ON person.id = person_fts.entity_id
      WHERE person_fts MATCH ${ftsQuery(terms)}
        AND person_fts.workspace_id = ${workspaceId}
        AND person.archived_at IS NULL
      ORDER BY score DESC
      LIMIT ${limit}`.execute(db);
    return result.rows;
  },

  async searchInteractions(db, workspaceId, terms, limit) {
    const result = await sql<SearchHitId>`
      SELECT interaction_fts.entity_id AS id, -bm25(interaction_fts, 0, 0, 6.0, 1.0, 4.0) AS score
      FROM interaction_fts
      WHERE interaction_fts MATCH ${ftsQuery(terms)}
        AND interaction_fts.workspace_id = ${workspaceId}
      ORDER BY score DESC
      LIMIT ${limit}`.execute(db);
    return result.rows;
  },
};
