// The store: the one object the doors (API, CLI) talk to, bound to one workspace.
// Every method validates its input with the domain's schemas, so no door can skip a check.
import { sql } from 'kysely';
import type { Person, PersonBulkResult, PersonPage } from '../domain/person.js';
import type { Interaction } from '../domain/interaction.js';
import type { Organization } from '../domain/organization.js';
import type { NetworkData } from '../domain/network.js';
import type { SearchResult } from '../domain/search.js';
import { bulkLoad, type BulkProgress, type BulkResult } from './bulk-load.js';
import { inTransaction, type StoreContext } from './context.js';
import * as interactions from './interactions.js';
import * as organizations from './organizations.js';
import * as people from './people.js';
import { search } from './search.js';
import * as asks from './asks.js';
import type { CampaignWithProgress, StoredAsk } from './asks.js';
import { agendaFor, today, type Today } from './today.js';
import { coalesced } from './coalesce.js';
import * as tasks from './tasks.js';
import * as settings from './settings.js';
import { updateSettings } from './settings-change.js';
import type { Settings } from '../domain/method/settings.js';
import type { StoredTask } from './tasks.js';
import * as introductions from './introductions.js';
import type { StoredIntroduction } from './introductions.js';
import * as knows from './knows.js';
import {
  networkMapQuerySchema,
  type Knows,
  type NetworkMap,
  type WhoResult,
} from '../domain/connect/schemas.js';
import { parseOrThrow } from '../domain/errors.js';
import { networkMap } from './network-map.js';
import * as imports from './imports.js';
import * as merge from './merge.js';
import {
  EXPORT_FORMATS,
  exportCalendar,
  exportCsv,
  type ExportFormat,
  exportVcard,
  feedCalendar,
  feedToken,
  feedWorkspace,
  renewFeed,
  revokeFeed,
} from './export.js';
import { exportBackup } from './backup.js';
import type { ImportOptions, ImportReport, ImportRunSummary } from './imports.js';
import { strengthsOf, whoCanHelp } from './who.js';
import type { Strength } from '../domain/connect/strength.js';
import * as ledger from './ledger.js';
import type { LedgerLine, PersonLedger } from './ledger.js';
import { insightsOf } from './insights.js';
import type { NetworkInsights } from '../domain/connect/insights.js';
import { networkGraph, type NetworkGraph } from './ties.js';
import * as accounts from './accounts.js';
import * as teams from './teams.js';
import { emptyTrash, erasePerson } from './erase.js';
import * as views from './views.js';
import type { SavedView } from '../domain/views.js';
import type { Erased } from '../domain/erase.js';

export interface StoreCounts {
  people: number;
  archivedPeople: number;
  organizations: number;
  interactions: number;
  insights: number;
}

export class Store {
  constructor(private readonly ctx: StoreContext) {}

  get dialect(): 'sqlite' | 'postgres' {
    return this.ctx.search.dialect;
  }

  get workspaceId(): string {
    return this.ctx.workspaceId;
  }

  readonly #bound = new Map<string, Store>();

  /**
   * The same database bound to another workspace: the one an authenticated request's account
   * owns. Kept, so each workspace's caches (Today's shared computation) live as long as the store.
   */
  forWorkspace(workspaceId: string): Store {
    if (workspaceId === this.ctx.workspaceId) return this;
    let store = this.#bound.get(workspaceId);
    if (!store) {
      store = new Store({ ...this.ctx, workspaceId });
      this.#bound.set(workspaceId, store);
    }
    return store;
  }

  /** Teams of accounts (store/teams.ts); each call names the account asking. */
  readonly teams = {
    of: (accountId: string) => teams.teamsOf(this.ctx, accountId),
    get: (accountId: string, teamId: string) => teams.teamOf(this.ctx, accountId, teamId),
    create: (accountId: string, name: string) => teams.createTeam(this.ctx, accountId, name),
    addMember: (accountId: string, teamId: string, email: string) =>
      teams.addMember(this.ctx, accountId, teamId, email),
    removeMember: (accountId: string, teamId: string, memberId: string) =>
      teams.removeMember(this.ctx, accountId, teamId, memberId),
    delete: (accountId: string, teamId: string) => teams.deleteTeam(this.ctx, accountId, teamId),
    share: (accountId: string, teamId: string, sharing: boolean) =>
      teams.setSharing(this.ctx, accountId, teamId, sharing),
    /** What sharing teammates' networks answer to a question's terms. */
    answers: (accountId: string, terms: string[], about: string) =>
      teams.teammateAnswers(this.ctx, accountId, terms, about),
  };

