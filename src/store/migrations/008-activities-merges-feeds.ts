// What imports bring beside people (conversations, invitations, calendar events), merging two
// people into one, and the secret address of the calendar feed.
import type { Kysely, Migration } from 'kysely';

export const activitiesMergesFeeds: Migration = {
  async up(db: Kysely<unknown>) {
    // Each activity an import brought, by the key it has in every export: importing the file
    // again finds it (and changes nothing); a later export whose content changed updates it.
    await db.schema
      .createTable('import_item')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      // The target's updated_at when the import last wrote it: a later edit is the user's.
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_item_pk', ['workspace_id', 'key'])
      .execute();
    // What each run did to activities, so it can be undone.
    await db.schema
      .createTable('import_activity_change')
      .addColumn('run_id', 'text', (c) => c.notNull().references('import_run.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      // The target and its import_item before the run (updated), as JSON; null when created.
      .addColumn('before', 'text')
      .addColumn('after_updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_activity_change_pk', ['run_id', 'key'])
      .execute();
    // Text an import repaired (mojibake…), with what the file said: the provenance of a value.
    await db.schema.alterTable('import_change').addColumn('repaired', 'text').execute();
    // Two people merged into one: both as they were, so nothing entered is ever lost.
    await db.schema
      .createTable('person_merge')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('kept_id', 'text', (c) => c.notNull())
      .addColumn('merged_id', 'text', (c) => c.notNull())
      .addColumn('kept_before', 'text', (c) => c.notNull())
      .addColumn('merged_before', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Pairs the user said are two different people: never suggested again.
    await db.schema
      .createTable('merge_dismissal')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('person_a', 'text', (c) => c.notNull())
      .addColumn('person_b', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('merge_dismissal_pk', ['workspace_id', 'person_a', 'person_b'])
      .execute();
    // The calendar feed's secret address; a new one replaces it, revoking deletes it.
    await db.schema
      .createTable('calendar_feed')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspace.id'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
