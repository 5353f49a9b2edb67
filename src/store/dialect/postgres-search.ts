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

/**
 * A person's document, as PostgreSQL writes a tsvector ('ann':1A,6 'design':3C 'notes':7),
 * back into its fields: each word under the weight of every field it is in, as FIELD_WEIGHT
 * gives them (A name, B tags, C work; no letter is D, notes).
 * One text per person crosses the wire instead of a row per word.
 */
export function fieldsOf(tsvector: string): Record<keyof typeof FIELD_WEIGHT, string> {
  const name: string[] = [];
  const tags: string[] = [];
  const work: string[] = [];
  const notes: string[] = [];
  // Read by hand: a regular expression and a set per word took ~30 ms for 900 people.
  let i = 0;
  while (i < tsvector.length) {
    const open = tsvector.indexOf("'", i);
    if (open < 0) break;
    // The word ends at a quote that is not doubled ('' is a quote inside it).
    let close = open + 1;
    for (;;) {
      close = tsvector.indexOf("'", close);
      if (close < 0) close = tsvector.length;
      if (tsvector.charCodeAt(close + 1) !== 39) break;
      close += 2;
    }
    const raw = tsvector.slice(open + 1, close);
    const word =
      raw.includes("'") || raw.includes('\\')
        ? raw.replace(/''/g, "'").replace(/\\(.)/g, '$1')
        : raw;
    // Positions (1A,6): a letter says the field, none is D; no positions at all is D too.
    let end = tsvector.indexOf(' ', close);
    if (end < 0) end = tsvector.length;
    const weights = { A: false, B: false, C: false, D: tsvector.charCodeAt(close + 1) !== 58 };
    let lettered = false;
    for (let k = close + 2; k <= end; k++) {
      const letter = k < end ? tsvector[k] : ',';
      if (letter === 'A' || letter === 'B' || letter === 'C') {
        weights[letter] = true;
        lettered = true;
      } else if (letter === ',') {
        if (!lettered) weights.D = true;
        lettered = false;
      }
    }
    if (weights.A) name.push(word);
    if (weights.B) tags.push(word);
    if (weights.C) work.push(word);
    if (weights.D) notes.push(word);
    i = end + 1;
  }
  return {
    name: name.join(' '),
    tags: tags.join(' '),
    work: work.join(' '),
    notes: notes.join(' '),
  };
}

/** tsquery for a match: `a & b`, `a:* | b:*`. Terms hold only letters and digits. */
export const tsQuery = ({ terms, every, wholeWords }: WordMatch): string =>
  terms.map((t) => (wholeWords ? t : `${t}:*`)).join(every ? ' & ' : ' | ');

/**
 * How a search finds "the newest n rows that match". GIN answers "which rows hold this word" in
 * no order, so taking the newest n of a common word's 300,000 matches means reading them all;
 * reading the newest rows until n match is far cheaper then. PostgreSQL's planner makes that
 * choice from its statistics, and for a word absent from them (a rare name, a typo) it walked
 * every row of a million-interaction workspace (~0.4 s). So the walk is Kith's, in steps: after
 * each, the matches found so far say how many more rows it would take; while that stays within
 * WALK_AT_MOST rows it goes on, and beyond it the word is rare enough for GIN to give every
 * match cheaply. Sizes from `npm run bench -- --db postgres` and `bench:paths` (BENCHMARKS.md):
 * an interaction's document is long (its notes), a person's short.
 */
const FIRST_STEP = { person_search: 2000, interaction_search: 500 };
const WALK_AT_MOST = { person_search: 20_000, interaction_search: 10_000 };

/** Where a search reads: the table, its newest-first order, and the document matched. */
interface Searched {
  table: 'person_search' | 'interaction_search';
  /** The row's id. */
  id: RawBuilder<unknown>;
  /** The order as one text, larger for newer (IndexedRow.order), and an index has it. */
  orderKey: RawBuilder<unknown>;
  /** Newest first, as that index has it. */
  newestFirst: RawBuilder<unknown>;
  /** Rows older than the one whose order key is `key`, in the terms of that index. */
  olderThan: (key: string) => RawBuilder<unknown>;
  document: RawBuilder<unknown>;
}

