// The web app's entry: providers (theme, server state, notifications) around the app.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import {
  DEFAULT_THEME,
  MantineProvider,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AuthGate } from './account/AuthGate';
import { ApiError } from './api';
import { prefetchFirstPeoplePage } from './people/usePeopleRows';
import './app/app.css';

const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons above WCAG AA contrast in both themes.
  primaryShade: { light: 8, dark: 8 },
  // Someone who asked their system for less motion gets no transitions.
  respectReducedMotion: true,
  defaultRadius: 'md',
  // The system's own fonts: nothing is fetched from a font service.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
});

/** Mantine's default dimmed and light-variant text colors fall short of 4.5:1; these do not. */
const BADGE_COLORS = ['gray', 'indigo', 'red', 'green', 'pink', 'cyan', 'blue', 'grape'] as const;
const shade = (color: (typeof BADGE_COLORS)[number], index: number) =>
  DEFAULT_THEME.colors[color][index] ?? '';
const lightText = (index: number) =>
  Object.fromEntries(
    BADGE_COLORS.map((c) => [`--mantine-color-${c}-light-color`, shade(c, index)]),
  );
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...lightText(9),
    '--mantine-color-dimmed': shade('gray', 7),
    '--mantine-color-placeholder': shade('gray', 6),
  },
  dark: {
    ...lightText(2),
    '--mantine-color-dimmed': shade('gray', 5),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400) && count < 2,
    },
  },
});

if (window.location.pathname === '/people') {
  prefetchFirstPeoplePage(queryClient);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={contrast}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="bottom-right" />
          <AuthGate>
            <App />
          </AuthGate>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
