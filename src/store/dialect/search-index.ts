// The one narrow interface behind which SQLite (FTS5) and PostgreSQL (tsvector + GIN)
// differ. Documents arrive already folded (see domain/text.ts), so both index the same words.
import type { Kysely } from 'kysely';
import type { ScoredCandidate } from '../../domain/search-score.js';
import type { Database } from '../schema.js';

export interface PersonDocument {
  id: string;
  workspaceId: string;
  name: string;
  work: string;
  tags: string;
  notes: string;
}

export interface InteractionDocument {
  id: string;
  workspaceId: string;
  /** UTC ISO-8601: interactions are found newest first. */
  occurredAt: string;
  summary: string;
  notes: string;
  insights: string;
}

/** What an interaction's document is made from, as stored. */
export interface StoredInteractionText {
  id: string;
  workspaceId: string;
  occurredAt: string;
  summary: string;
  notes: string | null;
  insights: string[];
}

export interface SearchHitId {
  id: string;
  score: number;
}

/**
 * What one query to the index looks for: every term or any of them, as whole words or as word
 * beginnings. Terms are folded words of letters and digits (domain/text.ts searchTerms).
 */
export interface WordMatch {
  terms: string[];
  every: boolean;
  wholeWords: boolean;
}

/** A row the index found; `order` is its place in the index: newer rows sort after older. */
export interface IndexedRow {
  id: string;
  order: string;
}

export interface SearchIndex {
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates the index tables; called by the first migration. */
  createSchema(db: Kysely<unknown>): Promise<void>;
  /**
   * Migration 012: the interactions' index keeps the words only, not a second copy of every
   * conversation's text (a LinkedIn export's messages made it a third of the file).
   */
  keepInteractionWordsOnly(db: Kysely<unknown>): Promise<void>;
  /**
   * Migration 013: the interactions' index keeps which rows hold each word, not where in them
   * (search asks for words and word beginnings only); `documentOf` makes each interaction's
   * document again, as the store writes it.
   */
  keepInteractionWordsWithoutPositions(
    db: Kysely<unknown>,
    documentOf: (row: StoredInteractionText) => InteractionDocument,
  ): Promise<void>;
  /**
   * Migration 016: people are found and ranked alike on both databases
   * (store/search-ranking.ts): the index finds the newest people whose name matches, and says
   * in which field each word of a person's document is. `indexEveryone` makes every person's
   * document again, for a dialect whose index did not keep that.
   */
  rankPeopleAlike(db: Kysely<unknown>, indexEveryone: () => Promise<void>): Promise<void>;
  indexPeople(db: Kysely<Database>, docs: PersonDocument[]): Promise<void>;
  /** People in the trash are taken out of the index, and put back when restored. */
  removePeople(db: Kysely<Database>, ids: string[]): Promise<void>;
  indexInteractions(db: Kysely<Database>, docs: InteractionDocument[]): Promise<void>;
  removeInteractions(db: Kysely<Database>, ids: string[]): Promise<void>;
  /**
   * After erasing people: no word of theirs stays anywhere in the index's storage (SQLite's
   * FTS5 keeps a removed row's words in older segments until they are merged).
   */
  purge(db: Kysely<Database>): Promise<void>;
  /**
   * After a large write (an import): the planner's statistics of these tables, and of the
   * search index, read again — a server whose autovacuum lags would otherwise plan searches
   * for the network as it was (PostgreSQL: 174 ms a search instead of 21 after 30,000 people).
   */
  refreshStatistics(db: Kysely<Database>, tables: readonly string[]): Promise<void>;
  /**
   * The newest people (last come into the index first) whose name, or whose document anywhere,
   * matches; at most `limit`. Stops after that many: a common word costs no more than a rare
   * one.
   */
  newestPeople(
    db: Kysely<Database>,
    workspaceId: string,
    match: WordMatch,
    within: 'name' | 'anywhere',
    limit: number,
  ): Promise<IndexedRow[]>;
  /** The documents' fields of people the index found. */
  peopleFields(db: Kysely<Database>, found: IndexedRow[]): Promise<ScoredCandidate[]>;
  /** The newest interactions (by when they happened) that match; at most `limit`. */
  newestInteractions(
    db: Kysely<Database>,
    workspaceId: string,
    match: WordMatch,
    limit: number,
  ): Promise<IndexedRow[]>;
}
