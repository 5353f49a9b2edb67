// The web app's only way to the server: the HTTP API, typed with the domain's own schemas.
import type { Erased } from '../../src/domain/erase.js';
import type { SavedView, ViewFilter } from '../../src/domain/views.js';
import type { mergeSuggestionSchema } from '../../src/domain/merge/schemas.js';
import type { Interaction, InteractionCreate } from '../../src/domain/interaction.js';
import type {
  Person,
  PersonBulk,
  PersonBulkResult,
  PersonPage,
  PersonPatch,
} from '../../src/domain/person.js';
import type { Organization } from '../../src/domain/organization.js';
import type { SearchResult } from '../../src/domain/search.js';
import type { TodayItem } from '../../src/domain/method/today.js';
import type {
  askActionSchema,
  askCreateSchema,
  askSchema,
  campaignCreateSchema,
  campaignSchema,
  taskSchema,
} from '../../src/domain/method/schemas.js';
import type { settingsSchema } from '../../src/domain/method/settings.js';
import type { Strength } from '../../src/domain/connect/strength.js';
import type {
  importProgressSchema,
  importReportSchema,
  importRunSchema,
  provenanceSchema,
} from '../../src/domain/import/schemas.js';
import type {
  insightsSchema,
  introActionSchema,
  introDraftSchema,
  introMadeSchema,
  introReceivedSchema,
  introductionSchema,
  knowsCreateSchema,
  knowsSchema,
  ledgerSchema,
  NetworkMap,
  WhoResult,
} from '../../src/domain/connect/schemas.js';
import type { z } from 'zod';
import type {
  Account,
  ApiToken,
  AuthState,
  Invitation,
  PasskeyInfo,
  SessionInfo,
} from '../../src/domain/account.js';

export interface FieldIssue {
  field: string;
  message: string;
}

/** An error answer from the API, with the field it concerns when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The message for one field, without the "field: " prefix the API adds. */
  messageFor(field: string): string | undefined {
    const issue = this.issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
    if (issue) return issue.message;
    if (this.field === field || this.field?.startsWith(`${field}.`)) {
      return this.message.replace(/^[\w.]+: /, '');
    }
    return undefined;
  }
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    field?: string;
    details?: { issues?: FieldIssue[] };
  };
}

/**
 * Send a request; a server that cannot be reached is said so in words. Every change is sent as
 * JSON, with a body or without one: the server takes no other kind of write (a form posted by
 * another site's page cannot be JSON).
 */
async function send(method: string, path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'offline', 'The Kith server cannot be reached. Is `kith serve` running?');
  }
}

/** The error a refusing answer carries, with the field it names. */
function errorOf(status: number, body: ErrorBody): ApiError {
  const error = body.error ?? {};
  return new ApiError(
    status,
    error.code ?? 'error',
    error.message ?? `The server answered ${status}.`,
    error.field,
    error.details?.issues ?? [],
  );
}

/** Fired when the server says nobody is signed in (a session ended elsewhere, a new password). */
export const SIGNED_OUT_EVENT = 'kith:signed-out';

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/'))
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw errorOf(response.status, data as ErrorBody);
  }
  return data as T;
}

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface PeopleQuery {
  role?: string;
  tag?: string;
  organization?: string;
  unit?: string;
  quietDays?: number;
  sort?: 'name' | 'recent' | 'organization' | 'last-contact';
  archived?: boolean;
  limit?: number;
  offset?: number;
}

export interface Stats {
  people: number;
  archivedPeople: number;
  organizations: number;
  interactions: number;
  insights: number;
}

export interface InteractionPage {
  items: Interaction[];
  limit: number;
  offset: number;
}

export type Ask = z.infer<typeof askSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type Task = z.infer<typeof taskSchema>;
export type AskAction = z.input<typeof askActionSchema>;
export type AskCreate = z.input<typeof askCreateSchema>;
export type CampaignCreate = z.input<typeof campaignCreateSchema>;

