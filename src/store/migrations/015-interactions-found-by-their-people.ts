// A chat is found by the names of the people in it: "Hana taxes" finds the coffee with Hana
// about taxes, though neither its summary nor its notes say "Hana". Every interaction's search
// document is made again with those names (the store writes them so from now on). On SQLite it
// happens in one savepoint, as 013: a failure leaves the database as it was.
import type { Kysely, Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';
import { reindexInteractions } from '../interactions.js';
import type { Database } from '../schema.js';
import { inSqliteSavepoint } from './sqlite-savepoint.js';

const PAGE = 5000;

export function interactionsFoundByTheirPeople(search: SearchIndex): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<Database>;
      const reindexAll = async () => {
        const workspaces = await db.selectFrom('workspace').select('id').execute();
        for (const { id: workspaceId } of workspaces) {
          let after = '';
          for (;;) {
            const page = await db
              .selectFrom('interaction')
              .select('id')
              .where('workspace_id', '=', workspaceId)
              .where('id', '>', after)
              .orderBy('id')
              .limit(PAGE)
              .execute();
            const last = page.at(-1)?.id;
            if (last === undefined) break;
            await reindexInteractions(
              { db, search, workspaceId },
              page.map((r) => r.id),
            );
            after = last;
          }
        }
      };
      if (search.dialect !== 'sqlite') return reindexAll();
      await inSqliteSavepoint(untyped, 'interactions_found_by_their_people', reindexAll);
    },
  };
}
