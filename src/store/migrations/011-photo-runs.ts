// Which import brought a photo, so undoing that import takes the photo back too.
import type { Kysely, Migration } from 'kysely';

export const photoRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('person_photo').addColumn('run_id', 'text').execute();
  },
};
