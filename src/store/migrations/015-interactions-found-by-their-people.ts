// A chat is found by the names of the people in it: "Hana taxes" finds the coffee with Hana
// about taxes, though neither its summary nor its notes say "Hana". Every interaction's search
// document is made again with those names (the store writes them so from now on). On SQLite it
// happens in one savepoint, as 013: a failure leaves the database as it was.
import type { Kysely, Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';
import { reindexInteractions } from '../derived.js';
import type { Database } from '../schema.js';
import { inPages } from './in-pages.js';
import { inSqliteSavepoint } from './sqlite-savepoint.js';

export function interactionsFoundByTheirPeople(search: SearchIndex): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<Database>;
      const reindexAll = () =>
        inPages(db, 'interaction', (workspaceId, ids) =>
          reindexInteractions({ db, search, workspaceId }, ids),
        );
      if (search.dialect !== 'sqlite') return reindexAll();
      await inSqliteSavepoint(untyped, 'interactions_found_by_their_people', reindexAll);
    },
  };
}
