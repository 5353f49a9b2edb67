// Each person's keep-in-touch due date (and the cadence it follows), stored and indexed so
// Today reads the few people who are due instead of loading everyone with a cadence. store/derived.ts keeps it in step.
import type { Kysely, Migration } from 'kysely';
import type { Database } from '../schema.js';
import { refreshTouchDue } from '../derived.js';

export const keepInTouchDue: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('person').addColumn('touch_due_on', 'text').execute();
    // The repeating cadence in force (own, or the role default), so Today needs no roles.
    await db.schema.alterTable('person').addColumn('touch_every_days', 'integer').execute();
    await db.schema
      .createIndex('person_by_touch_due')
      .on('person')
      // Covering: Today counts the people due without reading their rows.
      .columns(['workspace_id', 'touch_due_on', 'cadence_kind', 'archived_at'])
      .execute();
    // Today mentions asks that moved on in the last few days: found by state and closing time.
    await db.schema
      .createIndex('ask_by_state_closed')
      .on('ask')
      .columns(['workspace_id', 'state', 'closed_at'])
      .execute();
    // Filled in with today's formula; a later change to the formula comes with its own migration.
    const kith = db as unknown as Kysely<Database>;
    const workspaces = await kith.selectFrom('workspace').select('id').execute();
    for (const w of workspaces) await refreshTouchDue({ db: kith, workspaceId: w.id }, 'all');
  },
};