export type Introduction = z.output<typeof introductionSchema>;
export type IntroAction = z.input<typeof introActionSchema>;
export type IntroDraft = z.output<typeof introDraftSchema>;
export type IntroReceived = z.input<typeof introReceivedSchema>;
export type IntroMade = z.input<typeof introMadeSchema>;
export type Knows = z.output<typeof knowsSchema>;
export type KnowsCreate = z.input<typeof knowsCreateSchema>;
export type Ledger = z.output<typeof ledgerSchema>;
export type Insights = z.output<typeof insightsSchema>;
export type { NetworkMap, WhoResult };
export type ImportReport = z.output<typeof importReportSchema>;
export type ImportRun = z.output<typeof importRunSchema>;
export type ImportProgress = z.output<typeof importProgressSchema>;
export type Provenance = z.output<typeof provenanceSchema>;
export type MergeSuggestion = z.output<typeof mergeSuggestionSchema>;

export interface Today {
  date: string;
  timeZone: string;
  items: TodayItem[];
}

/** The browser's own time zone: days in the agenda are the user's days. */
export type { Account, ApiToken, AuthState, Invitation, PasskeyInfo, SessionInfo };
export type { Team, TeammateAnswer } from '../../src/domain/connect/team.js';
import type { Team } from '../../src/domain/connect/team.js';
export interface Ceremony {
  challengeId: string;
  options: Record<string, unknown>;
}

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A file to import and how: its photos kept or not, a calendar's recurring events between two days. */
export interface ImportInput {
  fileName: string;
  content: string;
  keepPhotos?: boolean;
  recurringFrom?: string;
  recurringTo?: string;
}

