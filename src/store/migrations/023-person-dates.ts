// Dates that matter about a person: a birthday, anniversaries, named dates. They are kept on
// the person's row (`dates`, JSON: read and written with the rest of the person), and their
// days are indexed in `person_date` (month·100+day, the year when known) so Today finds the
// ones coming without reading every person. Every existing person starts with none.
import type { Kysely, Migration } from 'kysely';

export const personDates: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('person').addColumn('dates', 'text').execute();
    await db.schema
      .createTable('person_date')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('person_id', 'text', (c) =>
        c.notNull().references('person.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer')
      // month * 100 + day: the dates of the coming days are a range (two at the year's turn).
      .addColumn('month_day', 'integer', (c) => c.notNull())
      // 1: every year on that day; 0: once.
      .addColumn('yearly', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('person_date_pk', ['person_id', 'position'])
      .execute();
    await db.schema
      .createIndex('person_date_by_day')
      .on('person_date')
      .columns(['workspace_id', 'month_day'])
      .execute();
  },
};
