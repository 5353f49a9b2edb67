// Migrations live in code, run in name order, forward only: a shipped migration is never
// edited or removed; a change to the schema is a new file here.
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { SearchIndex } from '../dialect/search-index.js';
import { initialSchema } from './001-initial.js';
import { asksAndCampaigns } from './002-asks-and-campaigns.js';
import { tasksSnoozeSettings } from './003-tasks-snooze-settings.js';
import { lastContact } from './004-last-contact.js';
import { keepInTouchDue } from './005-keep-in-touch-due.js';
import { connectors } from './006-connectors.js';
import { imports } from './007-imports.js';
import { activitiesMergesFeeds } from './008-activities-merges-feeds.js';
import { photos } from './009-photos.js';
import { importFingerprints } from './010-import-fingerprints.js';
import { photoRuns } from './011-photo-runs.js';
import { leanerImportStorage } from './012-leaner-import-storage.js';
import { interactionWordsWithoutPositions } from './013-interaction-words-without-positions.js';
import { asksMadeOfYou } from './014-asks-made-of-you.js';
import { interactionsFoundByTheirPeople } from './015-interactions-found-by-their-people.js';
import { peopleRankedAlike } from './016-people-ranked-alike.js';
import { asksByDirection } from './017-asks-by-direction.js';
import { peopleByLastContact } from './018-people-by-last-contact.js';
import { accounts } from './019-accounts.js';
import { teams } from './020-teams.js';
import { thankYous } from './021-thank-yous.js';
import { personKeys } from './022-person-keys.js';
import { personDates } from './023-person-dates.js';

export function migrationsFor(search: SearchIndex): Record<string, Migration> {
  return {
    '001-initial': initialSchema(search),
    '002-asks-and-campaigns': asksAndCampaigns,
    '003-tasks-snooze-settings': tasksSnoozeSettings,
    '004-last-contact': lastContact,
    '005-keep-in-touch-due': keepInTouchDue,
    '006-connectors': connectors,
    '007-imports': imports,
    '008-activities-merges-feeds': activitiesMergesFeeds,
    '009-photos': photos,
    '010-import-fingerprints': importFingerprints,
    '011-photo-runs': photoRuns,
    '012-leaner-import-storage': leanerImportStorage(search),
    '013-interaction-words-without-positions': interactionWordsWithoutPositions(search),
    '014-asks-made-of-you': asksMadeOfYou,
    '015-interactions-found-by-their-people': interactionsFoundByTheirPeople(search),
    '016-people-ranked-alike': peopleRankedAlike(search),
    '017-asks-by-direction': asksByDirection,
    '018-people-by-last-contact': peopleByLastContact(search),
    '019-accounts': accounts,
    '020-teams': teams,
    '021-thank-yous': thankYous,
    '022-person-keys': personKeys,
    '023-person-dates': personDates,
  };
}

/** Bring the database up to date (or up to `upTo`); a no-op when it already is. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  search: SearchIndex,
  schema?: string,
  upTo?: string,
  hooks: { onUpgrade?: (migrations: string[]) => void } = {},
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(search) };
  // On PostgreSQL the bookkeeping tables go in the schema the data goes in (the first one on
  // the search_path), so two Kith databases in two schemas of one server never mix.
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  if (hooks.onUpgrade) {
    const known = await migrator.getMigrations();
    const done = known.filter((m) => m.executedAt !== undefined);
    const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
    const wanted = upTo ? pending.filter((name) => name <= upTo) : pending;
    // A new database has nothing to upgrade: its first migrations are quick.
    if (done.length > 0 && wanted.length > 0) hooks.onUpgrade(wanted);
  }
  const { error, results } = upTo
    ? await migrator.migrateTo(upTo)
    : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
