// A large import (a LinkedIn export: 80,000 conversation-days) wrote more than it needed:
// - SQLite's interaction index kept a second copy of every interaction's text; it needs only
//   the words (SearchIndex.keepInteractionWordsOnly);
// - three tables keyed by two columns kept each row twice on SQLite: in the table (by rowid)
//   and in the index of its key. WITHOUT ROWID tables are that index alone.
// PostgreSQL has nothing to change. On SQLite it all happens in one savepoint: a failure
// leaves the database as it was.
import { sql, type Kysely, type Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';

/** Each table made again, WITHOUT ROWID, with the columns and keys it was created with. */
const KEYED_TABLES = [
  {
    name: 'interaction_participant',
    columns: `"workspace_id" text not null,
      "interaction_id" text not null references "interaction" ("id") on delete cascade,
      "person_id" text not null references "person" ("id") on delete cascade,
      constraint "interaction_participant_pk" primary key ("interaction_id", "person_id")`,
    indexes: [
      `CREATE INDEX "interaction_participant_by_person"
        ON "interaction_participant" ("person_id", "interaction_id")`,
    ],
  },
  {
    name: 'import_item',
    columns: `"workspace_id" text not null references "workspace" ("id"),
      "key" text not null, "target_kind" text not null, "target_id" text not null,
      "fingerprint" text not null, "written_at" text not null,
      constraint "import_item_pk" primary key ("workspace_id", "key")`,
    indexes: [],
  },
  {
    name: 'import_activity_change',
    columns: `"run_id" text not null references "import_run" ("id"),
      "key" text not null, "target_kind" text not null, "target_id" text not null,
      "action" text not null, "before" text, "after_updated_at" text not null,
      constraint "import_activity_change_pk" primary key ("run_id", "key")`,
    indexes: [],
  },
];

export function leanerImportStorage(search: SearchIndex): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (search.dialect !== 'sqlite') return;
      await sql`SAVEPOINT leaner_import_storage`.execute(db);
      try {
        await search.keepInteractionWordsOnly(db);
        for (const table of KEYED_TABLES) {
          const old = `${table.name}_with_rowid`;
          await sql`ALTER TABLE ${sql.table(table.name)} RENAME TO ${sql.table(old)}`.execute(db);
          await sql`CREATE TABLE ${sql.table(table.name)} (${sql.raw(table.columns)}) WITHOUT ROWID`.execute(
            db,
          );
          await sql`INSERT INTO ${sql.table(table.name)} SELECT * FROM ${sql.table(old)}`.execute(
            db,
          );
          await sql`DROP TABLE ${sql.table(old)}`.execute(db);
          for (const index of table.indexes) await sql.raw(index).execute(db);
        }
        await sql`RELEASE leaner_import_storage`.execute(db);
      } catch (error) {
        await sql`ROLLBACK TO leaner_import_storage`.execute(db);
        await sql`RELEASE leaner_import_storage`.execute(db);
        throw error;
      }
    },
  };
}
