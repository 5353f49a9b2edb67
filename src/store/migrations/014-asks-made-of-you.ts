// Asks can go both ways: "incoming" is a question someone asked the user (a LinkedIn
// invitation, a request for a chat). Every ask made before this was the user's own.
import type { Kysely, Migration } from 'kysely';

export const asksMadeOfYou: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('ask')
      .addColumn('direction', 'text', (c) => c.notNull().defaultTo('outgoing'))
      .execute();
  },
};
