// #25.12: Insights explains itself — a legend for its bars, the groups past the named ones
// said in words instead of one bar that dwarfs the rest, names that fit beside their bars,
// the diversity figure labelled and its spread said plainly — and the network map writes no
// name over another. Connectors and bridges are one definition for both screens (the store
// test checks they are the same people).
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser.js';

interface Box {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

describe('insights and the map explain themselves', { timeout: 120_000 }, () => {
  const session = browserSession({ demoSize: 300 });

  it('labels its bars, sums the rest in words, and says how spread the chats were', async () => {
    const { page } = session.tab;
    await page.goto(`${session.server.url}/insights`);
    const organizations = page.locator('.mantine-Card-root', { hasText: 'By organization' });
    await organizations.getByText('Chats this year').first().waitFor();
    await organizations.getByText('People', { exact: true }).first().waitFor();
    // No bar for "all others": the rest is a sentence under the chart.
    const chart = organizations.getByRole('img');
    expect(await chart.getAttribute('aria-label')).not.toContain('all others');
    await organizations
      .getByText(/^And \d+ other organizations: \d+ people, \d+ chats this year\.$/)
      .waitFor();
    // Every name beside a bar is on one line: none wraps onto its neighbour.
    const ticks = organizations.locator('.recharts-yAxis .recharts-cartesian-axis-tick text');
    for (const tick of await ticks.all()) expect(await tick.locator('tspan').count()).toBe(1);
    // Roles by their names, the diversity figure labelled, the spread in plain words.
    const roles = page.locator('.mantine-Card-root', { hasText: 'By role' }).getByRole('img');
    expect(await roles.getAttribute('aria-label')).not.toMatch(/work-friend/);
    await page.getByText('diversity', { exact: true }).waitFor();
    await page.getByText(/different teams; the busiest, .+, had \d+% of them\./).waitFor();
    expect(await page.getByText(/equally busy teams/).count()).toBe(0);
  });

  it('writes no name on the map over another, in either theme', async () => {
    const { page } = session.tab;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${session.server.url}/network`);
      const map = page.getByTestId('network-map');
      await expect
        .poll(async () => JSON.parse((await map.getAttribute('data-labels')) ?? '[]').length, {
          timeout: 30_000,
        })
        .toBeGreaterThan(5);
      await page.getByText(/Settling…/).waitFor({ state: 'detached', timeout: 60_000 });
      const boxes = JSON.parse((await map.getAttribute('data-labels')) ?? '[]') as Box[];
      const size = await map.boundingBox();
      expect(boxes.map((b) => b.id)).toContain('__me__');
      for (const [i, a] of boxes.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0);
        expect(a.right).toBeLessThanOrEqual(size?.width ?? 0);
        for (const b of boxes.slice(i + 1))
          expect(
            a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
            `${a.id} and ${b.id} overlap`,
          ).toBe(false);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
