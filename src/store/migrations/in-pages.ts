// Migrations that make something again for every row (a search document) go through a
// workspace's rows a page at a time, so a large one never holds them all in memory.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

const PAGE = 5000;

/** The ids of every person or interaction, workspace by workspace, in pages of 5,000. */
export async function inPages(
  db: Kysely<Database>,
  table: 'person' | 'interaction',
  work: (workspaceId: string, ids: string[]) => Promise<void>,
): Promise<void> {
  const workspaces = await db.selectFrom('workspace').select('id').execute();
  for (const { id: workspaceId } of workspaces) {
    for (let after = ''; ;) {
      const page = await db
        .selectFrom(table)
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      const last = page.at(-1)?.id;
      if (last === undefined) break;
      await work(
        workspaceId,
        page.map((r) => r.id),
      );
      after = last;
    }
  }
}
