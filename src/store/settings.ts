// The workspace's settings, kept as one JSON document and read through the domain's schema,
// so a setting added later simply takes its default.
import { parseOrThrow } from '../domain/errors.js';
import { settingsSchema, type Settings } from '../domain/method/settings.js';
import type { DbContext } from './context.js';

export async function getSettings(ctx: DbContext): Promise<Settings> {
  const row = await ctx.db
    .selectFrom('setting')
    .select('value')
    .where('workspace_id', '=', ctx.workspaceId)
    .executeTakeFirst();
  return parseOrThrow(settingsSchema, row ? (JSON.parse(row.value) as unknown) : {}, 'settings');
}
