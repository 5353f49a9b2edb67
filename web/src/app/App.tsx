// The app shell: header with search and "log a chat", navigation, the routed screen, and
// the app-wide modals and keyboard shortcuts.
import {
  ActionIcon,
  AppShell,
  Burger,
  Button,
  Group,
  Kbd,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconMessagePlus,
  IconMoon,
  IconSearch,
  IconSun,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { LogInteractionModal } from '../interactions/LogInteractionModal';
import { AddPersonModal } from '../people/AddPersonModal';
import { PeoplePage } from '../people/PeoplePage';
import { PersonPage } from '../person/PersonPage';
import { TrashPage } from '../trash/TrashPage';
import { ActionsContext, type AppActions, type ParticipantChoice } from './actions';
import { CommandPalette } from './CommandPalette';

const NAV = [
  { href: '/people', label: 'People', icon: IconUsers },
  { href: '/trash', label: 'Trash', icon: IconTrash },
];

export function App() {
  const [navOpen, nav] = useDisclosure(false);
  const [location] = useLocation();
  const [logWith, setLogWith] = useState<ParticipantChoice[] | null>(null);
  const [addingPerson, setAddingPerson] = useState(false);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const toggleScheme = () => setColorScheme(scheme === 'dark' ? 'light' : 'dark');

  const actions = useMemo<AppActions>(
    () => ({
      logInteraction: (participants = []) => setLogWith(participants),
      addPerson: () => setAddingPerson(true),
    }),
    [],
  );

  // Single keys work when no field has the focus; Ctrl/Cmd-K opens the palette anywhere.
  useHotkeys([
    ['l', () => actions.logInteraction()],
    ['n', () => actions.addPerson()],
  ]);

  return (
    <ActionsContext.Provider value={actions}>
      <a href="#main" className="kith-skip-link">
        Skip to content
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={navOpen}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
              />
              <UnstyledButton component={Link} href="/people" aria-label="Kith home">
                <Text fw={800} size="lg">
                  Kith
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="default"
                leftSection={<IconSearch size={16} aria-hidden />}
                onClick={() => spotlight.open()}
                aria-keyshortcuts="Control+K Meta+K"
                visibleFrom="xs"
              >
                Search{' '}
                <Kbd ml="xs" size="xs">
                  Ctrl K
                </Kbd>
              </Button>
              <ActionIcon
                variant="default"
                size="lg"
                hiddenFrom="xs"
                onClick={() => spotlight.open()}
                aria-label="Search and commands"
              >
                <IconSearch size={18} aria-hidden />
              </ActionIcon>
              <Tooltip label="Log an interaction (L)">
                <Button
                  leftSection={<IconMessagePlus size={16} aria-hidden />}
                  onClick={() => actions.logInteraction()}
                  aria-keyshortcuts="L"
                >
                  Log<VisuallyHidden> an interaction</VisuallyHidden>
                </Button>
              </Tooltip>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={toggleScheme}
                aria-label={scheme === 'dark' ? 'Use the light theme' : 'Use the dark theme'}
              >
                {scheme === 'dark' ? (
                  <IconSun size={18} aria-hidden />
                ) : (
                  <IconMoon size={18} aria-hidden />
                )}
              </ActionIcon>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main">
          {NAV.map((item) => (
            <NavLink
              key={item.href}
              component={Link}
              href={item.href}
              label={item.label}
              leftSection={<item.icon size={18} aria-hidden />}
              active={location === item.href || location.startsWith(`${item.href}/`)}
              aria-current={location === item.href ? 'page' : undefined}
              onClick={nav.close}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main">
          <Switch>
            <Route path="/">
              <Redirect to="/people" replace />
            </Route>
            <Route path="/people" component={PeoplePage} />
            <Route path="/people/:id">{(params) => <PersonPage id={params.id} />}</Route>
            <Route path="/trash" component={TrashPage} />
            <Route>
              <Text role="alert">There is no page here. Use the navigation to go on.</Text>
            </Route>
          </Switch>
        </AppShell.Main>
      </AppShell>
      <CommandPalette toggleScheme={toggleScheme} />
      <LogInteractionModal
        opened={logWith !== null}
        initialParticipants={logWith ?? []}
        onClose={() => setLogWith(null)}
      />
      <AddPersonModal opened={addingPerson} onClose={() => setAddingPerson(false)} />
    </ActionsContext.Provider>
  );
}