  /** Accounts and their credentials: not bound to the workspace (store/accounts.ts). */
  readonly accounts = {
    count: () => accounts.countAccounts(this.ctx),
    list: () => accounts.listAccounts(this.ctx),
    byEmail: (email: string) => accounts.accountByEmail(this.ctx, email),
    byId: (id: string) => accounts.accountById(this.ctx, id),
    create: (input: accounts.NewAccount) => accounts.createAccount(this.ctx, input),
    setPassword: (id: string, hash: string) => accounts.setPassword(this.ctx, id, hash),
    createSession: (session: Parameters<typeof accounts.createSession>[1]) =>
      accounts.createSession(this.ctx, session),
    sessionHolder: (hash: string) => accounts.sessionHolder(this.ctx, hash),
    touchSession: (hash: string, expiresAt: string) =>
      accounts.touchSession(this.ctx, hash, expiresAt),
    deleteSession: (hash: string) => accounts.deleteSession(this.ctx, hash),
    deleteSessions: (accountId: string, keep?: string) =>
      accounts.deleteSessions(this.ctx, accountId, keep),
    listSessions: (accountId: string, current: string | null) =>
      accounts.listSessions(this.ctx, accountId, current),
    createToken: (token: Parameters<typeof accounts.createToken>[1]) =>
      accounts.createToken(this.ctx, token),
    listTokens: (accountId: string) => accounts.listTokens(this.ctx, accountId),
    revokeToken: (accountId: string, id: string) => accounts.revokeToken(this.ctx, accountId, id),
    tokenHolder: (hash: string) => accounts.tokenHolder(this.ctx, hash),
    touchToken: (id: string) => accounts.touchToken(this.ctx, id),
    createInvitation: (invitation: Parameters<typeof accounts.createInvitation>[1]) =>
      accounts.createInvitation(this.ctx, invitation),
    listInvitations: (accountId: string) => accounts.listInvitations(this.ctx, accountId),
    withdrawInvitation: (accountId: string, id: string) =>
      accounts.withdrawInvitation(this.ctx, accountId, id),
    invitationOpen: (hash: string) => accounts.invitationOpen(this.ctx, hash),
    addPasskey: (passkey: Parameters<typeof accounts.addPasskey>[1]) =>
      accounts.addPasskey(this.ctx, passkey),
    passkeysOf: (accountId: string) => accounts.passkeysOf(this.ctx, accountId),
    passkeyById: (id: string) => accounts.passkeyById(this.ctx, id),
    passkeyUsed: (id: string, counter: number) => accounts.passkeyUsed(this.ctx, id, counter),
    removePasskey: (accountId: string, id: string) =>
      accounts.removePasskey(this.ctx, accountId, id),
    putChallenge: (challenge: Parameters<typeof accounts.putChallenge>[1]) =>
      accounts.putChallenge(this.ctx, challenge),
    takeChallenge: (id: string, purpose: string) => accounts.takeChallenge(this.ctx, id, purpose),
    recordFailure: (keys: string[]) => accounts.recordFailure(this.ctx, keys),
    failuresSince: (key: string, since: string) => accounts.failuresSince(this.ctx, key, since),
    clearFailures: (key: string, before: string) => accounts.clearFailures(this.ctx, key, before),
    /** The workspace whose calendar feed has this secret. */
    feedWorkspace: (token: string) => feedWorkspace(this.ctx, token),
  };

  /** The store's clock (fixed in tests). */
  now(): Date {
    return this.ctx.now();
  }

