// SQLite's index of interactions kept where each word stands in each conversation, which search
// never asks (it looks for words and word beginnings, newest first): the index is made again
// without positions (SearchIndex.keepInteractionWordsWithoutPositions), about a third of its
// size. PostgreSQL has nothing to change. On SQLite it happens in one savepoint: a failure
// leaves the database as it was.
import { sql, type Kysely, type Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';
import { interactionDocument } from '../derived.js';

export function interactionWordsWithoutPositions(search: SearchIndex): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (search.dialect !== 'sqlite') return;
      await sql`SAVEPOINT interaction_words_without_positions`.execute(db);
      try {
        await search.keepInteractionWordsWithoutPositions(db, (row) =>
          interactionDocument(row.workspaceId, row.id, row),
        );
        await sql`RELEASE interaction_words_without_positions`.execute(db);
      } catch (error) {
        await sql`ROLLBACK TO interaction_words_without_positions`.execute(db);
        await sql`RELEASE interaction_words_without_positions`.execute(db);
        throw error;
      }
    },
  };
}
