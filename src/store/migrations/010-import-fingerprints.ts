// What a run imported, by content: importing the same bytes again, while no person has
// changed since, is known to change nothing without reading the file again.
import type { Kysely, Migration } from 'kysely';

export const importFingerprints: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('import_run').addColumn('file_hash', 'text').execute();
    await db.schema.alterTable('import_run').addColumn('people_mark', 'text').execute();
  },
};
