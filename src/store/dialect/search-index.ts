// The one narrow interface behind which SQLite (FTS5) and PostgreSQL (tsvector + GIN)
// differ. Documents arrive already folded (see domain/text.ts), so both index the same words.
import type { Kysely } from 'kysely';
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
  indexPeople(db: Kysely<Database>, docs: PersonDocument[]): Promise<void>;
  /** People in the trash are taken out of the index, and put back when restored. */
  removePeople(db: Kysely<Database>, ids: string[]): Promise<void>;
  indexInteractions(db: Kysely<Database>, docs: InteractionDocument[]): Promise<void>;
  removeInteractions(db: Kysely<Database>, ids: string[]): Promise<void>;
  /**
   * Every term must match as the prefix of a word. People: matches in the name first, then
   * in tags, organization, title, unit or location, then in notes; best-scored first within each.
   * Interactions: newest first.
   */
  searchPeople(
    db: Kysely<Database>,
    workspaceId: string,
    terms: string[],
    limit: number,
  ): Promise<SearchHitId[]>;
  searchInteractions(
    db: Kysely<Database>,
    workspaceId: string,
    terms: string[],
    limit: number,
  ): Promise<SearchHitId[]>;
}
