// A person's last contact, kept on the person row: lists sort by it and Today filters on it
// without aggregating every interaction. store/derived.ts keeps it in step.
import { sql, type Kysely, type Migration } from 'kysely';

export const lastContact: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('person').addColumn('last_contact_at', 'text').execute();
    await db.schema
      .createIndex('person_by_last_contact')
      .on('person')
      .columns(['workspace_id', 'last_contact_at'])
      .execute();
    await sql`UPDATE person SET last_contact_at = (
      SELECT max(i.occurred_at) FROM interaction_participant ip
      JOIN interaction i ON i.id = ip.interaction_id
      WHERE ip.person_id = person.id)`.execute(db);
  },
};
