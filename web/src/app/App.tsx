// The app shell: header with search and "log a chat", navigation, the routed screen, and
// the app-wide modals and keyboard shortcuts.
import {
  ActionIcon,
  AppShell,
  Burger,
  Button,
  Group,
  Kbd,
  Loader,
  NavLink,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { spotlight } from '@mantine/spotlight';
import { IconMessagePlus, IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { Fragment, lazy, Suspense, useMemo, useState } from 'react';
import { Link, Route, Switch, useLocation, useSearch } from 'wouter';
import { PeoplePage } from '../people/PeoplePage';
import type { Interaction } from '../../../src/domain/interaction.js';
import { NAV } from './navigation';
import { SavedViewLinks } from './SavedViewLinks';
import { ActionsContext, type AppActions, type ParticipantChoice } from './actions';
import { savedMessage } from '../asks/saved-message';

// Loaded when first needed, so the People screen's script stays small and starts fast.
const PersonPage = lazy(() => import('../person/PersonPage'));
const TrashPage = lazy(() => import('../trash/TrashPage'));
const LogInteractionModal = lazy(() => import('../interactions/LogInteractionModal'));
const AddPersonModal = lazy(() => import('../people/AddPersonModal'));
const CommandPalette = lazy(() => import('./CommandPalette'));
const TodayPage = lazy(() => import('../today/TodayPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const AsksBoard = lazy(() => import('../asks/AsksBoard'));
const CampaignsPage = lazy(() =>
  import('../campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import('../campaigns/CampaignsPage').then((m) => ({ default: m.CampaignPage })),
);
const IntroductionsPage = lazy(() =>
  import('../introductions/IntroductionsPage').then((m) => ({ default: m.IntroductionsPage })),
);
const WhoPage = lazy(() => import('../who/WhoPage').then((m) => ({ default: m.WhoPage })));
const InsightsPage = lazy(() =>
  import('../insights/InsightsPage').then((m) => ({ default: m.InsightsPage })),
);
// The map's graph libraries (sigma, graphology) load only with it.
const NetworkMapPage = lazy(() =>
  import('../network/NetworkMapPage').then((m) => ({ default: m.NetworkMapPage })),
);
const DuplicatesPage = lazy(() =>
  import('../duplicates/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })),
);
const ImportPage = lazy(() =>
  import('../imports/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const NewAskModal = lazy(() =>
  import('../asks/NewAskModal').then((m) => ({ default: m.NewAskModal })),
);

export function App() {
  const [navOpen, nav] = useDisclosure(false);
  const queryClient = useQueryClient();
  const [location] = useLocation();
  // The saved view the People list shows, if any (?view=slug).
  const viewing = new URLSearchParams(useSearch()).get('view');
  const [logWith, setLogWith] = useState<ParticipantChoice[] | null>(null);
  const [addingPerson, setAddingPerson] = useState(false);
  const [editing, setEditing] = useState<Interaction | null>(null);
  const [asking, setAsking] = useState(false);
  // The palette's code loads on its first use; its open state lives in Spotlight's store,
  // so asking it to open before the code has arrived still opens it.
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const openPalette = () => {
    setPaletteLoaded(true);
    spotlight.open();
  };
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const toggleScheme = () => setColorScheme(scheme === 'dark' ? 'light' : 'dark');

  const actions = useMemo<AppActions>(
    () => ({
      logInteraction: (participants = []) => setLogWith(participants),
      editInteraction: (interaction) => setEditing(interaction),
      addPerson: () => setAddingPerson(true),
      newAsk: () => setAsking(true),
    }),
    [],
  );

  // Single keys work when no field has the focus; Ctrl/Cmd-K opens the palette anywhere.
  useHotkeys([
    ['l', () => actions.logInteraction()],
    ['n', () => actions.addPerson()],
    ['a', () => actions.newAsk()],
    ['mod+K', openPalette],
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
              <UnstyledButton component={Link} href="/" aria-label="Kith: Today">
                <Text fw={800} size="lg">
                  Kith
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="default"
                leftSection={<IconSearch size={16} aria-hidden />}
                onClick={openPalette}
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
                onClick={openPalette}
                aria-label="Search and commands"
              >
                <IconSearch size={18} aria-hidden />
              </ActionIcon>
              <Button
                leftSection={<IconMessagePlus size={16} aria-hidden />}
                onClick={() => actions.logInteraction()}
                aria-keyshortcuts="L"
                title="Log an interaction (L)"
              >
                Log<VisuallyHidden> an interaction</VisuallyHidden>
              </Button>
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
            <Fragment key={item.href}>
              <NavLink
                component={Link}
                href={item.href}
                label={item.label}
                leftSection={<item.icon size={18} aria-hidden />}
                active={
                  (location === item.href && !(item.href === '/people' && viewing)) ||
                  (item.href !== '/' && location.startsWith(`${item.href}/`))
                }
                aria-current={location === item.href && !viewing ? 'page' : undefined}
                onClick={nav.close}
              />
              {item.href === '/people' && (
                <SavedViewLinks
                  current={location === '/people' ? viewing : null}
                  onNavigate={nav.close}
                />
              )}
            </Fragment>
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main">
          <Suspense fallback={<Loader aria-label="Loading" />}>
            <Switch>
              <Route path="/" component={TodayPage} />
              <Route path="/people" component={PeoplePage} />
              <Route path="/people/:id">{(params) => <PersonPage id={params.id} />}</Route>
              <Route path="/trash" component={TrashPage} />
              <Route path="/introductions" component={IntroductionsPage} />
              <Route path="/who" component={WhoPage} />
              <Route path="/insights" component={InsightsPage} />
              <Route path="/network" component={NetworkMapPage} />
              <Route path="/import" component={ImportPage} />
              <Route path="/duplicates" component={DuplicatesPage} />
              <Route path="/asks" component={AsksBoard} />
              <Route path="/settings" component={SettingsPage} />
              <Route path="/campaigns" component={CampaignsPage} />
              <Route path="/campaigns/:id">{(params) => <CampaignPage id={params.id} />}</Route>
              <Route>
                <Text role="alert">There is no page here. Use the navigation to go on.</Text>
              </Route>
            </Switch>
          </Suspense>
        </AppShell.Main>
      </AppShell>
      <Suspense>
        {paletteLoaded && <CommandPalette toggleScheme={toggleScheme} />}
        {logWith !== null && (
          <LogInteractionModal initialParticipants={logWith} onClose={() => setLogWith(null)} />
        )}
        {editing && (
          <LogInteractionModal
            initialParticipants={[]}
            editing={editing}
            onClose={() => setEditing(null)}
          />
        )}
        {addingPerson && <AddPersonModal onClose={() => setAddingPerson(false)} />}
        {asking && (
          <NewAskModal
            defaults={{}}
            onClose={() => setAsking(false)}
            onCreated={(ask) => {
              setAsking(false);
              notifications.show({ message: savedMessage(ask) });
              void queryClient.invalidateQueries({ queryKey: ['asks'] });
              void queryClient.invalidateQueries({ queryKey: ['today'] });
            }}
          />
        )}
      </Suspense>
    </ActionsContext.Provider>
  );
}
