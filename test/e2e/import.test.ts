// The import wizard: from the first-run screen, pick LinkedIn's Connections.csv, see the
// preview (the garbled name repaired), import it, and undo it; a file with a bad row shows the
// row and its line and imports nothing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSession, foreignRequests } from './browser.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

describe('the import wizard', { timeout: 120_000 }, () => {
  const session = browserSession();

  it('previews, imports and undoes a LinkedIn export', async () => {
    const { page } = session.tab;
    await page.goto(session.server.url);
    await page.getByRole('link', { name: 'Import your contacts' }).click();
    await page
      .getByLabel('File to import')
      .setInputFiles(join(FIXTURES, 'linkedin', 'Connections.csv'));
    const preview = page.getByTestId('import-preview');
    await preview.getByText('LinkedIn connections').waitFor();
    await preview
      .getByText('Garbled text repaired on 1 row (for example “Marie CuriÃ©” became “Marie Curié”)')
      .waitFor();
    expect((await session.server.api<{ people: number }>('GET', '/api/stats')).people).toBe(0);
    await preview.getByRole('button', { name: 'Import 4 people' }).click();
    await page.getByTestId('import-done').getByText('4 new, 0 updated, 0 unchanged.').waitFor();
    const people = await session.server.api<{ items: { displayName: string }[] }>(
      'GET',
      '/api/people?sort=name',
    );
    expect(people.items.map((p) => p.displayName)).toEqual([
      'Alan Turing',
      'Grace Hopper',
      'Katherine Johnson',
      'Marie Curié',
    ]);
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByText(/Import undone: 4 moved to the trash/).waitFor();
    expect((await session.server.api<{ people: number }>('GET', '/api/stats')).people).toBe(0);
    await page.getByRole('table', { name: 'Past imports' }).getByText('undone').waitFor();
  });

  it('shows the rows a file cannot be imported for, and imports nothing', async () => {
    const { page } = session.tab;
    await page.getByLabel('File to import').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,not-an-email,,,\n',
      ),
    });
    const errors = page.getByRole('table', { name: 'Rows with errors' });
    await errors.getByText('emails.0: "not-an-email" is not an email address').waitFor();
    expect(await errors.getByRole('cell', { name: '2', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Import \d+ people$/ }).count()).toBe(0);
    expect(foreignRequests(session.tab.requests, session.server.url)).toEqual([]);
    expect(session.tab.errors).toEqual([]);
  });
});
