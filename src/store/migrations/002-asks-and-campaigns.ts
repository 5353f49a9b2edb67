// The networking method: campaigns, asks and the history of each ask.
import type { Kysely, Migration } from 'kysely';

export const asksAndCampaigns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('campaign')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('aim', 'text')
      .addColumn('target_chats', 'integer', (c) => c.notNull())
      .addColumn('batch_size', 'integer', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('campaign_name_unique', ['workspace_id', 'name_key'])
      .execute();

    await db.schema
      .createTable('campaign_tag')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text', (c) =>
        c.notNull().references('campaign.id').onDelete('cascade'),
      )
      .addColumn('tag_id', 'text', (c) => c.notNull().references('tag.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('campaign_tag_pk', ['campaign_id', 'tag_id'])
      .execute();

    await db.schema
      .createTable('ask')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('channel', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('nudged_at', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('scheduled_for', 'text')
      .addColumn('met_at', 'text')
      .addColumn('interaction_id', 'text', (c) =>
        c.references('interaction.id').onDelete('set null'),
      )
      .addColumn('closed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ask_by_state')
      .on('ask')
      .columns(['workspace_id', 'state'])
      .execute();
    await db.schema.createIndex('ask_by_person').on('ask').columns(['person_id']).execute();
    await db.schema.createIndex('ask_by_campaign').on('ask').columns(['campaign_id']).execute();

    await db.schema
      .createTable('ask_event')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('ask_id', 'text', (c) => c.notNull().references('ask.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('ask_event_pk', ['ask_id', 'position'])
      .execute();
  },
};
