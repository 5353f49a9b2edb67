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

const { gray, indigo, red } = DEFAULT_THEME.colors;
/** Mantine's default dimmed and light-variant text colors fall short of 4.5:1; these do not. */
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': gray[7],
    '--mantine-color-gray-light-color': gray[8],
    '--mantine-color-indigo-light-color': indigo[9],
    '--mantine-color-red-light-color': red[9],
    '--mantine-color-placeholder': gray[6],
  },
  dark: {
    '--mantine-color-dimmed': gray[5],
    '--mantine-color-gray-light-color': gray[3],
    '--mantine-color-indigo-light-color': indigo[2],
    '--mantine-color-red-light-color': red[3],
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

if (['/', '/people'].includes(window.location.pathname)) {
  prefetchFirstPeoplePage(queryClient);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={contrast}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="bottom-right" />
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
