// PostgreSQL full-text search: a tsvector per entity with a GIN index, using the 'simple'
// configuration (no stemming, no language guess) over text folded in domain/text.ts, so
// accents fold the same way as on SQLite without needing the unaccent extension.
import { sql } from 'kysely';
import { chunk } from '../context.js';
import type {
  InteractionDocument,
  PersonDocument,
  SearchHitId,
  SearchIndex,
} from './search-index.js';

const CHUNK = 500;

const chunks = <T>(items: T[]): T[][] => chunk(items, CHUNK);

/** tsquery: every term a prefix, all required. Terms hold only letters and digits. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(' & ');
}

// Documents go in as one array per field, unnested by the server: thousands per statement
// without thousands of parameters.
export const postgresSearch: SearchIndex = {
  dialect: 'postgres',

  async createSchema(db) {
    await sql`CREATE TABLE person_search (
      person_id text PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
      workspace_id text NOT NULL,
      document tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX person_search_document ON person_search USING gin (document)`.execute(
      db,
    );
    await sql`CREATE TABLE interaction_search (
      interaction_id text PRIMARY KEY REFERENCES interaction (id) ON DELETE CASCADE,
      workspace_id text NOT NULL,
      occurred_at text NOT NULL,
      document tsvector NOT NULL)`.execute(db);
    // Newest-first search can walk this index and stop early when a word is common.
    await sql`CREATE INDEX interaction_search_by_time ON interaction_search (workspace_id, occurred_at DESC)`.execute(
      db,
    );
    await sql`CREATE INDEX interaction_search_document ON interaction_search USING gin (document)`.execute(
      db,
    );
  },

  async keepInteractionWordsOnly() {
    // Nothing to do: the tsvector already holds words and positions only.
  },

  async keepInteractionWordsWithoutPositions() {
    // Nothing to do: this is FTS5's index; PostgreSQL's tsvector and GIN index stay as they are.
  },

  async indexPeople(db, docs) {
    for (const batch of chunk(docs, 5_000)) {
      const column = (pick: (d: PersonDocument) => string) => batch.map(pick);
      await sql`INSERT INTO person_search (person_id, workspace_id, document)
        SELECT id, workspace_id,
          setweight(to_tsvector('simple', name), 'A') ||
          setweight(to_tsvector('simple', tags), 'B') ||
          setweight(to_tsvector('simple', work), 'B') ||
          setweight(to_tsvector('simple', notes), 'D')
        FROM unnest(${column((d) => d.id)}::text[], ${column((d) => d.workspaceId)}::text[],
          ${column((d) => d.name)}::text[], ${column((d) => d.tags)}::text[],
          ${column((d) => d.work)}::text[], ${column((d) => d.notes)}::text[])
          AS d (id, workspace_id, name, tags, work, notes)
        ON CONFLICT (person_id) DO UPDATE SET document = excluded.document`.execute(db);
    }
  },

  async indexInteractions(db, docs) {
    for (const batch of chunk(docs, 5_000)) {
      const column = (pick: (d: InteractionDocument) => string) => batch.map(pick);
      await sql`INSERT INTO interaction_search (interaction_id, workspace_id, occurred_at, document)
        SELECT id, workspace_id, occurred_at,
          setweight(to_tsvector('simple', summary), 'A') ||
          setweight(to_tsvector('simple', insights), 'B') ||
          setweight(to_tsvector('simple', notes), 'D')
        FROM unnest(${column((d) => d.id)}::text[], ${column((d) => d.workspaceId)}::text[],
          ${column((d) => d.occurredAt)}::text[], ${column((d) => d.summary)}::text[],
          ${column((d) => d.insights)}::text[], ${column((d) => d.notes)}::text[])
          AS d (id, workspace_id, occurred_at, summary, insights, notes)
        ON CONFLICT (interaction_id)
        DO UPDATE SET document = excluded.document, occurred_at = excluded.occurred_at`.execute(db);
    }
  },

  async removePeople(db, ids) {
    for (const batch of chunks(ids)) {
      await sql`DELETE FROM person_search WHERE person_id IN (${sql.join(batch)})`.execute(db);
    }
  },

  async removeInteractions(db, ids) {
    for (const batch of chunks(ids)) {
      await sql`DELETE FROM interaction_search WHERE interaction_id IN (${sql.join(batch)})`.execute(
        db,
      );
    }
  },

  async searchPeople(db, workspaceId, terms, limit) {
    const result = await sql<SearchHitId>`
      SELECT s.person_id AS id, ts_rank(s.document, q) AS score
      FROM person_search s
      CROSS JOIN to_tsquery('simple', ${tsQuery(terms)}) AS q
      WHERE s.workspace_id = ${workspaceId} AND s.document @@ q
      ORDER BY score DESC, s.person_id
      LIMIT ${limit}`.execute(db);
    return result.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  },

  async searchInteractions(db, workspaceId, terms, limit) {
    const result = await sql<SearchHitId>`
      SELECT s.interaction_id AS id, ts_rank(s.document, q) AS score
      FROM interaction_search s
      CROSS JOIN to_tsquery('simple', ${tsQuery(terms)}) AS q
      WHERE s.workspace_id = ${workspaceId} AND s.document @@ q
      ORDER BY s.occurred_at DESC, s.interaction_id DESC
      LIMIT ${limit}`.execute(db);
    return result.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  },
};
