// The keys other address books know a person by, such as a vCard's UID: a card seen before
// is the same person again, whatever else on it changed. Each key names one person of the
// workspace; a person's keys go with them (erased, or an import that added them undone) and
// move with a merge.
import type { Kysely, Migration } from 'kysely';

export const personKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('person_key')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      // 'vcard-uid'
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) =>
        c.notNull().references('person.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('person_key_pk', ['workspace_id', 'kind', 'value'])
      .execute();
    await db.schema
      .createIndex('person_key_by_person')
      .on('person_key')
      .columns(['person_id'])
      .execute();
  },
};
