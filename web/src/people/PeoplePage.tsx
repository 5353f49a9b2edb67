// People: everyone in the network in one virtualized table that stays smooth at 100,000
// rows; search as you type, filters, sorting, and bulk tagging or archiving.
import {
  Alert,
  Button,
  Collapse,
  Group,
  Kbd,
  Paper,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconFilter, IconSearch, IconTag, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Strength } from '../../../src/domain/connect/strength.js';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ViewFilter } from '../../../src/domain/views.js';
import { ROLES } from '../../../src/domain/roles.js';
import type { PersonFilter } from '../../../src/domain/person.js';
import { api, ApiError } from '../api';
import { useAppActions } from '../app/actions';
import { relativeDay, ROLE_LABELS } from '../app/format';
import { EmptyNetwork } from '../welcome/EmptyNetwork';
import {
  PAGE_SIZE,
  SEARCH_LIMIT,
  usePeopleRows,
  type PeopleFilters,
  type PersonRow,
} from './usePeopleRows';

const ROW_HEIGHT = 56;
/** "Not contacted in": the choices, in days. */
const QUIET = [
  { value: '', label: 'Any time' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '6 months' },
  { value: '365', label: 'a year' },
];
const SORTS = [
  { value: 'name', label: 'Name' },
  { value: 'last-contact', label: 'Last contact' },
  { value: 'organization', label: 'Organization' },
  { value: 'recent', label: 'Recently added' },
];

