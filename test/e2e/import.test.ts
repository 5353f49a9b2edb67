// The import wizard: from the first-run screen, pick LinkedIn's Connections.csv, see the
// preview (the garbled name repaired), import it, and undo it; a file with a bad row shows the
// row and its line and imports nothing; a calendar brings conversations in. Then exports and
// the calendar feed's address.
import { describe, expect, it } from 'vitest';
import { calendarFile, weeklyWithPriya } from '../support/calendar.js';
import { browserSession, foreignRequests } from './browser.js';
import { fixturePath } from '../support/fixtures.js';

describe('the import wizard', { timeout: 120_000 }, () => {
  const session = browserSession();

  it('previews, imports and undoes a LinkedIn export', async () => {
    const { page } = session.tab;
    await page.goto(session.server.url);
    // The first-run screen says what imports read today, calendars and messages included.
    await page
      .getByText(
        /messages and invitations\), Google and Outlook CSV exports, vCard files and calendars/,
      )
      .waitFor();
    expect(await page.getByText(/coming next/).count()).toBe(0);
    await page.getByRole('link', { name: 'Import your contacts' }).click();
    await page.getByLabel('File to import').setInputFiles(fixturePath('linkedin/Connections.csv'));
    const preview = page.getByTestId('import-preview');
    await preview.getByText('LinkedIn connections').waitFor();
    await preview
      .getByText('Garbled text repaired on 1 row (for example “Marie CuriÃ©” became “Marie Curié”)')
      .waitFor();
    expect((await session.server.api<{ people: number }>('GET', '/api/stats')).people).toBe(0);
    // The preview names whom it will add, not only how many.
    const toAdd = preview.getByRole('list', { name: 'People the import will add' });
    expect((await toAdd.getByRole('listitem').allTextContents()).sort()).toEqual([
      'Alan Turing',
      'Grace Hopper',
      'Katherine Johnson',
      'Marie Curié',
    ]);
    await preview.getByRole('button', { name: 'Import 4 people' }).click();
    await page
      .getByTestId('import-done')
      .getByText('People: 4 new, 0 updated, 0 unchanged.')
      .waitFor();
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
    // Undoing asks first, saying what it will do; "Keep it" changes nothing.
    await page.getByRole('button', { name: 'Undo this import' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo this import?' });
    await confirm.getByText(/4 people it added go to the trash/).waitFor();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await session.server.api<{ people: number }>('GET', '/api/stats')).people).toBe(4);
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await confirm.getByRole('button', { name: 'Undo the import' }).click();
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
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,31 Feb 2023\n',
      ),
    });
    const errors = page.getByRole('table', { name: 'Rows with errors' });
    await errors.getByText(/^metOn: /).waitFor();
    expect(await errors.getByRole('cell', { name: '2', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Import \d+ people$/ }).count()).toBe(0);
  });

  it('shows on a person’s page what the file said before its text was repaired', async () => {
    const { page } = session.tab;
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nIrène,CuriÃ©,,,,,\n';
    const report = await session.server.api<{ rows: { personId: string }[] }>(
      'POST',
      '/api/imports',
      { fileName: 'Connections.csv', content: Buffer.from(csv).toString('base64') },
    );
    await page.goto(`${session.server.url}/people/${report.rows[0]?.personId ?? ''}`);
    await page
      .getByTestId('provenance')
      .getByText('Connections.csv', { exact: false })
      .getByText(/familyName was “CuriÃ©”/)
      .waitFor();
    await page.goto(`${session.server.url}/import`);
  });

  it('keeps a vCard’s photo when asked, and shows it on the person’s page', async () => {
    const { page } = session.tab;
    await page.getByLabel('File to import').setInputFiles(fixturePath('vcard/iphone-3.0.vcf'));
    const preview = page.getByTestId('import-preview');
    // Read without its photo first; asked for it, the preview is read again and says so.
    const leftOut = preview.getByText(/^Left out: .*PHOTO/);
    await leftOut.waitFor();
    await page.getByLabel(/Keep the photos vCards carry/).check();
    await leftOut.waitFor({ state: 'detached' });
    await preview.getByRole('button', { name: 'Import 1 person' }).click();
    await page.getByTestId('import-done').waitFor();
    const people = await session.server.api<{ items: { id: string; displayName: string }[] }>(
      'GET',
      '/api/people?sort=recent&limit=1',
    );
    await page.goto(`${session.server.url}/people/${people.items[0]?.id ?? ''}`);
    const img = page.locator('img[src$="/photo"]');
    await img.waitFor();
    expect(
      await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await page.goto(`${session.server.url}/import`);
  });

  it('shows the import’s progress while a large file is written', async () => {
    const { page } = session.tab;
    const rows = Array.from(
      { length: 6000 },
      (_, i) =>
        `Given${i},Family${i},https://www.linkedin.com/in/p-${i},,Company ${i % 50},Role,01 Jan 2020`,
    );
    await page.getByLabel('File to import').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join(
          '\n',
        ),
      ),
    });
    const preview = page.getByTestId('import-preview');
    await preview.getByRole('button', { name: 'Import 6000 people' }).click();
    await page.getByTestId('import-progress').waitFor();
    await page
      .getByTestId('import-done')
      .getByText('People: 6000 new, 0 updated, 0 unchanged.')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-progress').count()).toBe(0);
  });

  it('imports a calendar: a past coffee becomes a conversation with someone in Kith', async () => {
    const { page } = session.tab;
    await session.server.api('POST', '/api/people', {
      displayName: 'Priya Raman',
      emails: ['priya@example.com'],
    });
    const ics = calendarFile(
      [
        'UID:coffee-e2e',
        'DTSTART:20250310T090000Z',
        'SUMMARY:Coffee with Priya',
        'ATTENDEE;CN=Priya Raman:mailto:priya@example.com',
      ],
      [
        'UID:team-e2e',
        'DTSTART:20250311T090000Z',
        'SUMMARY:Team sync',
        'ATTENDEE;CN=Colleague:mailto:colleague@example.com',
      ],
    );
    await page.getByLabel('File to import').setInputFiles({
      name: 'calendar.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(ics),
    });
    const preview = page.getByTestId('import-preview');
    await preview.getByText('Calendar', { exact: true }).waitFor();
    await preview
      .getByText(
        'Conversations, invitations and events: 1 new, 0 updated, 0 unchanged, 1 left out because nobody in them is in Kith.',
      )
      .waitFor();
    await preview.getByRole('button', { name: 'Import 1 conversation or event' }).click();
    await page.getByTestId('import-done').waitFor();
    const chats = await session.server.api<{ items: { summary: string }[] }>(
      'GET',
      '/api/interactions',
    );
    expect(chats.items.map((i) => i.summary)).toEqual(['Coffee with Priya']);
  });

  it("reads a calendar's recurring events between the days given, then imports them", async () => {
    const { page } = session.tab;
    await session.server.api('POST', '/api/people', {
      displayName: 'Priya Raman',
      emails: ['priya@example.com'],
    });
    const ics = calendarFile(weeklyWithPriya({ until: '20241230T100000Z' }));
    await page.getByLabel('File to import').setInputFiles({
      name: 'weekly.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(ics),
    });
    const preview = page.getByTestId('import-preview');
    // The series ended in 2024: nothing of it in the usual window (a year back from now).
    await preview.getByText('Calendar', { exact: true }).waitFor();
    expect(await preview.getByTestId('import-activities').count()).toBe(0);
    await page.getByLabel('Recurring events from').fill('2020-01-01');
    await page.getByLabel('Recurring events to').fill('2020-01-27');
    await preview
      .getByText('Conversations, invitations and events: 4 new, 0 updated, 0 unchanged.')
      .waitFor();
    await preview.getByRole('button', { name: /^Import 4 / }).click();
    await page.getByTestId('import-done').waitFor();
    const chats = await session.server.api<{ items: { summary: string; occurredAt: string }[] }>(
      'GET',
      '/api/interactions?limit=100',
    );
    const weekly = chats.items.filter((i) => i.summary === '1:1 with Priya');
    expect(weekly.map((i) => i.occurredAt).sort()).toEqual([
      '2020-01-06T10:00:00.000Z',
      '2020-01-13T10:00:00.000Z',
      '2020-01-20T10:00:00.000Z',
      '2020-01-27T10:00:00.000Z',
    ]);
  });

  it('offers every export and a calendar feed address that can be renewed and revoked', async () => {
    const { page } = session.tab;
    const json = page.getByRole('link', { name: 'Everything (JSON)' });
    expect(await json.getAttribute('href')).toBe('/api/export?format=json');
    await page.getByRole('button', { name: 'Create a feed address' }).click();
    const address = page.getByLabel('Feed address');
    await address.waitFor();
    const first = await address.inputValue();
    expect(first).toMatch(new RegExp(`^${session.server.url}/feeds/[\\w-]{32}\\.ics$`));
    await page.getByRole('button', { name: 'Renew' }).click();
    await expect.poll(() => address.inputValue()).not.toBe(first);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Create a feed address' }).waitFor();
    expect(foreignRequests(session.tab.requests, session.server.url)).toEqual([]);
    expect(session.tab.errors).toEqual([]);
  });
});

