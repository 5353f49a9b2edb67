// People are found and ranked the same way on both databases (store/search-ranking.ts): the
// newest people whose name or whose document matches, scored by the field each term matched
// in. SQLite's index already keeps what that needs. PostgreSQL's ranked every match with
// ts_rank; it gets an index of names alone, and its documents are made again with tags and
// work under weights of their own (they shared one).
import type { Kysely, Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';
import { reindexPeople } from '../people.js';
import type { Database } from '../schema.js';
import { inPages } from './in-pages.js';

export function peopleRankedAlike(search: SearchIndex): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<Database>;
      // People in the trash are not in the index; reindexPeople leaves them out.
      await search.rankPeopleAlike(untyped, () =>
        inPages(db, 'person', (workspaceId, ids) =>
          reindexPeople({ db, search, workspaceId }, ids),
        ),
      );
    },
  };
}