export function PeoplePage() {
  const queryClient = useQueryClient();
  const actions = useAppActions();
  const [, navigate] = useLocation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [organization, setOrganization] = useState('');
  const [unit, setUnit] = useState('');
  const [sort, setSort] = useState<PeopleFilters['sort']>('name');
  const [quiet, setQuiet] = useState('');
  // One object per change of a field: the debounce restarts whenever its value is a new object,
  // so a fresh literal on every render (a row's tie arriving, say) would hold the search back.
  const typed = useMemo<PeopleFilters>(
    () => ({ q, role, tag, organization, unit, sort, quietDays: quiet ? Number(quiet) : null }),
    [q, role, tag, organization, unit, sort, quiet],
  );
  // A saved view (/people?view=slug) sets the filters it keeps; they can be changed from there.
  const viewSlug = new URLSearchParams(useSearch()).get('view');
  const views = useQuery({ queryKey: ['views'], queryFn: api.views });
  const view = views.data?.find((v) => v.slug === viewSlug) ?? null;
  // Leaving a view for the whole list (People in the menu) leaves its filters too.
  const hadView = useRef(false);
  useEffect(() => {
    if (viewSlug) hadView.current = true;
    else if (hadView.current) {
      hadView.current = false;
      setRole(null);
      setTag('');
      setOrganization('');
      setUnit('');
      setQuiet('');
      setSort('name');
    }
  }, [viewSlug]);
  useEffect(() => {
    if (!view) return;
    const f = view.filter;
    setRole(f.role ?? null);
    setTag(f.tag ?? '');
    setOrganization(f.organization ?? '');
    setUnit(f.unit ?? '');
    setQuiet(f.quietDays ? String(f.quietDays) : '');
    setSort(f.sort ?? 'name');
  }, [view]);
  const [naming, setNaming] = useState<string | null>(null);
  const currentFilter: ViewFilter = {
    ...(role ? { role: role as ViewFilter['role'] } : {}),
    ...(tag.trim() ? { tag: tag.trim() } : {}),
    ...(organization.trim() ? { organization: organization.trim() } : {}),
    ...(unit.trim() ? { unit: unit.trim() } : {}),
    ...(quiet ? { quietDays: Number(quiet) } : {}),
    ...(sort !== 'name' ? { sort } : {}),
  };
  const saveView = useMutation({
    mutationFn: (name: string) => api.saveView({ name, filter: currentFilter }),
    onSuccess: (saved) => {
      setNaming(null);
      void queryClient.invalidateQueries({ queryKey: ['views'] });
      notifications.show({ message: `Saved the view “${saved.name}”: it is in the menu.` });
      navigate(`/people?view=${encodeURIComponent(saved.slug)}`);
    },
  });
  const forgetView = useMutation({
    mutationFn: (slug: string) => api.forgetView(slug),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['views'] });
      navigate('/people');
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const [filters] = useDebouncedValue(typed, 150);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // "Everyone these filters keep", beyond the rows loaded: the filters as they were chosen.
  const [allMatching, setAllMatching] = useState<string | null>(null);
  const [bulkTag, setBulkTag] = useState('');
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = [role, tag.trim(), organization.trim(), unit.trim(), quiet].filter(
    Boolean,
  ).length;

  useHotkeys([['/', () => searchRef.current?.focus()]]);

  const rows = usePeopleRows(filters, visiblePages);
  const unfiltered =
    rows.mode === 'list' &&
    !filters.role &&
    !filters.tag.trim() &&
    !filters.organization.trim() &&
    !filters.unit.trim() &&
    !filters.quietDays;
  // Counting the whole workspace is only needed to tell an empty network (first run) from
  // one whose people are all in the trash; the list's own total says when to ask.
  const stats = useQuery({
    queryKey: ['stats'],
    queryFn: api.stats,
    enabled: unfiltered && !rows.isLoading && rows.count === 0,
  });
  // The organization names load when the field is first used, not with the screen.
  const [orgsWanted, setOrgsWanted] = useState(false);
  const organizations = useQuery({
    queryKey: ['organizations'],
    queryFn: api.organizations,
    enabled: orgsWanted,
  });
  const [peopleTotal, setPeopleTotal] = useState<number | null>(null);
  if (unfiltered && !rows.isLoading && rows.count !== peopleTotal) setPeopleTotal(rows.count);

  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    onChange: (v) => {
      const items = v.getVirtualItems();
      const firstRow = items[0]?.index ?? 0;
      const lastRow = items[items.length - 1]?.index ?? 0;
      const pages: number[] = [];
      for (let p = Math.floor(firstRow / PAGE_SIZE); p <= Math.floor(lastRow / PAGE_SIZE); p++) {
        pages.push(p);
      }
      setVisiblePages((current) => (current.join() === pages.join() ? current : pages));
    },
  });

  const toggle = useCallback((id: string) => {
    setAllMatching(null);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const openPerson = useCallback((id: string) => navigate(`/people/${id}`), [navigate]);

  // The tie to each person on screen, asked for once the scrolling settles.
  const visibleIds = virtualizer
    .getVirtualItems()
    .map((item) => rows.row(item.index)?.id)
    .filter((id): id is string => !!id);
  const [tieKey] = useDebouncedValue(visibleIds.join(','), 150);
  const ties = useQuery({
    queryKey: ['ties', tieKey],
    queryFn: () => api.ties(tieKey.split(',')),
    enabled: tieKey !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  // The list's filters, as the bulk action names them when everyone matching is chosen.
  const matching = {
    ...(filters.role ? { role: filters.role as PersonFilter['role'] } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.organization.trim() ? { organization: filters.organization.trim() } : {}),
    ...(filters.unit.trim() ? { unit: filters.unit.trim() } : {}),
    ...(filters.quietDays ? { quietDays: filters.quietDays } : {}),
  };
  const matchingKey = rows.mode === 'list' ? JSON.stringify(matching) : null;
  const everyoneMatching = allMatching !== null && allMatching === matchingKey;
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(null);
  };

  const bulk = useMutation({
    mutationFn: (action: 'add-tag' | 'archive') =>
      api.bulkPeople({
        ...(everyoneMatching ? { matching } : { ids: [...selected] }),
        action,
        ...(action === 'add-tag' ? { tag: bulkTag } : {}),
      }),
    onSuccess: (result) => {
      notifications.show({
        message:
          result.action === 'archive'
            ? `${result.changed} moved to the trash. Restore them from Trash.`
            : `Tagged ${result.changed} ${result.changed === 1 ? 'person' : 'people'}.`,
      });
      clearSelection();
      setBulkTag('');
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
  });
  const bulkError = bulk.error instanceof ApiError ? bulk.error : null;

  if (stats.data && stats.data.people === 0 && stats.data.archivedPeople === 0) {
    return <EmptyNetwork />;
  }

  const loadedIds = visibleIds;
  const allShownSelected = loadedIds.length > 0 && loadedIds.every((id) => selected.has(id));
  const someShownSelected = loadedIds.some((id) => selected.has(id));
  const columns = wide ? '44px 2fr 1.5fr 1.5fr 1.6fr 1fr 84px' : '44px 1fr auto';

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {view ? view.name : 'People'}
          {!view && peopleTotal !== null && (
            <Text span c="dimmed" size="md" ml="sm">
              {peopleTotal.toLocaleString()}
            </Text>
          )}
        </Title>
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={actions.addPerson}
          aria-keyshortcuts="N"
        >
          Add person
        </Button>
      </Group>

      <TextInput
        ref={searchRef}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        placeholder="Search names, work, tags, notes…"
        aria-label="Search people"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={wide ? <Kbd size="xs">/</Kbd> : undefined}
        aria-keyshortcuts="/"
        type="search"
        onKeyDown={(e) => {
          const first = rows.row(0);
          if (e.key === 'Enter' && first) navigate(`/people/${first.id}`);
        }}
      />
      {!wide && (
        <Button
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={() => setFiltersOpen((o) => !o)}
          aria-expanded={filtersOpen}
          aria-controls="people-filters"
        >
          {activeFilters > 0 ? `Filters and sorting (${activeFilters} on)` : 'Filters and sorting'}
        </Button>
      )}
      <Collapse expanded={wide || filtersOpen}>
        <SimpleGrid id="people-filters" cols={{ base: 2, md: 6 }} spacing="xs">
          <NativeSelect
            label="Role"
            data={[
              { value: '', label: 'Any role' },
              ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r })),
            ]}
            value={role ?? ''}
            onChange={(e) => setRole(e.currentTarget.value || null)}
          />
          <TextInput
            label="Tag"
            placeholder="Any tag"
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
          />
          <TextInput
            label="Organization"
            placeholder="Any organization"
            list="organization-names"
            onFocus={() => setOrgsWanted(true)}
            value={organization}
            onChange={(e) => setOrganization(e.currentTarget.value)}
          />
          <TextInput
            label="Unit"
            placeholder="Any unit"
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
          />
          <NativeSelect
            label="Not contacted in"
            data={QUIET}
            value={quiet}
            onChange={(e) => setQuiet(e.currentTarget.value)}
          />
          <NativeSelect
            label="Sort by"
            data={SORTS}
            value={sort}
            onChange={(e) => setSort(e.currentTarget.value as PeopleFilters['sort'])}
            disabled={rows.mode === 'search'}
          />
        </SimpleGrid>
        <Group gap="xs" mt="xs" wrap="wrap">
          {naming === null ? (
            <Button
              size="xs"
              variant="default"
              disabled={Object.keys(currentFilter).length === 0}
              onClick={() => setNaming(view?.name ?? '')}
            >
              Save as a view…
            </Button>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                saveView.mutate(naming);
              }}
            >
              <Group gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  size="xs"
                  label="Name of the view"
                  value={naming}
                  onChange={(e) => setNaming(e.currentTarget.value)}
                  error={saveView.error?.message}
                  data-autofocus
                  autoFocus
                />
                <Button size="xs" type="submit" loading={saveView.isPending}>
                  Save
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setNaming(null)}>
                  Cancel
                </Button>
              </Group>
            </form>
          )}
          {view && naming === null && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => forgetView.mutate(view.slug)}
              loading={forgetView.isPending}
            >
              Forget this view
            </Button>
          )}
        </Group>
        <datalist id="organization-names">
          {[...new Set((organizations.data ?? []).map((o) => o.name))].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </Collapse>
      {selected.size > 0 && (
        <Paper withBorder p="xs" role="region" aria-label="Bulk actions">
          <Group gap="xs" wrap="wrap" align="flex-start">
            <Text size="sm" fw={600} mt={6}>
              {everyoneMatching
                ? `All ${rows.count.toLocaleString()} ${unfiltered ? 'people' : 'people that match'} selected`
                : `${selected.size} selected`}
            </Text>
            <TextInput
              size="sm"
              placeholder="tag to add"
              aria-label="Tag to add to the selected people"
              value={bulkTag}
              onChange={(e) => setBulkTag(e.currentTarget.value)}
              error={bulkError?.messageFor('tag')}
            />
            <Button
              size="sm"
              variant="light"
              leftSection={<IconTag size={16} aria-hidden />}
              disabled={!bulkTag.trim()}
              loading={bulk.isPending && bulk.variables === 'add-tag'}
              onClick={() => bulk.mutate('add-tag')}
            >
              Add tag
            </Button>
            <Button
              size="sm"
              variant="light"
              color="red"
              leftSection={<IconArchive size={16} aria-hidden />}
              loading={bulk.isPending && bulk.variables === 'archive'}
              onClick={() => bulk.mutate('archive')}
            >
              Archive
            </Button>
            {!everyoneMatching &&
              matchingKey !== null &&
              allShownSelected &&
              rows.count > selected.size && (
                <Button size="sm" variant="subtle" onClick={() => setAllMatching(matchingKey)}>
                  {`Select all ${rows.count.toLocaleString()} ${unfiltered ? 'people' : 'that match'}`}
                </Button>
              )}
            <Button size="sm" variant="subtle" onClick={clearSelection}>
              Clear selection
            </Button>
          </Group>
          {bulkError && !bulkError.messageFor('tag') && (
            <Text c="red" size="sm" role="alert">
              {bulkError.message}
            </Text>
          )}
        </Paper>
      )}

      {rows.error && (
        <Alert color="red" title="People could not be loaded">
          {rows.error.message}
        </Alert>
      )}
      <Text size="sm" c="dimmed" aria-live="polite">
        {rows.mode === 'search'
          ? rows.count === SEARCH_LIMIT
            ? `The best ${SEARCH_LIMIT} matches, best first`
            : `${rows.count} ${rows.count === 1 ? 'match' : 'matches'}, best first`
          : rows.isLoading
            ? 'Loading…'
            : `${rows.count.toLocaleString()} ${rows.count === 1 ? 'person' : 'people'}`}
      </Text>

      <Paper
        withBorder
        role="table"
        aria-label="People"
        aria-rowcount={rows.count + 1}
        data-results-for={rows.mode === 'search' ? rows.resultsFor : ''}
      >
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className="kith-people-row"
            style={{ gridTemplateColumns: columns, height: 44, cursor: 'default' }}
          >
            <div role="columnheader" className="kith-cell-check">
              <input
                type="checkbox"
                className="kith-checkbox"
                aria-label="Select every person shown"
                checked={allShownSelected}
                ref={(el) => {
                  if (el) el.indeterminate = !allShownSelected && someShownSelected;
                }}
                onChange={() =>
                  setSelected((current) => {
                    const next = new Set(current);
                    for (const id of loadedIds) {
                      if (allShownSelected) next.delete(id);
                      else next.add(id);
                    }
                    return next;
                  })
                }
              />
            </div>
            <Text role="columnheader" size="sm" fw={600}>
              Name
            </Text>
            {wide && (
              <>
                <Text role="columnheader" size="sm" fw={600}>
                  Organization
                </Text>
                <Text role="columnheader" size="sm" fw={600}>
                  Title
                </Text>
                <Text role="columnheader" size="sm" fw={600}>
                  Tags and roles
                </Text>
              </>
            )}
            <Text role="columnheader" size="sm" fw={600} pr="sm">
              Last contact
            </Text>
            {wide && (
              <Text role="columnheader" size="sm" fw={600} pr="sm">
                Tie
              </Text>
            )}
          </div>
        </div>
        <div
          ref={scrollRef}
          role="rowgroup"
          data-testid="people-scroll"
          style={{ height: 'max(320px, calc(100dvh - 430px))', overflow: 'auto' }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const person = rows.row(item.index);
              return (
                <PeopleRow
                  key={item.key}
                  index={item.index}
                  start={item.start}
                  person={person}
                  tie={person ? ties.data?.[person.id] : undefined}
                  wide={wide}
                  columns={columns}
                  selected={!!person && selected.has(person.id)}
                  onToggle={toggle}
                  onOpen={openPerson}
                />
              );
            })}
          </div>
        </div>
      </Paper>
      {!rows.isLoading && rows.count === 0 && (
        <Text p="md" c="dimmed">
          {rows.mode === 'search'
            ? 'Nobody matches this search and these filters.'
            : unfiltered
              ? 'Everyone is in the Trash: restore people from there.'
              : 'Nobody matches these filters.'}
        </Text>
      )}
    </Stack>
  );
}

