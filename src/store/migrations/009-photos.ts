// People's photos, from the vCards they were imported with (when the user asked to keep them).
import type { Kysely, Migration } from 'kysely';

export const photos: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('person_photo')
      .addColumn('person_id', 'text', (c) =>
        c.primaryKey().references('person.id').onDelete('cascade'),
      )
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('mime', 'text', (c) => c.notNull())
      // The picture's bytes as base64: small (≤ 1 MB), read whole, the same on both databases.
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