  readonly people = {
    create: (input: unknown): Promise<Person> => people.createPerson(this.ctx, input),
    get: (id: string): Promise<Person> => people.getPerson(this.ctx, id),
    list: (query?: unknown): Promise<PersonPage> => people.listPeople(this.ctx, query),
    update: (id: string, patch: unknown): Promise<Person> =>
      people.updatePerson(this.ctx, id, patch),
    archive: (id: string): Promise<Person> => people.archivePerson(this.ctx, id),
    restore: (id: string): Promise<Person> => people.restorePerson(this.ctx, id),
    /** Tag, untag, archive or restore many people: all or none. */
    bulk: (input: unknown): Promise<PersonBulkResult> => people.bulkPeople(this.ctx, input),
    resolve: (text: string, options?: { archived?: boolean }): Promise<Person> =>
      people.resolvePerson(this.ctx, text, options),
    /** Remove everything about a person for good (`{ confirm: true }`); see erase.ts. */
    erase: (id: string, input: unknown): Promise<Erased> =>
      this.#thenFoldTheLog(() => erasePerson(this.ctx, id, input)),
    /** Erase everyone in the trash (`{ confirm: true }`). */
    emptyTrash: (input: unknown): Promise<Erased> =>
      this.#thenFoldTheLog(() => emptyTrash(this.ctx, input)),
  };

