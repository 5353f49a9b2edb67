// Connectors and giving back: who knows whom (with a context and a strength), introductions
// received and made (with the history of each), and a counter of changes to the ties, so a
// server that keeps the network graph in memory knows when to read it again.
import { sql, type Kysely, type Migration } from 'kysely';

export const connectors: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('introduction')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      // received: person_a introduced the user to person_b; made: the user introduces a and b.
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('person_a', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('person_b', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('accepted_by_a', 'integer', (c) => c.notNull())
      .addColumn('accepted_by_b', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('ask_id', 'text', (c) => c.references('ask.id').onDelete('set null'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaign.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('introduction_by_state')
      .on('introduction')
      .columns(['workspace_id', 'state'])
      .execute();
    await db.schema
      .createIndex('introduction_by_a')
      .on('introduction')
      .columns(['person_a'])
      .execute();
    await db.schema
      .createIndex('introduction_by_b')
      .on('introduction')
      .columns(['person_b'])
      .execute();
    await db.schema
      .createIndex('introduction_by_campaign')
      .on('introduction')
      .columns(['campaign_id'])
      .execute();

    await db.schema
      .createTable('introduction_event')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('introduction_id', 'text', (c) =>
        c.notNull().references('introduction.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('introduction_event_pk', ['introduction_id', 'position'])
      .execute();

    // One edge per pair, stored with person_a < person_b.
    await db.schema
      .createTable('knows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('person_a', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('person_b', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('context', 'text')
      .addColumn('strength', 'real', (c) => c.notNull())
      // manual (entered by the user) or introduction (recorded when one was made or received).
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('introduction_id', 'text', (c) =>
        c.references('introduction.id').onDelete('set null'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('knows_pair_unique', ['workspace_id', 'person_a', 'person_b'])
      .execute();
    await db.schema
      .createIndex('knows_by_b')
      .on('knows')
      .columns(['workspace_id', 'person_b'])
      .execute();

    await db.schema
      .alterTable('workspace')
      .addColumn('ties_version', 'integer', (c) => c.notNull().defaultTo(sql.lit(0)))
      .execute();
  },
};
