// Choose one or more people by typing part of a name: the server's search finds them.
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import type { ParticipantChoice } from '../app/actions';

export function PersonPicker(props: {
  label: string;
  value: ParticipantChoice[];
  onChange(value: ParticipantChoice[]): void;
  error?: string | undefined;
  autoFocus?: boolean;
  /** Marked required (the default); an optional part of a form says it is not. */
  required?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 120);
  const found = useQuery({
    queryKey: ['picker', debounced],
    queryFn: () => api.search(debounced, 'people', 10),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const known = new Map(props.value.map((p) => [p.id, p.displayName]));
  const options = new Map(known);
  if (debounced.length > 0) {
    for (const hit of found.data?.people ?? []) {
      const detail = [hit.title, hit.organization].filter(Boolean).join(', ');
      options.set(hit.id, detail ? `${hit.displayName} (${detail})` : hit.displayName);
    }
  }
  return (
    <MultiSelect
      label={props.label}
      required={props.required ?? true}
      searchable
      data-autofocus={props.autoFocus ? true : undefined}
      placeholder={props.value.length === 0 ? 'Type a name' : undefined}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched; show its answers as they are.
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced ? (found.isFetching ? 'Searching…' : 'Nobody found') : null}
      data={[...options].map(([value, label]) => ({ value, label }))}
      value={props.value.map((p) => p.id)}
      onChange={(ids) => {
        props.onChange(
          ids.map((id) => ({
            id,
            displayName: known.get(id) ?? (options.get(id) ?? id).replace(/ \(.*\)$/, ''),
          })),
        );
        setSearch('');
      }}
      error={props.error}
    />
  );
}
