// A new user's first session, in a real browser: add a person, log a coffee chat with two
// insights, find it again by an insight word, edit the person's title, archive and restore
// them. Every request the browser makes is recorded: nothing may leave the machine.
import { describe, expect, it } from 'vitest';
import { browserSession, foreignRequests } from './browser.js';

describe('a new user’s first session', { timeout: 120_000 }, () => {
  const session = browserSession();

  it('adds a person, logs a chat, finds it, edits, archives and restores', async () => {
    const { page } = session.tab;
    await page.goto(session.server.url);
    await page.getByRole('heading', { name: 'Welcome to Kith' }).waitFor();

    // Add a person from the empty state.
    await page.getByRole('button', { name: 'Add your first person' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add a person' });
    await addDialog.getByLabel('Name').fill('Priya Raman');
    await addDialog.getByLabel('Organization').fill('Northwind');
    await addDialog.getByLabel('Title').fill('Staff Engineer');
    await addDialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { name: 'Priya Raman', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/people\/[0-9a-f-]{36}$/);

    // Log a coffee chat with two insights, from the keyboard shortcut.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('l');
    const logDialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await logDialog.waitFor();
    await logDialog.getByRole('combobox', { name: 'With' }).fill('Priya');
    await page.getByRole('option', { name: /Priya Raman/ }).click();
    await logDialog
      .getByRole('textbox', { name: 'Summary' })
      .fill('Coffee about moving into platform work');
    await logDialog
      .getByRole('textbox', { name: 'Insight 1' })
      .fill('Shadow the on-call rotation before switching');
    await logDialog.getByRole('button', { name: 'Add an insight' }).click();
    await logDialog
      .getByRole('textbox', { name: 'Insight 2' })
      .fill('Ask Tom about the kubernetes migration budget');
    await logDialog.getByRole('button', { name: 'Log it' }).click();
    await logDialog.waitFor({ state: 'hidden' });

    const timeline = page.getByRole('list', { name: 'Insights' });
    await expect
      .poll(() => timeline.getByRole('listitem').allTextContents())
      .toEqual([
        'Shadow the on-call rotation before switching',
        'Ask Tom about the kubernetes migration budget',
      ]);

    // Find the chat again by a word from an insight, through the command palette.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('textbox', { name: 'Search people, interactions and actions' });
    await palette.fill('kubernetes');
    const hit = page
      .getByRole('dialog', { name: 'Search and commands' })
      .getByRole('button', { name: /Coffee about moving into platform work/ });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('kubernetes migration budget');
    await hit.click();
    await page.getByRole('heading', { name: 'Priya Raman', level: 1 }).waitFor();

    // Fix the chat afterwards: a shorter summary, one insight fewer.
    await page
      .getByRole('button', { name: 'Edit “Coffee about moving into platform work”' })
      .click();
    const edit = page.getByRole('dialog', { name: 'Edit the interaction' });
    await edit.getByRole('textbox', { name: 'Summary' }).fill('Coffee about platform work');
    await edit.getByRole('button', { name: 'Remove insight 1' }).click();
    // The page around the dialog changing (here the system's theme) leaves what was typed alone.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
    await expect(edit.getByRole('textbox', { name: 'Summary' }).inputValue()).resolves.toBe(
      'Coffee about platform work',
    );
    await expect(edit.getByRole('button', { name: 'Remove insight 2' }).count()).resolves.toBe(0);
    await page.emulateMedia({ colorScheme: 'light' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(() => timeline.getByRole('listitem').allTextContents())
      .toEqual(['Ask Tom about the kubernetes migration budget']);
    const logged = await session.server.api<{ items: { summary: string; insights: unknown[] }[] }>(
      'GET',
      '/api/interactions',
    );
    expect(logged.items.map((i) => [i.summary, i.insights.length])).toEqual([
      ['Coffee about platform work', 1],
    ]);

    // Edit the title in place.
    await page.getByRole('button', { name: 'Edit title' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('Principal Engineer');
    await title.press('Enter');
    await page.getByText('Principal Engineer · Northwind').waitFor();
    // The page shows an edit at once, before the server has it: wait for the server's answer.
    await expect
      .poll(async () => {
        const saved = await session.server.api<{ items: { title: string }[] }>(
          'GET',
          '/api/people',
        );
        return saved.items.map((p) => p.title);
      })
      .toEqual(['Principal Engineer']);

    // Archive, then restore from the Trash.
    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByText(/In the trash since/).waitFor();
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: 'Restore Priya Raman' }).click();
    await page.getByText('The trash is empty.').waitFor();
    await page.getByRole('link', { name: 'People' }).first().click();
    await page.getByRole('link', { name: 'Priya Raman' }).waitFor();
    await expect
      .poll(async () => (await session.server.api<{ total: number }>('GET', '/api/people')).total)
      .toBe(1);

    // Nothing left the machine, and nothing went wrong in the page.
    expect(session.tab.requests.length).toBeGreaterThan(5);
    expect(foreignRequests(session.tab.requests, session.server.url)).toEqual([]);
    expect(session.tab.errors).toEqual([]);
  });
});
