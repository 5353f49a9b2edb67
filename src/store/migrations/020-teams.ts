// Teams: accounts on one server that answer "who among us knows…" together. A member's
// people and ties are shown to the team only while they choose to share them; notes,
// interactions, asks and insights never are (store/teams.ts reads only what is shared).
import type { Kysely, Migration } from 'kysely';

export const teams: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('team')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('team_member')
      .addColumn('team_id', 'text', (c) => c.notNull().references('team.id'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      // 1 while the member shares their people and ties with this team.
      .addColumn('sharing', 'integer', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_member_pk', ['team_id', 'account_id'])
      .execute();
    await db.schema
      .createIndex('team_member_by_account')
      .on('team_member')
      .columns(['account_id'])
      .execute();
  },
};
