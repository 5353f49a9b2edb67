// Ctrl/Cmd-K: jump to a person, log a chat with them, open an interaction, or run an action.
// People and interactions come from the server's full-text search as you type.
import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import {
  IconArrowRight,
  IconMessagePlus,
  IconMessageQuestion,
  IconMoonStars,
  IconSearch,
  IconUser,
  IconUserPlus,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api';
import { useAppActions } from './actions';
import { KIND_LABELS, longDate } from './format';
import { NAV } from './navigation';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
} as const;

interface Command {
  id: string;
  label: string;
  description?: string;
  icon: ReactNode;
  run(): void;
}

export function CommandPalette({ toggleScheme }: { toggleScheme(): void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const [, navigate] = useLocation();
  const actions = useAppActions();
  const results = useQuery({
    queryKey: ['palette-search', debounced],
    queryFn: () => api.search(debounced, 'all', 6),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });

  const commands: Command[] = [
    {
      id: 'log',
      label: 'Log an interaction',
      description: 'A coffee, a call, a message… (L)',
      icon: <IconMessagePlus size={18} aria-hidden />,
      run: () => actions.logInteraction(),
    },
    {
      id: 'add-person',
      label: 'Add a person',
      description: 'Someone new in your network (N)',
      icon: <IconUserPlus size={18} aria-hidden />,
      run: () => actions.addPerson(),
    },
    {
      id: 'ask',
      label: 'Ask someone a question',
      description: 'One specific question, about 30 minutes (A)',
      icon: <IconMessageQuestion size={18} aria-hidden />,
      run: () => actions.newAsk(),
    },
    {
      id: 'theme',
      label: 'Switch between light and dark theme',
      icon: <IconMoonStars size={18} aria-hidden />,
      run: toggleScheme,
    },
    ...NAV.map((place) => ({
      id: place.href,
      label: `Go to ${place.label}`,
      description: place.hint,
      icon: <place.icon size={18} aria-hidden />,
      run: () => navigate(place.href),
    })),
  ];
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matchingCommands = commands.filter((c) =>
    words.every((w) => `${c.label} ${c.description ?? ''}`.toLowerCase().includes(w)),
  );
  const data = debounced.length > 0 ? results.data : undefined;
  const people = data?.people ?? [];
  const interactions = data?.interactions ?? [];
  const first = people[0];

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      // Ctrl/Cmd-K is the app's own shortcut (it loads this palette on first use).
      shortcut={null}
      scrollable
      maxHeight={460}
      // The dialog's name, for screen readers; the search field says the rest.
      title="Search and commands"
      styles={{ header: VISUALLY_HIDDEN }}
    >
      <Spotlight.Search
        placeholder="Find a person, an insight, or an action…"
        leftSection={<IconSearch size={18} aria-hidden />}
        aria-label="Search people, interactions and actions"
      />
      <Spotlight.ActionsList aria-label="Results">
        {people.length > 0 && (
          <Spotlight.ActionsGroup label="People">
            {people.map((p) => (
              <Spotlight.Action
                key={p.id}
                onClick={() => navigate(`/people/${p.id}`)}
                leftSection={<IconUser size={18} aria-hidden />}
                label={p.displayName}
                description={[p.title, p.organization].filter(Boolean).join(' · ') || undefined}
              />
            ))}
            {first && (
              <Spotlight.Action
                onClick={() =>
                  actions.logInteraction([{ id: first.id, displayName: first.displayName }])
                }
                leftSection={<IconMessagePlus size={18} aria-hidden />}
                label={`Log a chat with ${first.displayName}`}
              />
            )}
          </Spotlight.ActionsGroup>
        )}
        {interactions.length > 0 && (
          <Spotlight.ActionsGroup label="Interactions">
            {interactions.map((i) => {
              const who = i.participants[0];
              return (
                <Spotlight.Action
                  key={i.id}
                  onClick={() => who && navigate(`/people/${who.id}#interaction-${i.id}`)}
                  leftSection={<IconArrowRight size={18} aria-hidden />}
                >
                  <div>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500} lineClamp={1}>
                        {i.summary}
                      </Text>
                      <Badge size="xs" variant="light">
                        {KIND_LABELS[i.kind] ?? i.kind}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {longDate(i.occurredAt)} ·{' '}
                      {i.participants.map((p) => p.displayName).join(', ')}
                      {i.matchedInsights[0] ? ` · “${i.matchedInsights[0]}”` : ''}
                    </Text>
                  </div>
                </Spotlight.Action>
              );
            })}
          </Spotlight.ActionsGroup>
        )}
        {matchingCommands.length > 0 && (
          <Spotlight.ActionsGroup label="Actions">
            {matchingCommands.map((c) => (
              <Spotlight.Action
                key={c.id}
                onClick={c.run}
                leftSection={c.icon}
                label={c.label}
                description={c.description}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {people.length + interactions.length + matchingCommands.length === 0 && (
          <Spotlight.Empty>
            {results.isFetching ? 'Searching…' : `Nothing matches “${query.trim()}”.`}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

export default CommandPalette;
