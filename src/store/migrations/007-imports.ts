// Imports: each run is recorded with what it did to whom, so it can be undone; and for each
// person and kind of export, the values that export last brought, so importing an updated
// export changes only what changed in it — never what the user edited since.
import type { Kysely, Migration } from 'kysely';

export const imports: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('import_run')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('undone_at', 'text')
      .execute();
    await db.schema
      .createIndex('import_run_by_workspace')
      .on('import_run')
      .columns(['workspace_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('import_change')
      .addColumn('run_id', 'text', (c) => c.notNull().references('import_run.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      // The person's data before the run (updated) or null (created), as JSON.
      .addColumn('before', 'text')
      // The person's updated_at right after the run: a later edit makes undoing it a conflict.
      .addColumn('after_updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_change_pk', ['run_id', 'person_id'])
      .execute();
    await db.schema
      .createTable('import_source')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_source_pk', ['person_id', 'format'])
      .execute();
  },
};
