// A new user's first campaign, in the browser: create it, ask the two people Today suggests
// (drafts first), send both from the Asks board, mark one met — Today owes a thank-you — and
// once the second closes, Today prompts to try two more.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, foreignRequests } from './browser.js';

interface Ask {
  id: string;
  state: string;
  personName: string;
}

describe('a new user’s first campaign', { timeout: 120_000 }, () => {
  const session = browserSession();

  const column = (page: Page, label: string) =>
    page.getByRole('region', { name: new RegExp(`^${label} \\(`) });

  const nav = (page: Page, label: string) =>
    page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();

  async function move(page: Page, from: string, who: string, action: string) {
    const card = column(page, from).getByTestId('ask-card').filter({ hasText: who });
    await card.getByRole('button', { name: `Move the ask to ${who}` }).click();
    await page.getByRole('menuitem', { name: action }).click();
  }

  it('creates a campaign, asks two, meets one, thanks, and is prompted for two more', async () => {
    const { page } = session.tab;
    for (const name of ['Dana Finch', 'Lee Park', 'Ravi Shah', 'Mo Chen']) {
      await session.server.api('POST', '/api/people', { displayName: name, tags: ['pricing'] });
    }
    await page.goto(`${session.server.url}/campaigns`);
    await page.getByRole('button', { name: 'New campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Go independent');
    await dialog.getByLabel('What the people to ask should know about').fill('pricing');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Start the campaign' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Today prompts for the first two and suggests whom to ask.
    await nav(page, 'Today');
    const pacing = page
      .getByRole('listitem')
      .filter({ hasText: /^Campaign.*Go independent: time to try/ });
    await pacing.waitFor();
    const asked: string[] = [];
    for (const question of [
      'How did you set your first rates?',
      'What would you charge for a week?',
    ]) {
      const suggestion = pacing.getByRole('button', { name: /^Ask / }).first();
      const name = ((await suggestion.textContent()) ?? '').replace(/^Ask /, '');
      asked.push(name);
      await suggestion.click();
      const ask = page.getByRole('dialog', { name: 'Ask one specific question' });
      await ask.getByRole('textbox', { name: 'The question' }).fill(question);
      await ask.getByRole('button', { name: 'Save as draft' }).click();
      await ask.waitFor({ state: 'detached' });
      // The one just asked is not suggested again.
      await expect.poll(() => pacing.getByRole('button', { name: `Ask ${name}` }).count()).toBe(0);
    }

    // Both go out from the board; one replies and they meet.
    await nav(page, 'Asks');
    const [first = '', second = ''] = asked;
    for (const who of asked) await move(page, 'Draft', who, 'Sent');
    await column(page, 'Sent').getByRole('link', { name: second }).waitFor();
    await move(page, 'Sent', first, 'They replied');
    await move(page, 'Replied', first, 'We met');
    await column(page, 'Met').getByRole('link', { name: first }).waitFor();

    // Today owes a thank-you; with one ask still open, it is time for one more, not two.
    await nav(page, 'Today');
    const thank = page.getByRole('listitem').filter({ hasText: `Thank ${first} for the chat` });
    await thank.waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Go independent: time to try one more (1 of 20 chats so far).' })
      .waitFor();
    await thank.getByRole('button', { name: 'Thanked' }).click();
    await thank.waitFor({ state: 'detached' });

    // The second declines: with nothing open, it is time to try two more.
    await nav(page, 'Asks');
    await move(page, 'Sent', second, 'They declined');
    await column(page, 'Declined').getByRole('link', { name: second }).waitFor();
    await nav(page, 'Today');
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Go independent: time to try two more (1 of 20 chats so far).' })
      .waitFor();

    const asks = await session.server.api<Ask[]>('GET', '/api/asks');
    expect(asks.map((a) => [a.personName, a.state]).sort()).toEqual(
      [
        [first, 'thanked'],
        [second, 'declined'],
      ].sort(),
    );
    expect(foreignRequests(session.tab.requests, session.server.url)).toEqual([]);
    expect(session.tab.errors).toEqual([]);
  });
});