/** One step of the walk: rows read, the oldest of them, and those that match (newest first). */
interface Walked {
  read: string | number;
  oldest: string | null;
  matching: [id: string, order: string][];
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
  const found: { id: string; order: string }[] = [];
  let walked = 0;
  let last: string | null = null;
  for (let step = FIRST_STEP[from.table]; ;) {
    // One row back per step: how many rows were read, the oldest of them (where the next step
    // starts), and those that match.
    const result: { rows: Walked[] } = await sql<Walked>`
      WITH newest AS (
        SELECT ${from.id} AS id, ${from.orderKey} AS "order", ${from.document} AS doc
        FROM ${sql.table(from.table)}
        WHERE workspace_id = ${workspaceId}${last === null ? sql`` : sql` AND ${from.olderThan(last)}`}
        ORDER BY ${from.newestFirst}
        LIMIT ${step})
      SELECT count(*) AS read, min("order" COLLATE "C") AS oldest,
        coalesce(json_agg(json_build_array(id, "order") ORDER BY "order" COLLATE "C" DESC)
          FILTER (WHERE doc @@ ${query}), '[]') AS matching
      FROM newest`.execute(db);
    const { read, oldest, matching } = result.rows[0] ?? { read: 0, oldest: null, matching: [] };
    for (const [id, order] of matching) found.push({ id, order });
    if (found.length >= limit) return found.slice(0, limit);
    walked += Number(read);
    // Every row read (or none left): the matches are all there are.
    if (Number(read) < step || oldest === null) return found;
    last = oldest;
    // Rows still to read at the density seen so far (one match in `walked` if none yet).
    const more = Math.ceil(((limit - found.length) * walked) / Math.max(found.length, 1));
    if (walked + more > WALK_AT_MOST[from.table]) break;
    // A quarter more than the estimate, so one more step usually finishes; never a tiny one.
    step = Math.max(more + (more >> 2), 100);
  }
  // Rare among the newest rows: every match, through the index; MATERIALIZED keeps the
  // planner from walking the newest rows again.
  const all = await sql<{ id: string; order: string }>`
    WITH matching AS MATERIALIZED (
      SELECT ${from.id} AS id, ${from.orderKey} AS "order" FROM ${sql.table(from.table)}
      WHERE workspace_id = ${workspaceId} AND ${from.document} @@ ${query})
    SELECT id, "order" FROM matching ORDER BY "order" COLLATE "C" DESC LIMIT ${limit}`.execute(db);
  return all.rows;
}

// Documents go in as one array per field, unnested by the server: thousands per statement
// without thousands of parameters.
export const postgresSearch: SearchIndex = {
  dialect: 'postgres',

  async refreshStatistics(db, tables) {
    for (const table of [...tables, 'person_search', 'interaction_search'])
      await sql`ANALYZE ${sql.table(table)}`.execute(db);
  },

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

  async purge() {
    // The index is rows of its own tables, deleted with the people and chats they stood for.
  },

  async newestPeople(db, workspaceId, match, within, limit) {
    return newestMatching(db, workspaceId, match, limit, {
      table: 'person_search',
      id: sql`person_id`,
      // Ids are UUIDv7: the largest is the newest person, as SQLite's largest rowid is.
      orderKey: sql`person_id`,
      newestFirst: sql`person_id DESC`,
      olderThan: (key) => sql`person_id < ${key}`,
      document: within === 'name' ? sql`ts_filter(document, '{a}')` : sql`document`,
    });
  },

  async peopleFields(db, found) {
    if (found.length === 0) return [];
    const result = await sql<{ id: string; document: string }>`
      SELECT person_id AS id, document::text AS document FROM person_search
      WHERE person_id = ANY(${found.map((f) => f.id)}::text[])`.execute(db);
    const documents = new Map(result.rows.map((r) => [r.id, r.document]));
    return found.map((f) => ({ ...f, ...fieldsOf(documents.get(f.id) ?? '') }));
  },

  async newestInteractions(db, workspaceId, match, limit) {
    return newestMatching(db, workspaceId, match, limit, {
      table: 'interaction_search',
      id: sql`interaction_id`,
      // Times are UTC ISO-8601 of one length: as text, they sort as they happened.
      orderKey: sql`occurred_at || ' ' || interaction_id`,
      newestFirst: sql`occurred_at DESC, interaction_id DESC`,
      olderThan: (key) => {
        const [at = '', id = ''] = key.split(' ');
        return sql`(occurred_at, interaction_id) < (${at}, ${id})`;
      },
      document: sql`document`,
    });
  },
};
