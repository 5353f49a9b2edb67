// Follow-up tasks with due dates (attached to a person, an ask or an interaction), snoozing
// a person's keep-in-touch reminder, and the workspace's settings (one JSON document).
import type { Kysely, Migration } from 'kysely';

export const tasksSnoozeSettings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('task')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
      .addColumn('ask_id', 'text', (c) => c.references('ask.id').onDelete('set null'))
      .addColumn('interaction_id', 'text', (c) =>
        c.references('interaction.id').onDelete('set null'),
      )
      .addColumn('done_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('task_open_by_due')
      .on('task')
      .columns(['workspace_id', 'done_at', 'due_on'])
      .execute();
    await db.schema.alterTable('person').addColumn('snoozed_until', 'text').execute();
    await db.schema
      .createTable('setting')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspace.id'))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
