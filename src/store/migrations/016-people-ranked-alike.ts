// People are found and ranked the same way on both databases (store/search-ranking.ts): the
// newest people whose name or whose document matches, scored by the field each term matched
// in. SQLite's index already keeps what that needs. PostgreSQL's ranked every match with
// ts_rank; it gets an index of names alone, and its documents are made again with tags and
// work under weights of their own (they shared one).
import type { Kysely, Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';
import { reindexPeople } from '../people.js';
import type { Database } from '../schema.js';

const PAGE = 5000;

export function peopleRankedAlike(search: SearchIndex): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      if (!(await search.rankPeopleAlike(untyped))) return;
      const db = untyped as Kysely<Database>;
      const workspaces = await db.selectFrom('workspace').select('id').execute();
      for (const { id: workspaceId } of workspaces) {
        // People in the trash are not in the index; reindexPeople leaves them out.
        for (let after = ''; ;) {
          const page = await db
            .selectFrom('person')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('id', '>', after)
            .orderBy('id')
            .limit(PAGE)
            .execute();
          const last = page.at(-1)?.id;
          if (last === undefined) break;
          await reindexPeople(
            { db, search, workspaceId },
            page.map((r) => r.id),
          );
          after = last;
        }
      }
    },
  };
}