  /**
   * After erasing, SQLite's write-ahead log still holds the pages as they were: folded back
   * into the file and cut to nothing, so no copy of what was erased stays on disk (deleted
   * content itself is zeroed: secure_delete, open-store.ts).
   */
  async #thenFoldTheLog<T>(work: () => Promise<T>): Promise<T> {
    const result = await work();
    if (this.dialect === 'sqlite' && !this.ctx.db.isTransaction)
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.ctx.db);
    return result;
  }

  readonly organizations = {
    create: (input: unknown): Promise<Organization> =>
      organizations.createOrganization(this.ctx, input),
    get: (id: string): Promise<Organization> => organizations.getOrganization(this.ctx, id),
    list: (): Promise<Organization[]> => organizations.listOrganizations(this.ctx),
    update: (id: string, patch: unknown): Promise<Organization> =>
      organizations.updateOrganization(this.ctx, id, patch),
    delete: (id: string): Promise<void> => organizations.deleteOrganization(this.ctx, id),
  };

  readonly interactions = {
    create: (input: unknown): Promise<Interaction> =>
      interactions.createInteraction(this.ctx, input),
    get: (id: string): Promise<Interaction> => interactions.getInteraction(this.ctx, id),
    list: (query?: unknown) => interactions.listInteractions(this.ctx, query),
    /** A change; marked thanked, the chat also thanks the ask it was the meeting of. */
    update: (id: string, patch: unknown): Promise<Interaction> =>
      inTransaction(this.ctx, async (tx) => {
        const changed = await interactions.updateInteraction(tx, id, patch);
        await asks.thankTheAskOfAThankedChat(tx, changed.id);
        return changed;
      }),
    delete: (id: string): Promise<void> => interactions.deleteInteraction(this.ctx, id),
  };

  readonly asks = {
    create: (input: unknown): Promise<StoredAsk> => asks.createAsk(this.ctx, input),
    get: (id: string): Promise<StoredAsk> => asks.getAsk(this.ctx, id),
    list: (query?: unknown): Promise<StoredAsk[]> => asks.listAsks(this.ctx, query),
    /** Mark an ask: { type: 'send' | 'nudge' | 'reply' | 'schedule' | 'meet' | …, at? }. */
    act: (id: string, action: unknown): Promise<StoredAsk> => asks.actOnAsk(this.ctx, id, action),
    moveOnOverdue: (now: string, timeZone: string): Promise<number> =>
      asks.moveOnOverdueAsks(this.ctx, now, timeZone),
    /** The message of an ask, from the user's template for its purpose. */
    draft: (id: string, extra?: { work?: string; topic?: string; organization?: string }) =>
      asks.draftAsk(this.ctx, id, extra),
  };

  readonly campaigns = {
    create: (input: unknown): Promise<CampaignWithProgress> => asks.createCampaign(this.ctx, input),
    list: (): Promise<CampaignWithProgress[]> => asks.listCampaigns(this.ctx),
    resolve: (text: string): Promise<CampaignWithProgress> => asks.resolveCampaign(this.ctx, text),
  };

  readonly settings = {
    get: (): Promise<Settings> => settings.getSettings(this.ctx),
    update: (change: unknown): Promise<Settings> => updateSettings(this.ctx, change),
  };

  /** The People list's saved views. */
  readonly views = {
    list: (): Promise<SavedView[]> => views.listViews(this.ctx),
    get: (wanted: string): Promise<SavedView> => views.getView(this.ctx, wanted),
    save: (input: unknown): Promise<SavedView> => views.saveView(this.ctx, input),
    remove: (wanted: string): Promise<void> => views.removeView(this.ctx, wanted),
  };

  readonly tasks = {
    create: (input: unknown): Promise<StoredTask> => tasks.createTask(this.ctx, input),
    list: (options?: { done?: boolean }): Promise<StoredTask[]> =>
      tasks.listTasks(this.ctx, options),
    complete: (id: string): Promise<StoredTask> => tasks.completeTask(this.ctx, id),
  };

  readonly introductions = {
    /** "Priya introduced me to Tom" (Tom by id, or created from newPerson). */
    receive: (input: unknown): Promise<StoredIntroduction> =>
      introductions.receiveIntroduction(this.ctx, input),
    /** Giving back: propose to introduce A to B, double opt-in. */
    propose: (input: unknown): Promise<StoredIntroduction> =>
      introductions.proposeIntroduction(this.ctx, input),
    act: (id: string, action: unknown): Promise<StoredIntroduction> =>
      introductions.actOnIntroduction(this.ctx, id, action),
    get: (id: string): Promise<StoredIntroduction> => introductions.getIntroduction(this.ctx, id),
    list: (query?: unknown): Promise<StoredIntroduction[]> =>
      introductions.listIntroductions(this.ctx, query),
    /** The next message (ask A, ask B, connect), or the one named. */
    draft: (id: string, message?: unknown) =>
      introductions.draftIntroduction(this.ctx, id, message),
  };

  readonly knows = {
    record: (input: unknown): Promise<Knows> => knows.recordKnows(this.ctx, input),
    forget: (id: string): Promise<void> => knows.forgetKnows(this.ctx, id),
    of: (personId: string): Promise<Knows[]> => knows.knowsOf(this.ctx, personId),
  };

  /** The user's tie to each of these people, explained ("strong — 6 interactions…"). */
  async ties(ids: string[]): Promise<Record<string, Strength>> {
    const strengths = await strengthsOf(this.ctx, ids, this.ctx.now().toISOString());
    return Object.fromEntries(strengths);
  }

  /** Who can help with X: people you know, then warm paths to people you don't yet. */
  who(query: unknown): Promise<WhoResult> {
    return whoCanHelp(this.ctx, query);
  }

  readonly ledger = {
    of: (personId: string): Promise<PersonLedger> => ledger.ledgerFor(this.ctx, personId),
    overview: (): Promise<LedgerLine[]> => ledger.ledgerOverview(this.ctx),
  };

  insights(): Promise<NetworkInsights> {
    return insightsOf(this.ctx);
  }

  /** You, the people you are closest to (up to `limit`), and who knows whom among them. */
  networkMap(query: unknown = {}): Promise<NetworkMap> {
    const { limit } = parseOrThrow(networkMapQuerySchema, query);
    return networkMap(this.ctx, limit);
  }

  /** The in-memory network graph (built or reused), for benchmarks and diagnostics. */
  graph(): Promise<NetworkGraph> {
    return networkGraph(this.ctx, this.ctx.now());
  }

  readonly imports = {
    /**
     * Import a file: an export (LinkedIn, Google, Outlook, vCard, iCalendar) or a Kith backup.
     * A preview with dryRun, else every row in one transaction; a bad row writes nothing.
     */
    contacts: (
      bytes: Uint8Array,
      file: string,
      options: ImportOptions = {},
    ): Promise<ImportReport> => imports.importFile(this.ctx, bytes, file, options),
    runs: (): Promise<ImportRunSummary[]> => imports.listImportRuns(this.ctx),
    undo: (id: string) => imports.undoImport(this.ctx, id),
    /** A person's photo (kept from a vCard), or null. */
    photo: (personId: string) => imports.photoOf(this.ctx, personId),
    /** The originals of text imports repaired for this person, run by run. */
    provenance: (personId: string) => imports.provenanceOf(this.ctx, personId),
  };

  readonly exports = {
    /** Everyone (not the trash) as one vCard 4.0 file. */
    vcard: () => exportVcard(this.ctx),
    /** The whole workspace, losslessly: restoring it into an empty one gives it back. */
    json: () => exportBackup(this.ctx),
    /** People as one CSV row each, for spreadsheets. */
    csv: () => exportCsv(this.ctx),
    /** Scheduled chats, keep-in-touch days and follow-ups as an iCalendar file. */
    ics: () => exportCalendar(this.ctx),
    /** Any format as a file: its text, what it holds in words, its type and extension. */
    file: async (format: ExportFormat) => {
      const described = async (): Promise<{ text: string; count: string }> => {
        if (format === 'json') {
          const backup = await exportBackup(this.ctx);
          const people = backup.tables.person?.length ?? 0;
          return {
            text: `${JSON.stringify(backup, null, 2)}\n`,
            count: `${people} ${people === 1 ? 'person' : 'people'} and everything about them`,
          };
        }
        if (format === 'ics') {
          const { events, text } = await exportCalendar(this.ctx);
          return { text, count: `${events} ${events === 1 ? 'event' : 'events'}` };
        }
        const { people, text } =
          format === 'csv' ? await exportCsv(this.ctx) : await exportVcard(this.ctx);
        return { text, count: `${people} ${people === 1 ? 'person' : 'people'}` };
      };
      return { ...EXPORT_FORMATS[format], ...(await described()) };
    },
  };

  /** Duplicates: pairs that may be one person, merging them, and pairs that are two. */
  readonly merges = {
    suggestions: (limit?: number, options?: { threadMinPeople?: number; page?: number }) =>
      merge.mergeSuggestions(this.ctx, limit, options),
    /** Merge `otherId` into `keepId`: everything of the other moves to the one kept. */
    merge: (keepId: string, otherId: string): Promise<Person> =>
      merge.mergePeople(this.ctx, keepId, otherId),
    dismiss: (a: string, b: string) => merge.dismissSuggestion(this.ctx, a, b),
  };

  /** The calendar feed: a secret address a calendar app subscribes to; renewing revokes the old. */
  readonly feed = {
    token: () => feedToken(this.ctx),
    renew: () => renewFeed(this.ctx),
    revoke: () => revokeFeed(this.ctx),
    calendar: (token: string) => feedCalendar(this.ctx, token),
  };

  /** Push a person's keep-in-touch reminder to a later day: { until: 'YYYY-MM-DD' | null }. */
  snooze(personId: string, input: unknown): Promise<void> {
    return tasks.snoozePerson(this.ctx, personId, input);
  }

  /** The agenda at a moment in a time zone (see domain/method/today.ts). */
  today(now: string, timeZone: string): Promise<Today> {
    return today(this.ctx, now, timeZone);
  }

  /**
   * Today for a door: a given day (nothing written), or now (overdue asks move on first).
   * Many asking at once share one computation begun after they asked (coalesce.ts).
   */
  agenda(request: { date?: string; timeZone?: string; fallbackTimeZone: string }): Promise<Today> {
    return this.#agendas(JSON.stringify(request), () => agendaFor(this.ctx, request));
  }

  readonly #agendas = coalesced<Today>();

  search(query: unknown): Promise<SearchResult> {
    return search(this.ctx, query);
  }

  async bulkLoad(network: NetworkData, onProgress?: BulkProgress): Promise<BulkResult> {
    const result = await bulkLoad(this.ctx, network, onProgress);
    // A large load leaves a large write-ahead log that slows reads until it is folded back.
    if (this.dialect === 'sqlite' && !this.ctx.db.isTransaction) {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.ctx.db);
    }
    return result;
  }

  /** Run several store calls in one transaction. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return inTransaction(this.ctx, (tx) => work(new Store(tx)));
  }

  async counts(): Promise<StoreCounts> {
    const ws = this.ctx.workspaceId;
    const count = async (table: 'organization' | 'interaction' | 'insight') => {
      const row = await this.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', ws)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const peopleRow = await this.ctx.db
      .selectFrom('person')
      .select([
        sql<number | string>`sum(case when archived_at is null then 1 else 0 end)`.as('live'),
        sql<number | string>`sum(case when archived_at is null then 0 else 1 end)`.as('archived'),
      ])
      .where('workspace_id', '=', ws)
      .executeTakeFirstOrThrow();
    return {
      people: Number(peopleRow.live ?? 0),
      archivedPeople: Number(peopleRow.archived ?? 0),
      organizations: await count('organization'),
      interactions: await count('interaction'),
      insights: await count('insight'),
    };
  }

  /** A cheap round trip to the database, for /healthz. */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.ctx.db);
  }

  close(): Promise<void> {
    return this.ctx.db.destroy();
  }
}
