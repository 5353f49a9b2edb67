// PostgreSQL full-text search: a tsvector per entity with a GIN index, using the 'simple'
// configuration (no stemming, no language guess) over text folded in domain/text.ts, so
// accents fold the same way as on SQLite without needing the unaccent extension. The index
// answers "the newest n rows that match" (store/search-ranking.ts ranks them, as on SQLite):
// people by id (UUIDv7: the order they were added), interactions by when they happened.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { chunk } from '../context.js';
import type { Database } from '../schema.js';
import type {
  InteractionDocument,
  PersonDocument,
  SearchIndex,
  WordMatch,
} from './search-index.js';

const CHUNK = 500;

const chunks = <T>(items: T[]): T[][] => chunk(items, CHUNK);

/** Each field of a person's document under its own weight, so a match can be scored by field. */
const FIELD_WEIGHT = { name: 'A', tags: 'B', work: 'C', notes: 'D' } as const;
const FIELD_OF_WEIGHT: Record<string, keyof typeof FIELD_WEIGHT> = {
  A: 'name',
  B: 'tags',
  C: 'work',
  D: 'notes',
};

/** A PostgreSQL array as node-postgres gives it: parsed, or as its text ({A,D}) for "char"[]. */
const textArray = (value: string[] | string): string[] =>
  Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

/** tsquery for a match: `a & b`, `a:* | b:*`. Terms hold only letters and digits. */
export const tsQuery = ({ terms, every, wholeWords }: WordMatch): string =>
  terms.map((t) => (wholeWords ? t : `${t}:*`)).join(every ? ' & ' : ' | ');

/**
 * The newest rows a search reads before it asks the word index instead. GIN answers "which
 * rows hold this word" in no order: for a common word, reading the newest rows until enough
 * match is far cheaper than sorting a third of the table. PostgreSQL's planner makes that
 * choice from its statistics, and for a word absent from them (a rare name, a typo) it walked
 * every row of a million-interaction workspace (~0.4 s). So the walk is bounded: a word not
 * found often enough among the newest rows is rare, and the index finds all of it cheaply.
 * Sizes from `npm run bench -- --db postgres` (BENCHMARKS.md): an interaction's document is
 * long (its notes), a person's short and asked for 60 at a time.
 */
const RECENT_ROWS = { person_search: 2000, interaction_search: 500 };

/** Where a search reads: the table, its newest-first order, and the document matched. */
interface Searched {
  table: 'person_search' | 'interaction_search';
  /** The row's id. */
  id: RawBuilder<unknown>;
  /** Newest first, as an index of the table has it. */
  newestFirst: RawBuilder<unknown>;
  /** The same order as one text, larger for newer (IndexedRow.order). */
  orderKey: RawBuilder<unknown>;
  document: RawBuilder<unknown>;
}

/** The newest rows whose document matches, at most `limit`, newest first. */
async function newestMatching(
  db: Kysely<Database>,
  workspaceId: string,
  match: WordMatch,
  limit: number,
  from: Searched,
): Promise<{ id: string; order: string }[]> {
  const query = sql`to_tsquery('simple', ${tsQuery(match)})`;
  const recent = await sql<{ id: string; order: string }>`
    SELECT id, "order" FROM (
      SELECT ${from.id} AS id, ${from.orderKey} AS "order", ${from.document} AS doc
      FROM ${sql.table(from.table)}
      WHERE workspace_id = ${workspaceId}
      ORDER BY ${from.newestFirst}
      LIMIT ${RECENT_ROWS[from.table]}) AS newest
    WHERE doc @@ ${query}
    ORDER BY "order" DESC
    LIMIT ${limit}`.execute(db);
  if (recent.rows.length >= limit) return recent.rows;
  // Rare among the newest rows (or a small workspace): every match, through the index;
  // MATERIALIZED keeps the planner from walking the newest rows again.
  const all = await sql<{ id: string; order: string }>`
    WITH matching AS MATERIALIZED (
      SELECT ${from.id} AS id, ${from.orderKey} AS "order" FROM ${sql.table(from.table)}
      WHERE workspace_id = ${workspaceId} AND ${from.document} @@ ${query})
    SELECT id, "order" FROM matching ORDER BY "order" DESC LIMIT ${limit}`.execute(db);
  return all.rows;
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

  async rankPeopleAlike(db, indexEveryone) {
    // Work's weight moves from B (tags') to C: every document is made again (before the new
    // indexes: building them once is cheaper than keeping them through 100,000 updates).
    await indexEveryone();
    // Names alone, found through their own index (a word common in notes or titles costs
    // nothing there).
    await sql`CREATE INDEX person_search_name ON person_search
      USING gin (ts_filter(document, '{a}'))`.execute(db);
    // The newest people of a workspace first, for searches that read them in that order.
    await sql`CREATE INDEX person_search_newest ON person_search (workspace_id, person_id DESC)`.execute(
      db,
    );
    // The planner knows nothing of the new expression yet, and every row has a new version.
    await sql`ANALYZE person_search`.execute(db);
  },

  async indexPeople(db, docs) {
    for (const batch of chunk(docs, 5_000)) {
      const column = (pick: (d: PersonDocument) => string) => batch.map(pick);
      await sql`INSERT INTO person_search (person_id, workspace_id, document)
        SELECT id, workspace_id,
          setweight(to_tsvector('simple', name), ${FIELD_WEIGHT.name}) ||
          setweight(to_tsvector('simple', tags), ${FIELD_WEIGHT.tags}) ||
          setweight(to_tsvector('simple', work), ${FIELD_WEIGHT.work}) ||
          setweight(to_tsvector('simple', notes), ${FIELD_WEIGHT.notes})
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

  async newestPeople(db, workspaceId, match, within, limit) {
    return newestMatching(db, workspaceId, match, limit, {
      table: 'person_search',
      id: sql`person_id`,
      // Ids are UUIDv7: the largest is the newest person, as SQLite's largest rowid is.
      newestFirst: sql`person_id DESC`,
      orderKey: sql`person_id`,
      document: within === 'name' ? sql`ts_filter(document, '{a}')` : sql`document`,
    });
  },

  async peopleFields(db, found) {
    if (found.length === 0) return [];
    // Each word of the document under the weight of each field it is in.
    const result = await sql<{ id: string; lexeme: string; weights: string[] | string }>`
      SELECT s.person_id AS id, w.lexeme, w.weights
      FROM person_search s CROSS JOIN unnest(s.document) AS w
      WHERE s.person_id = ANY(${found.map((f) => f.id)}::text[])`.execute(db);
    const people = new Map(
      found.map((f) => [
        f.id,
        { id: f.id, order: f.order, name: '', work: '', tags: '', notes: '' },
      ]),
    );
    for (const { id, lexeme, weights } of result.rows) {
      const person = people.get(id);
      if (!person) continue;
      for (const weight of new Set(textArray(weights))) {
        const field = FIELD_OF_WEIGHT[weight];
        if (field) person[field] = person[field] ? `${person[field]} ${lexeme}` : lexeme;
      }
    }
    return [...people.values()];
  },

  async newestInteractions(db, workspaceId, match, limit) {
    return newestMatching(db, workspaceId, match, limit, {
      table: 'interaction_search',
      id: sql`interaction_id`,
      newestFirst: sql`occurred_at DESC, interaction_id DESC`,
      // Times are UTC ISO-8601 of one length: as text, they sort as they happened.
      orderKey: sql`occurred_at || ' ' || interaction_id`,
      document: sql`document`,
    });
  },
};
