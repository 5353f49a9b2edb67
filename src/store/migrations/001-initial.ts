// The first schema: workspaces, organizations, people (with contacts, tags and roles),
// interactions (with participants and insights), and the full-text index of the dialect.
import type { Kysely, Migration } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';

export function initialSchema(search: SearchIndex): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workspace')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('organization')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('organization_name_unique', ['workspace_id', 'name_key'])
        .execute();

      await db.schema
        .createTable('person')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('given_name', 'text')
        .addColumn('family_name', 'text')
        .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
        .addColumn('title', 'text')
        .addColumn('unit', 'text')
        .addColumn('location', 'text')
        .addColumn('how_we_met', 'text')
        .addColumn('met_on', 'text')
        .addColumn('linkedin_url', 'text')
        .addColumn('notes', 'text')
        .addColumn('cadence_kind', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('cadence_days', 'integer')
        .addColumn('cadence_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('archived_at', 'text')
        .execute();
      await db.schema
        .createIndex('person_by_name')
        .on('person')
        .columns(['workspace_id', 'name_key'])
        .execute();
      await db.schema
        .createIndex('person_by_organization')
        .on('person')
        .columns(['organization_id'])
        .execute();

      await db.schema
        .createTable('person_contact')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) =>
          c.notNull().references('person.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_contact_pk', ['person_id', 'kind', 'position'])
        .execute();
      await db.schema
        .createIndex('person_contact_by_value')
        .on('person_contact')
        .columns(['workspace_id', 'kind', 'value'])
        .execute();

      await db.schema
        .createTable('tag')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addUniqueConstraint('tag_name_unique', ['workspace_id', 'name'])
        .execute();

      await db.schema
        .createTable('person_tag')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) =>
          c.notNull().references('person.id').onDelete('cascade'),
        )
        .addColumn('tag_id', 'text', (c) => c.notNull().references('tag.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('person_tag_pk', ['person_id', 'tag_id'])
        .execute();
      await db.schema
        .createIndex('person_tag_by_tag')
        .on('person_tag')
        .columns(['tag_id'])
        .execute();

      await db.schema
        .createTable('person_role')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) =>
          c.notNull().references('person.id').onDelete('cascade'),
        )
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_role_pk', ['person_id', 'role'])
        .execute();
      await db.schema
        .createIndex('person_role_by_role')
        .on('person_role')
        .columns(['workspace_id', 'role'])
        .execute();

      await db.schema
        .createTable('interaction')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id'))
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('interaction_by_time')
        .on('interaction')
        .columns(['workspace_id', 'occurred_at'])
        .execute();

      await db.schema
        .createTable('interaction_participant')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('interaction_id', 'text', (c) =>
          c.notNull().references('interaction.id').onDelete('cascade'),
        )
        .addColumn('person_id', 'text', (c) =>
          c.notNull().references('person.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('interaction_participant_pk', ['interaction_id', 'person_id'])
        .execute();
      await db.schema
        .createIndex('interaction_participant_by_person')
        .on('interaction_participant')
        .columns(['person_id', 'interaction_id'])
        .execute();

      await db.schema
        .createTable('insight')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('interaction_id', 'text', (c) =>
          c.notNull().references('interaction.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('insight_by_interaction')
        .on('insight')
        .columns(['interaction_id', 'position'])
        .execute();

      await search.createSchema(db);
    },
  };
}
