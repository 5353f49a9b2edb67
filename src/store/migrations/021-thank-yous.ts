// A thank-you after every chat: each interaction says whether it owes one, and a person can
// be marked as wanting none. Earlier chats owe nothing (their thank-yous, if any, were said
// through their asks), and every person keeps wanting thank-yous: no data changes.
import { sql, type Kysely, type Migration } from 'kysely';

export const thankYous: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('interaction').addColumn('thank_you', 'text').execute();
    await db.schema
      .alterTable('person')
      .addColumn('no_thank_you', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Today reads the few chats that owe one, latest first, without scanning the others.
    await sql`CREATE INDEX interaction_thank_you_owed ON interaction (workspace_id, occurred_at)
      WHERE thank_you = 'owed'`.execute(db);
  },
};
