// Every screen, at 1280 px and 375 px, in the light and the dark theme: an axe-core audit
// with zero serious or critical violations, no console errors, no request that leaves the
// local server, and a screenshot in test-artifacts/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foreignRequests,
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
} from './browser.js';

interface Screen {
  name: string;
  /** Brings the page to the screen and waits until it is there. */
  open(page: Page): Promise<void>;
}

let personId = '';
let campaignId = '';

const SCREENS: Screen[] = [
  {
    name: 'today',
    open: async (page) => {
      await page.goto(new URL('/', page.url()).href);
      await page.getByRole('list', { name: 'Agenda' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'asks',
    open: async (page) => {
      await page.goto(new URL('/asks', page.url()).href);
      await page.getByTestId('ask-card').first().waitFor();
    },
  },
  {
    name: 'new-ask',
    open: async (page) => {
      await page.getByRole('button', { name: 'New ask' }).click();
      await page.getByRole('dialog', { name: 'Ask one specific question' }).waitFor();
    },
  },
  {
    name: 'campaigns',
    open: async (page) => {
      await page.goto(new URL('/campaigns', page.url()).href);
      await page.getByRole('link', { name: 'Explore independent consulting' }).waitFor();
    },
  },
  {
    name: 'campaign',
    open: async (page) => {
      await page.goto(new URL(`/campaigns/${campaignId}`, page.url()).href);
      await page.getByRole('img', { name: /^Asked \d+, replied/ }).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
    },
  },
  {
    name: 'people',
    open: async (page) => {
      await page.goto(new URL('/people', page.url()).href);
      await page.getByRole('heading', { name: 'People' }).waitFor();
      await page.getByTestId('person-row').first().waitFor();
    },
  },
  {
    name: 'people-search',
    open: async (page) => {
      await page.getByRole('searchbox', { name: 'Search people' }).fill('finance');
      await page.getByText(/match/).first().waitFor();
      await page.getByTestId('person-row').first().waitFor();
    },
  },
  {
    name: 'person',
    open: async (page) => {
      await page.goto(new URL(`/people/${personId}`, page.url()).href);
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      await page.getByRole('list', { name: 'Insights' }).first().waitFor();
    },
  },
  {
    name: 'log-interaction',
    open: async (page) => {
      await page.getByRole('button', { name: 'Log a chat' }).click();
      await page.getByRole('dialog', { name: 'Log an interaction' }).waitFor();
    },
  },
  {
    name: 'add-person',
    open: async (page) => {
      await page.goto(new URL('/people', page.url()).href);
      await page.getByRole('button', { name: 'Add person' }).click();
      await page.getByRole('dialog', { name: 'Add a person' }).waitFor();
    },
  },
  {
    // A dialog typed into, asked to close: it asks before throwing the typing away.
    name: 'discard-typing',
    open: async (page) => {
      await page.goto(new URL('/people', page.url()).href);
      await page.getByRole('button', { name: 'Add person' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a person' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Half Typed');
      await page.keyboard.press('Escape');
      await dialog.getByRole('alert', { name: 'Close without saving?' }).waitFor();
    },
  },
  {
    name: 'command-palette',
    open: async (page) => {
      await page.goto(new URL('/people', page.url()).href);
      await page.getByTestId('person-row').first().waitFor();
      await page.keyboard.press('Control+k');
      await page
        .getByRole('textbox', { name: 'Search people, interactions and actions' })
        .fill('tax');
      await page.getByRole('button', { name: /^Log a chat with / }).waitFor();
    },
  },
  {
    name: 'introductions',
    open: async (page) => {
      await page.goto(new URL('/introductions', page.url()).href);
      await page.getByTestId('introduction').first().waitFor();
    },
  },
  {
    name: 'introduce-two',
    open: async (page) => {
      await page.getByRole('button', { name: 'Introduce two people' }).click();
      await page.getByRole('dialog', { name: 'Introduce two people' }).waitFor();
    },
  },
  {
    name: 'who',
    open: async (page) => {
      await page.goto(new URL('/who?q=finance', page.url()).href);
      await page.getByTestId('who-direct').first().waitFor();
      await page.getByTestId('who-path').first().waitFor();
    },
  },
  {
    name: 'insights',
    open: async (page) => {
      await page.goto(new URL('/insights', page.url()).href);
      await page.getByRole('heading', { name: 'Bridges' }).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
    },
  },
  {
    name: 'network',
    open: async (page) => {
      await page.goto(new URL('/network', page.url()).href);
      await page.getByRole('img', { name: /^Network map of \d+ people/ }).waitFor();
      await page.getByTestId('network-map').locator('canvas').first().waitFor();
    },
  },
  {
    name: 'import',
    open: async (page) => {
      await page.goto(new URL('/import', page.url()).href);
      await page.getByRole('button', { name: 'Choose a file' }).waitFor();
      await page.getByLabel('File to import').setInputFiles({
        name: 'contacts.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,ada@example.com,Engines,CTO,01 Jan 2020\n',
        ),
      });
      await page.getByTestId('import-preview').waitFor();
    },
  },
  {
    name: 'duplicates',
    open: async (page) => {
      // Someone added twice, so the page has a pair to show.
      const origin = new URL(page.url()).origin;
      const people = (await (await page.request.get(`${origin}/api/people?limit=1`)).json()) as {
        items: { displayName: string }[];
      };
      await page.request.post(`${origin}/api/people`, {
        data: { displayName: people.items[0]?.displayName ?? 'Someone' },
      });
      await page.goto(`${origin}/duplicates`);
      await page.getByTestId('duplicate-pair').first().waitFor();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.goto(new URL('/settings', page.url()).href);
      await page.getByRole('heading', { name: 'Message templates' }).waitFor();
    },
  },
  {
    name: 'trash',
    open: async (page) => {
      await page.goto(new URL('/trash', page.url()).href);
      await page.getByRole('table', { name: 'Archived people' }).waitFor();
    },
  },
];

describe('every screen passes the accessibility audit', { timeout: 300_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function audit(page: Page, name: string) {
    const violations = await seriousViolations(page);
    await screenshot(page, name);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`the first-run screen, ${scheme}`, async () => {
      for (const width of [1280, 375]) {
        const tab = await openPage(browser, { width, colorScheme: scheme });
        await tab.page.goto(server.url);
        await tab.page.getByRole('heading', { name: 'Welcome to Kith' }).waitFor();
        await audit(tab.page, `welcome-${scheme}`);
        expect(foreignRequests(tab.requests, server.url)).toEqual([]);
        expect(tab.errors).toEqual([]);
        await tab.close();
      }
    });
  }

  it('loads the sample network from the first-run screen', async () => {
    const tab = await openPage(browser);
    await tab.page.goto(server.url);
    await tab.page.getByRole('button', { name: 'Load the sample network' }).click();
    // The home page becomes the day's agenda, with the sample campaign at work.
    await tab.page.getByText(/^Thank .+ for the chat$/).waitFor({ timeout: 30_000 });
    const stats = await server.api<{ people: number; interactions: number }>('GET', '/api/stats');
    expect(stats.people).toBe(200);
    expect(stats.interactions).toBeGreaterThan(500);
    await tab.close();

    // A person with insights to show, and one person in the trash.
    const found = await server.api<{ interactions: { participants: { id: string }[] }[] }>(
      'GET',
      '/api/search?q=tax&in=interactions&limit=1',
    );
    personId = found.interactions[0]?.participants[0]?.id ?? '';
    expect(personId).not.toBe('');
    const campaigns = await server.api<{ id: string }[]>('GET', '/api/campaigns');
    campaignId = campaigns[0]?.id ?? '';
    expect(campaignId).not.toBe('');
    const last = await server.api<{ items: { id: string }[] }>(
      'GET',
      '/api/people?sort=recent&limit=1',
    );
    await server.api('DELETE', `/api/people/${last.items[0]?.id}`);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 375]) {
      it(`every screen at ${width} px, ${scheme}`, async () => {
        const tab = await openPage(browser, { width, colorScheme: scheme });
        await tab.page.goto(new URL('/people', server.url).href);
        for (const screen of SCREENS) {
          await screen.open(tab.page);
          await audit(tab.page, `${screen.name}-${scheme}`);
          await tab.page.keyboard.press('Escape');
        }
        expect(foreignRequests(tab.requests, server.url)).toEqual([]);
        expect(tab.errors).toEqual([]);
        await tab.close();
      });
    }
  }
});
