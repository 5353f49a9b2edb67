// The store, for the CLI, on a server: each call the CLI makes is the API request that does the
// same (people.resolve is GET /api/lookup/person…), with the saved token. The server's answers
// and refusals come back as the store's values and KithErrors, so every command prints the same
// whether it ran on a file or on a server.
import { KithError, type ErrorCode } from '../domain/errors.js';
import { findView, type SavedView } from '../domain/views.js';
import type { Remote } from './remote.js';
import type { CliStore } from './context.js';

type Query = Record<string, string | number | boolean | undefined | null>;

const queryString = (query: Query = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};
const at = (id: string) => encodeURIComponent(id);

export class RemoteStore {
  constructor(private readonly remote: Remote) {}

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.remote.url), {
        method,
        headers: {
          authorization: `Bearer ${this.remote.token}`,
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new KithError(
        'busy',
        `The server ${this.remote.url} cannot be reached (${(error as Error).message}). \`kith logout\` goes back to the local database.`,
      );
    }
    if (response.ok) return response;
    const answer = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; field?: string };
    };
    if (response.status === 401)
      throw new KithError(
        'unauthorized',
        `${this.remote.url} refused the saved token (${answer.error?.message ?? 'unauthorized'}): run \`kith login ${this.remote.url}\` again.`,
      );
    throw new KithError(
      (answer.error?.code ?? 'invalid_state') as ErrorCode,
      answer.error?.message ?? `${this.remote.url} answered ${response.status}.`,
      answer.error?.field,
    );
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  private get = <T>(path: string, query?: Query) =>
    this.json<T>('GET', `${path}${queryString(query)}`);

  readonly people = {
    resolve: (text: string, options?: { archived?: boolean }) =>
      this.get('/api/lookup/person', { q: text, archived: options?.archived ? 'true' : undefined }),
    list: (query: Query = {}) => this.get('/api/people', query),
    create: (input: unknown) => this.json('POST', '/api/people', input),
    update: (id: string, patch: unknown) => this.json('PATCH', `/api/people/${at(id)}`, patch),
    archive: (id: string) => this.json('DELETE', `/api/people/${at(id)}`),
    restore: (id: string) => this.json('POST', `/api/people/${at(id)}/restore`),
    bulk: (input: unknown) => this.json('POST', '/api/people/bulk', input),
    erase: (id: string, input: unknown) => this.json('POST', `/api/people/${at(id)}/erase`, input),
    emptyTrash: (input: unknown) => this.json('POST', '/api/trash/empty', input),
  };

  readonly organizations = { list: () => this.get('/api/organizations') };

  readonly views = {
    list: () => this.get('/api/views'),
    get: async (wanted: string) => findView((await this.get('/api/views')) as SavedView[], wanted),
    save: (input: unknown) => this.json('POST', '/api/views', input),
    remove: (wanted: string) => this.json('DELETE', `/api/views/${at(wanted)}`),
  };

  readonly interactions = {
    list: (query: { personId?: string; limit?: number } = {}) =>
      query.personId
        ? this.get(`/api/people/${at(query.personId)}/interactions`, { limit: query.limit })
        : this.get('/api/interactions', query),
    create: (input: unknown) => this.json('POST', '/api/interactions', input),
    update: (id: string, patch: unknown) =>
      this.json('PATCH', `/api/interactions/${at(id)}`, patch),
  };

  readonly asks = {
    list: (query: Query = {}) => this.get('/api/asks', query),
    create: (input: unknown) => this.json('POST', '/api/asks', input),
    get: (id: string) => this.get(`/api/asks/${at(id)}`),
    act: (id: string, action: unknown) => this.json('POST', `/api/asks/${at(id)}/actions`, action),
    draft: (id: string, extra: Query = {}) => this.get(`/api/asks/${at(id)}/draft`, extra),
  };

  readonly campaigns = {
    resolve: (text: string) => this.get('/api/lookup/campaign', { q: text }),
    list: () => this.get('/api/campaigns'),
    create: (input: unknown) => this.json('POST', '/api/campaigns', input),
  };

  readonly settings = {
    get: () => this.get('/api/settings'),
    update: (patch: unknown) => this.json('PATCH', '/api/settings', patch),
  };

  readonly tasks = {
    list: (query: { done?: boolean } = {}) =>
      this.get('/api/tasks', { done: query.done ? 'true' : undefined }),
    create: (input: unknown) => this.json('POST', '/api/tasks', input),
    complete: (id: string) => this.json('POST', `/api/tasks/${at(id)}/done`),
  };

  readonly introductions = {
    list: (query: Query = {}) => this.get('/api/introductions', query),
    get: (id: string) => this.get(`/api/introductions/${at(id)}`),
    propose: (input: unknown) => this.json('POST', '/api/introductions', input),
    receive: (input: unknown) => this.json('POST', '/api/introductions/received', input),
    act: (id: string, action: unknown) =>
      this.json('POST', `/api/introductions/${at(id)}/actions`, action),
    draft: (id: string, message?: string) =>
      this.get(`/api/introductions/${at(id)}/draft`, { message }),
  };

  readonly knows = {
    record: (input: unknown) => this.json('POST', '/api/knows', input),
    of: (id: string) => this.get(`/api/people/${at(id)}/knows`),
  };

  readonly ledger = {
    overview: () => this.get('/api/ledger'),
    of: (id: string) => this.get(`/api/people/${at(id)}/ledger`),
  };

  readonly merges = {
    suggestions: (limit?: number) => this.get('/api/merge-suggestions', { limit }),
    merge: (keepId: string, otherId: string) =>
      this.json('POST', `/api/people/${at(keepId)}/merge`, { otherId }),
    dismiss: (personA: string, personB: string) =>
      this.json('POST', '/api/merge-suggestions/dismiss', { personA, personB }),
  };

  readonly imports = {
    contacts: (bytes: Uint8Array, fileName: string, options: Record<string, unknown> = {}) =>
      this.json('POST', '/api/imports', {
        fileName,
        content: Buffer.from(bytes).toString('base64'),
        ...Object.fromEntries(
          Object.entries(options).filter(
            ([key, value]) => key !== 'onProgress' && value !== undefined,
          ),
        ),
      }),
    runs: () => this.get('/api/imports'),
    undo: (id: string) => this.json('POST', `/api/imports/${at(id)}/undo`),
    provenance: async (id: string) =>
      (await this.get<{ repaired: unknown[] }>(`/api/people/${at(id)}/provenance`)).repaired,
  };

  readonly exports = {
    file: async (format: string) => {
      const response = await this.send('GET', `/api/export${queryString({ format })}`);
      return {
        // As sent: a CSV starts with a byte-order mark for spreadsheets, which text() drops.
        text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
        count: decodeURIComponent(response.headers.get('x-kith-contents') ?? 'the export'),
      };
    },
  };

  readonly feed = {
    token: async () => tokenOf(await this.get<{ path: string | null }>('/api/calendar-feed')),
    renew: async () =>
      tokenOf(await this.json<{ path: string | null }>('POST', '/api/calendar-feed')),
    revoke: () => this.json('DELETE', '/api/calendar-feed'),
  };

  readonly accounts = new Proxy(
    {},
    {
      get: () => () => {
        throw new KithError(
          'invalid_state',
          'Accounts and tokens are managed on the server’s machine, or in Settings in the browser: `kith logout` first to use a local database.',
        );
      },
    },
  );

  who = (query: { q: string; k?: number }) => this.get('/api/who', query);
  search = (query: { q: string; limit?: number }) => this.get('/api/search', query);
  insights = () => this.get('/api/insights');
  counts = () => this.get('/api/stats');
  snooze = (id: string, body: unknown) => this.json('POST', `/api/people/${at(id)}/snooze`, body);
  agenda = (request: { date?: string; timeZone?: string; fallbackTimeZone: string }) =>
    this.get('/api/today', {
      date: request.date,
      timeZone: request.timeZone ?? request.fallbackTimeZone,
    });
  /** Each call is one request the server runs whole; a command's calls follow one another. */
  transaction = <T>(work: (store: CliStore) => Promise<T>) => work(this as unknown as CliStore);
  close = async () => undefined;
  /** The sample network, made by the server in an empty workspace (`kith demo`). */
  sampleNetwork = (size: number) =>
    this.json<{ people: number; interactions: number; insights: number; asks: number }>(
      'POST',
      '/api/demo',
      { size },
    );
}

const tokenOf = (feed: { path: string | null }) =>
  feed.path ? (feed.path.replace(/^\/feeds\//, '').replace(/\.ics$/, '') as string) : null;