describe('reviewing duplicates', { timeout: 120_000 }, () => {
  const session = browserSession();

  it('merges a pair into the one kept, and keeps another pair apart', async () => {
    const { page } = session.tab;
    const first = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Priya Raman',
      organization: 'Northwind',
    });
    const second = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Priya Ramen',
      organization: 'Northwind',
      tags: ['python'],
    });
    await session.server.api('POST', '/api/interactions', {
      occurredAt: '2026-10-01',
      kind: 'coffee',
      summary: 'Coffee about data science',
      participantIds: [second.id],
    });
    await session.server.api('POST', '/api/people', { displayName: 'Tom Becker' });
    await session.server.api('POST', '/api/people', { displayName: 'Tom Becker' });
    await page.goto(`${session.server.url}/duplicates`);
    const pairs = page.getByTestId('duplicate-pair');
    await pairs.first().waitFor();
    expect(await pairs.count()).toBe(2);
    const priya = pairs.filter({ hasText: 'Priya Ramen' });
    await priya.getByText('both at Northwind').waitFor();
    await priya.getByRole('button', { name: /^Keep Priya Raman, merge the other in$/ }).click();
    await page.getByText('Priya Ramen merged into Priya Raman.').waitFor();
    await expect.poll(() => pairs.count()).toBe(1);
    await pairs.getByRole('button', { name: 'Two different people' }).click();
    await page.getByText('No likely duplicates.').waitFor();
    const kept = await session.server.api<{ tags: string[] }>('GET', `/api/people/${first.id}`);
    expect(kept.tags).toEqual(['python']);
    const chats = await session.server.api<{ items: { summary: string }[] }>(
      'GET',
      `/api/interactions?personId=${first.id}`,
    );
    expect(chats.items.map((i) => i.summary)).toEqual(['Coffee about data science']);
    expect(session.tab.errors).toEqual([]);
  });
});