/**
 * One row, in plain elements rather than components: at 100,000 people the table re-renders
 * as it scrolls and as pages arrive, so rows are memoized and cheap to draw.
 */
const PeopleRow = memo(function PeopleRow(props: {
  index: number;
  start: number;
  person: PersonRow | undefined;
  tie: Strength | undefined;
  wide: boolean;
  columns: string;
  selected: boolean;
  onToggle(id: string): void;
  onOpen(id: string): void;
}) {
  const { person, wide } = props;
  const style = {
    gridTemplateColumns: props.columns,
    height: ROW_HEIGHT,
    transform: `translateY(${props.start}px)`,
  };
  if (!person) {
    return (
      <div
        role="row"
        aria-rowindex={props.index + 2}
        className="kith-people-row kith-people-row-abs"
        data-testid="person-row-loading"
        style={style}
      >
        <div role="cell" className="kith-cell-loading">
          <span className="kith-skeleton" />
          <span className="kith-visually-hidden">Loading</span>
        </div>
      </div>
    );
  }
  const detail =
    person.snippet ??
    (wide ? person.unit : [person.title, person.organization].filter(Boolean).join(' · '));
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className="kith-people-row kith-people-row-abs"
      data-testid="person-row"
      style={style}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('input, a, button')) return;
        props.onOpen(person.id);
      }}
    >
      <div role="cell" className="kith-cell-check">
        <input
          type="checkbox"
          className="kith-checkbox"
          aria-label={`Select ${person.displayName}`}
          checked={props.selected}
          onChange={() => props.onToggle(person.id)}
        />
      </div>
      <div role="cell" className="kith-cell">
        <Link href={`/people/${person.id}`} className="kith-row-name">
          {person.displayName}
        </Link>
        {detail && <div className="kith-row-detail">{detail}</div>}
      </div>
      {wide && (
        <>
          <div role="cell" className="kith-cell">
            {person.organization}
          </div>
          <div role="cell" className="kith-cell">
            {person.title}
          </div>
          <div role="cell" className="kith-cell kith-badges">
            {person.roles.slice(0, 2).map((r) => (
              <span key={r} className="kith-badge kith-badge-role">
                {ROLE_LABELS[r] ?? r}
              </span>
            ))}
            {person.tags.slice(0, 2).map((t) => (
              <span key={t} className="kith-badge">
                {t}
              </span>
            ))}
          </div>
        </>
      )}
      <div role="cell" className="kith-cell kith-row-detail">
        {person.lastContactAt === undefined ? '' : relativeDay(person.lastContactAt)}
      </div>
      {wide && (
        <div role="cell" className="kith-cell kith-row-detail" title={props.tie?.explanation}>
          {props.tie && props.tie.label !== 'none' ? props.tie.label : ''}
        </div>
      )}
    </div>
  );
});
