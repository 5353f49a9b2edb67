// The People list sorted by last contact, newest first, never-contacted last, then by name:
// without an index in that order, each page sorted every live person (~200 ms at 100,000 on
// SQLite). This one serves the page in order from the index. SQLite keeps NULLs below every
// value, so a descending column ends with them; PostgreSQL must be told (NULLS LAST), and
// SQLite refuses those words in an index.
import { sql, type Kysely, type Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';

export function peopleByLastContact(search: SearchIndex): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const lastContact =
        search.dialect === 'postgres'
          ? sql`last_contact_at DESC NULLS LAST`
          : sql`last_contact_at DESC`;
      // Of live people only: PostgreSQL orders a page by an index only after columns held equal
      // (=), and "archived_at IS NULL" in the key would not count as that.
      await sql`CREATE INDEX person_list_by_last_contact ON person
        (workspace_id, ${lastContact}, name_key, id) WHERE archived_at IS NULL`.execute(db);
    },
  };
}