export const api = {
  stats: () => request<Stats>('GET', '/api/stats'),
  organizations: () => request<Organization[]>('GET', '/api/organizations'),
  people: (query: PeopleQuery) =>
    request<PersonPage>('GET', `/api/people${queryString({ ...query })}`),
  person: (id: string) => request<Person>('GET', `/api/people/${encodeURIComponent(id)}`),
  createPerson: (input: PersonPatch & { displayName: string }) =>
    request<Person>('POST', '/api/people', input),
  updatePerson: (id: string, patch: PersonPatch) =>
    request<Person>('PATCH', `/api/people/${encodeURIComponent(id)}`, patch),
  archivePerson: (id: string) => request<Person>('DELETE', `/api/people/${encodeURIComponent(id)}`),
  restorePerson: (id: string) =>
    request<Person>('POST', `/api/people/${encodeURIComponent(id)}/restore`, {}),
  /** For good, with no undo: the dialog asked first. */
  erasePerson: (id: string) =>
    request<Erased>('POST', `/api/people/${encodeURIComponent(id)}/erase`, { confirm: true }),
  emptyTrash: () => request<Erased>('POST', '/api/trash/empty', { confirm: true }),
  views: () => request<SavedView[]>('GET', '/api/views'),
  saveView: (view: { name: string; filter: ViewFilter }) =>
    request<SavedView>('POST', '/api/views', view),
  forgetView: (slug: string) => request<void>('DELETE', `/api/views/${encodeURIComponent(slug)}`),
  bulkPeople: (bulk: PersonBulk) => request<PersonBulkResult>('POST', '/api/people/bulk', bulk),
  personInteractions: (id: string, limit = 100, offset = 0) =>
    request<InteractionPage>(
      'GET',
      `/api/people/${encodeURIComponent(id)}/interactions${queryString({ limit, offset })}`,
    ),
  updateInteraction: (id: string, input: InteractionCreate) =>
    request<Interaction>('PATCH', `/api/interactions/${encodeURIComponent(id)}`, input),
  /** A chat's thank-you: sent, or not needed after all. */
  thankYou: (id: string, thankYou: 'thanked' | 'not-needed') =>
    request<Interaction>('PATCH', `/api/interactions/${encodeURIComponent(id)}`, { thankYou }),
  createInteraction: (input: InteractionCreate) =>
    request<Interaction>('POST', '/api/interactions', input),
  search: (q: string, scope: 'all' | 'people' | 'interactions' = 'all', limit = 20) =>
    request<SearchResult>('GET', `/api/search${queryString({ q, in: scope, limit })}`),
  today: (date: string | undefined, timeZone: string) =>
    request<Today>('GET', `/api/today${queryString({ date, timeZone })}`),
  settings: () => request<Settings>('GET', '/api/settings'),
  updateSettings: (change: Partial<Settings>) =>
    request<Settings>('PATCH', '/api/settings', change),
  asks: (
    query: {
      state?: string;
      campaignId?: string;
      personId?: string;
      direction?: 'outgoing' | 'incoming';
      limit?: number;
    } = {},
  ) => request<Ask[]>('GET', `/api/asks${queryString({ limit: 1000, ...query })}`),
  ask: (id: string) => request<Ask>('GET', `/api/asks/${encodeURIComponent(id)}`),
  createAsk: (input: AskCreate) => request<Ask>('POST', '/api/asks', input),
  actOnAsk: (id: string, action: AskAction) =>
    request<Ask>('POST', `/api/asks/${encodeURIComponent(id)}/actions`, action),
  draft: (id: string, extra: { work?: string; topic?: string; organization?: string } = {}) =>
    request<{ text: string; missing: string[] }>(
      'GET',
      `/api/asks/${encodeURIComponent(id)}/draft${queryString(extra)}`,
    ),
  campaigns: () => request<Campaign[]>('GET', '/api/campaigns'),
  createCampaign: (input: CampaignCreate) => request<Campaign>('POST', '/api/campaigns', input),
  completeTask: (id: string) =>
    request<Task>('POST', `/api/tasks/${encodeURIComponent(id)}/done`, {}),
  snooze: (personId: string, until: string | null) =>
    request<unknown>('POST', `/api/people/${encodeURIComponent(personId)}/snooze`, { until }),
  introductions: (query: { kind?: 'made' | 'received'; state?: string; personId?: string } = {}) =>
    request<Introduction[]>('GET', `/api/introductions${queryString(query)}`),
  receiveIntroduction: (input: IntroReceived) =>
    request<Introduction>('POST', '/api/introductions/received', input),
  proposeIntroduction: (input: IntroMade) =>
    request<Introduction>('POST', '/api/introductions', input),
  actOnIntroduction: (id: string, action: IntroAction) =>
    request<Introduction>('POST', `/api/introductions/${encodeURIComponent(id)}/actions`, action),
  introductionDraft: (id: string) =>
    request<IntroDraft>('GET', `/api/introductions/${encodeURIComponent(id)}/draft`),
  knowsOf: (personId: string) =>
    request<Knows[]>('GET', `/api/people/${encodeURIComponent(personId)}/knows`),
  recordKnows: (input: KnowsCreate) => request<Knows>('POST', '/api/knows', input),
  forgetKnows: (id: string) => request<undefined>('DELETE', `/api/knows/${encodeURIComponent(id)}`),
  ties: (ids: string[]) =>
    request<Record<string, Strength>>('GET', `/api/ties${queryString({ ids: ids.join(',') })}`),
  who: (q: string, k = 3) => request<WhoResult>('GET', `/api/who${queryString({ q, k })}`),
  ledger: (personId: string) =>
    request<Ledger>('GET', `/api/people/${encodeURIComponent(personId)}/ledger`),
  insights: () => request<Insights>('GET', '/api/insights'),
  networkMap: (limit?: number) =>
    request<NetworkMap>('GET', `/api/network${queryString({ limit })}`),
  importContacts: (input: ImportInput & { dryRun?: boolean }) =>
    request<ImportReport>('POST', '/api/imports', input),
  imports: () => request<ImportRun[]>('GET', '/api/imports'),
  provenance: (personId: string) =>
    request<Provenance>('GET', `/api/people/${encodeURIComponent(personId)}/provenance`),
  /** The import, with its progress as it goes (newline-delimited JSON from the server). */
  importWithProgress: async (
    input: ImportInput,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportReport> => {
    const response = await send('POST', '/api/imports/stream', input);
    if (!response.ok || !response.body)
      throw errorOf(response.status, (await response.json().catch(() => ({}))) as ErrorBody);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffer += value ?? '';
      const lines = buffer.split('\n');
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines.filter((l) => l.trim())) {
        const message = JSON.parse(line) as
          ImportProgress | { result: ImportReport } | Required<Pick<ErrorBody, 'error'>>;
        if ('result' in message) return message.result;
        if ('error' in message) throw errorOf(400, message);
        onProgress(message);
      }
      if (done) throw new ApiError(0, 'error', 'The import stopped before it finished.');
    }
  },
  undoImport: (id: string) =>
    request<{ runId: string; archived: number; restored: number; activities: number }>(
      'POST',
      `/api/imports/${encodeURIComponent(id)}/undo`,
      {},
    ),
  mergeSuggestions: () => request<MergeSuggestion[]>('GET', '/api/merge-suggestions'),
  mergePeople: (keepId: string, otherId: string) =>
    request<Person>('POST', `/api/people/${encodeURIComponent(keepId)}/merge`, { otherId }),
  dismissDuplicate: (personA: string, personB: string) =>
    request<void>('POST', '/api/merge-suggestions/dismiss', { personA, personB }),
  calendarFeed: () => request<{ path: string | null }>('GET', '/api/calendar-feed'),
  renewCalendarFeed: () => request<{ path: string | null }>('POST', '/api/calendar-feed'),
  revokeCalendarFeed: () => request<void>('DELETE', '/api/calendar-feed'),
  loadDemo: () =>
    request<{ people: number; interactions: number; asks: number }>('POST', '/api/demo', {}),
  // Accounts (a server started with --accounts)
  authState: () => request<AuthState>('GET', '/api/auth/session'),
  signUp: (input: { email: string; name: string; password: string; invitation?: string }) =>
    request<AuthState>('POST', '/api/auth/sign-up', input),
  signIn: (input: { email: string; password: string }) =>
    request<AuthState>('POST', '/api/auth/sign-in', input),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  signOutEverywhere: () => request<{ ended: number }>('POST', '/api/auth/sign-out-everywhere'),
  invitationFor: (token: string) =>
    request<{ email: string | null }>('GET', `/api/auth/invitation${queryString({ token })}`),
  changePassword: (input: { current: string; password: string }) =>
    request<void>('POST', '/api/auth/password', input),
  sessions: () => request<SessionInfo[]>('GET', '/api/auth/sessions'),
  tokens: () => request<ApiToken[]>('GET', '/api/tokens'),
  createToken: (input: { name: string; readOnly: boolean }) =>
    request<ApiToken & { token: string }>('POST', '/api/tokens', input),
  revokeToken: (id: string) => request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
  invitations: () => request<Invitation[]>('GET', '/api/invitations'),
  invite: (email?: string) =>
    request<Invitation & { url: string }>('POST', '/api/invitations', email ? { email } : {}),
  withdrawInvitation: (id: string) =>
    request<void>('DELETE', `/api/invitations/${encodeURIComponent(id)}`),
  passkeys: () => request<PasskeyInfo[]>('GET', '/api/auth/passkeys'),
  beginPasskey: () => request<Ceremony>('POST', '/api/auth/passkeys/registration'),
  addPasskey: (input: { challengeId: string; name: string; credential: unknown }) =>
    request<PasskeyInfo>('POST', '/api/auth/passkeys', input),
  removePasskey: (id: string) =>
    request<void>('DELETE', `/api/auth/passkeys/${encodeURIComponent(id)}`),
  beginPasskeySignIn: () => request<Ceremony>('POST', '/api/auth/passkeys/authentication'),
  passkeySignIn: (input: { challengeId: string; credential: unknown }) =>
    request<{ signedIn: true }>('POST', '/api/auth/passkeys/sign-in', input),
  teams: () => request<Team[]>('GET', '/api/teams'),
  createTeam: (name: string) => request<Team>('POST', '/api/teams', { name }),
  deleteTeam: (id: string) => request<void>('DELETE', `/api/teams/${encodeURIComponent(id)}`),
  addTeamMember: (id: string, email: string) =>
    request<Team>('POST', `/api/teams/${encodeURIComponent(id)}/members`, { email }),
  removeTeamMember: (id: string, accountId: string) =>
    request<void>(
      'DELETE',
      `/api/teams/${encodeURIComponent(id)}/members/${encodeURIComponent(accountId)}`,
    ),
  shareWithTeam: (id: string, sharing: boolean) =>
    request<Team>('POST', `/api/teams/${encodeURIComponent(id)}/sharing`, { sharing }),
};
