// Rows for the People table. Without a search: the server's list, fetched page by page as
// rows scroll into view, so 100,000 people cost a few small requests. With a search: the
// server's ranked full-text hits, narrowed by the same filters.
import { keepPreviousData, useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import type { PersonHit } from '../../../src/domain/search.js';
import { api, type PeopleQuery } from '../api';

export const PAGE_SIZE = 100;
/** How many ranked hits a search brings before the filters narrow them. */
export const SEARCH_LIMIT = 100;

export interface PeopleFilters {
  q: string;
  role: string | null;
  tag: string;
  organization: string;
  unit: string;
  /** Not contacted in this many days (or never); null: anyone. */
  quietDays: number | null;
  sort: NonNullable<PeopleQuery['sort']>;
}

export interface PersonRow {
  id: string;
  displayName: string;
  organization: string | null;
  title: string | null;
  unit: string | null;
  tags: string[];
  roles: string[];
  lastContactAt?: string | null;
  snippet?: string | null;
}

export interface PeopleRows {
  mode: 'list' | 'search';
  /** The search the shown rows answer (it lags the typed text while a request is out). */
  resultsFor?: string;
  count: number;
  /** The row at an index, or undefined while its page is loading. */
  row(index: number): PersonRow | undefined;
  isLoading: boolean;
  error: Error | null;
}

const norm = (s: string) => s.trim().toLowerCase();

const listKey = (query: PeopleQuery, page: number) => ['people', 'list', query, page] as const;
const fetchPage = (query: PeopleQuery, page: number) =>
  api.people({ ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE });

/** Ask for the first page before React has rendered anything: the request and the
 * app's start-up then overlap. */
export function prefetchFirstPeoplePage(queryClient: QueryClient): void {
  const query: PeopleQuery = { sort: 'name' };
  void queryClient.prefetchQuery({
    queryKey: listKey(query, 0),
    queryFn: () => fetchPage(query, 0),
  });
}

/** The moment before which a last contact counts as quiet, for the days given. */
const quietSince = (days: number) => Date.now() - days * 86_400_000;

function fitsFilters(hit: PersonHit, f: PeopleFilters): boolean {
  if (f.role && !hit.roles.includes(f.role as never)) return false;
  if (f.tag && !hit.tags.includes(norm(f.tag))) return false;
  if (f.organization && norm(hit.organization ?? '') !== norm(f.organization)) return false;
  if (f.unit && norm(hit.unit ?? '') !== norm(f.unit)) return false;
  if (f.quietDays && hit.lastContactAt && Date.parse(hit.lastContactAt) >= quietSince(f.quietDays))
    return false;
  return true;
}

export function usePeopleRows(filters: PeopleFilters, visiblePages: number[]): PeopleRows {
  const searching = filters.q.trim().length > 0;
  const listQuery: PeopleQuery = {
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.organization.trim() ? { organization: filters.organization.trim() } : {}),
    ...(filters.unit.trim() ? { unit: filters.unit.trim() } : {}),
    ...(filters.quietDays ? { quietDays: filters.quietDays } : {}),
    sort: filters.sort,
  };
  const pages = useQueries({
    queries: (searching ? [] : [0, ...visiblePages.filter((p) => p !== 0)]).map((page) => ({
      queryKey: listKey(listQuery, page),
      queryFn: () => fetchPage(listQuery, page),
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
  const search = useQuery({
    queryKey: ['people', 'search', filters.q.trim()],
    queryFn: () => api.search(filters.q.trim(), 'people', SEARCH_LIMIT),
    enabled: searching,
    placeholderData: keepPreviousData,
  });

  if (searching) {
    const hits = (search.data?.people ?? []).filter((h) => fitsFilters(h, filters));
    return {
      mode: 'search',
      resultsFor: search.data?.query ?? '',
      count: hits.length,
      row: (i) => hits[i],
      isLoading: search.isLoading,
      error: search.error,
    };
  }
  const byPage = new Map<number, PersonRow[]>();
  const pageNumbers = [0, ...visiblePages.filter((p) => p !== 0)];
  pages.forEach((result, i) => {
    const page = pageNumbers[i];
    if (result.data && page !== undefined) {
      byPage.set(
        page,
        result.data.items.map((p) => ({
          id: p.id,
          displayName: p.displayName,
          organization: p.organization?.name ?? null,
          title: p.title,
          unit: p.unit,
          tags: p.tags,
          roles: p.roles,
          lastContactAt: p.lastContactAt,
        })),
      );
    }
  });
  const first = pages[0];
  return {
    mode: 'list',
    count: first?.data?.total ?? 0,
    row: (i) => byPage.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    isLoading: first?.isLoading ?? true,
    error: pages.find((p) => p.error)?.error ?? null,
  };
}
