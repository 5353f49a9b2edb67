// The People screen on a network larger than one page: scrolling to the end loads the pages
// it shows, filters and sorting agree with the API, and bulk select tags and archives.
import { describe, expect, it } from 'vitest';
import { browserSession, seriousViolations } from './browser.js';

interface Page {
  total: number;
  items: { id: string; displayName: string }[];
}

describe('the People screen', { timeout: 120_000 }, () => {
  const session = browserSession({ demoSize: 250 });

  const names = () => session.tab.page.getByTestId('person-row').locator('a').allTextContents();

  it('scrolls through every page of people to the last one', async () => {
    const { page } = session.tab;
    await page.goto(`${session.server.url}/people`);
    await page.getByTestId('person-row').first().waitFor();
    const all = await session.server.api<Page>('GET', '/api/people?sort=name&limit=1000');
    expect(all.total).toBe(250);
    await page.getByText('250 people', { exact: true }).waitFor();
    expect((await names())[0]).toBe(all.items[0]?.displayName);
    await page.getByTestId('people-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = all.items[all.items.length - 1]?.displayName ?? '';
    await expect.poll(names).toContain(last);
  });

  it('filters by role and sorts by last contact as the API does', async () => {
    const { page } = session.tab;
    await page.getByRole('combobox', { name: 'Role' }).selectOption('mentor');
    const mentors = await session.server.api<Page>('GET', '/api/people?role=mentor&limit=1000');
    await page.getByText(`${mentors.total} people`, { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('last-contact');
    const byContact = await session.server.api<Page>(
      'GET',
      '/api/people?role=mentor&sort=last-contact&limit=5',
    );
    await expect
      .poll(async () => (await names()).slice(0, 5))
      .toEqual(byContact.items.map((p) => p.displayName));
    await page.getByRole('combobox', { name: 'Role' }).selectOption('');

    // A filter nobody matches says so, and the empty table still passes the audit.
    await page.getByRole('textbox', { name: 'Tag' }).fill('nobody-has-this');
    await page.getByText('Nobody matches these filters.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Tag' }).fill('');
  });

  it('tags and archives the selected people in one go', async () => {
    const { page } = session.tab;
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
    const first = await session.server.api<Page>('GET', '/api/people?sort=name&limit=2');
    const [a, b] = first.items;
    if (!a || !b) throw new Error('the demo has fewer than two people');
    await expect
      .poll(async () => (await names()).slice(0, 2))
      .toEqual([a.displayName, b.displayName]);
    await page.getByRole('checkbox', { name: `Select ${a.displayName}` }).check();
    await page.getByRole('checkbox', { name: `Select ${b.displayName}` }).check();
    await page.getByText('2 selected').waitFor();
    await page
      .getByRole('textbox', { name: 'Tag to add to the selected people' })
      .fill('Board Circle');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tagged 2 people.').waitFor();
    const tagged = await session.server.api<Page>('GET', '/api/people?tag=board%20circle');
    expect(tagged.items.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());

    await page.getByRole('checkbox', { name: `Select ${a.displayName}` }).check();
    await page.getByRole('checkbox', { name: `Select ${b.displayName}` }).check();
    await page
      .getByRole('region', { name: 'Bulk actions' })
      .getByRole('button', { name: 'Archive' })
      .click();
    await page.getByText(/2 moved to the trash/).waitFor();
    const left = await session.server.api<Page>('GET', '/api/people?limit=1');
    expect(left.total).toBe(first.total - 2);
    await expect.poll(async () => (await names()).includes(a.displayName)).toBe(false);
    expect(session.tab.errors).toEqual([]);
  });

  it('tags everyone the list holds, not only the rows on screen', async () => {
    const { page } = session.tab;
    const everyone = await session.server.api<Page>('GET', '/api/people?limit=1');
    await page.getByRole('checkbox', { name: 'Select every person shown' }).check();
    const shown = Number(
      /^(\d+) selected$/.exec(await page.getByText(/^\d+ selected$/).innerText())?.[1],
    );
    expect(shown).toBeLessThan(everyone.total);
    await page.getByRole('button', { name: `Select all ${everyone.total} people` }).click();
    await page.getByText(`All ${everyone.total} people selected`).waitFor();
    await page.getByRole('textbox', { name: 'Tag to add to the selected people' }).fill('met 2026');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText(`Tagged ${everyone.total} people.`).waitFor();
    const tagged = await session.server.api<Page>('GET', '/api/people?tag=met%202026&limit=1');
    expect(tagged.total).toBe(everyone.total);
    expect(session.tab.errors).toEqual([]);
  });

  it('shows a long timeline a page at a time, newest first', async () => {
    const { page } = session.tab;
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Long Timeline',
    });
    for (let day = 1; day <= 60; day += 1) {
      await session.server.api('POST', '/api/interactions', {
        participantIds: [person.id],
        kind: 'call',
        occurredAt: `2026-0${1 + Math.floor((day - 1) / 28)}-${String(((day - 1) % 28) + 1).padStart(2, '0')}T10:00:00Z`,
        summary: `Call number ${day}`,
      });
    }
    await page.goto(`${session.server.url}/people/${person.id}`);
    const calls = page.getByText(/^Call number \d+$/);
    await expect.poll(() => calls.count()).toBe(50);
    expect(await calls.first().textContent()).toBe('Call number 60');
    await page.getByRole('button', { name: 'Show older interactions' }).click();
    await expect.poll(() => calls.count()).toBe(60);
    expect(await calls.last().textContent()).toBe('Call number 1');
    await page
      .getByRole('button', { name: 'Show older interactions' })
      .waitFor({ state: 'detached' });
  });

  it('shows an empty form field as empty, asks for nothing optional, and the cadence in effect (#25.6, #25.11)', async () => {
    const { page } = session.tab;
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Ada Lovelace',
      roles: ['mentor'],
    });
    await page.goto(`${session.server.url}/people/${person.id}`);
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    // No date set: the field says so, it does not show a format as if it were the date.
    await page.getByText('Add the day you met (YYYY-MM-DD)').waitFor();
    expect(await page.getByText('YYYY-MM-DD', { exact: true }).count()).toBe(0);
    // Recording whom Ada knows is optional: nothing marks it required.
    const knows = page.getByLabel('Ada knows', { exact: true }).first();
    await knows.waitFor();
    expect(await knows.getAttribute('required')).toBeNull();
    expect(await knows.getAttribute('aria-required')).not.toBe('true');
    // Her cadence comes from her role, and says so.
    await page.getByText('every 6 weeks, the default for mentors').waitFor();
  });

  it('refreshes the tie and the ledger as soon as a chat is logged, without a reload (#25.5)', async () => {
    const { page } = session.tab;
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Quentin Fresh',
    });
    await page.goto(`${session.server.url}/people/${person.id}`);
    const tie = page.getByTestId('tie-explanation');
    await expect.poll(() => tie.textContent()).toBe('no interactions yet');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('l');
    const logDialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await logDialog.waitFor();
    await logDialog.getByRole('combobox', { name: 'With' }).fill('Quentin');
    await page.getByRole('option', { name: /Quentin Fresh/ }).click();
    await logDialog.getByRole('textbox', { name: 'Summary' }).fill('Coffee about the new team');
    await logDialog.getByRole('button', { name: 'Log it' }).click();
    await logDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => tie.textContent()).toMatch(/you spoke once/);
    expect(await page.getByText('no tie yet').count()).toBe(0);
  });

  it('owes a thank-you after a coffee: on Today and on the timeline, settled from either (#25.2)', async () => {
    const { page } = session.tab;
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Rosa Thankful',
    });
    await page.goto(`${session.server.url}/people/${person.id}`);
    await page.getByRole('heading', { name: 'Rosa Thankful', level: 1 }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('l');
    const logDialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await logDialog.waitFor();
    await logDialog.getByRole('combobox', { name: 'With' }).fill('Rosa');
    await page.getByRole('option', { name: /Rosa Thankful/ }).click();
    await logDialog.getByRole('textbox', { name: 'Summary' }).fill('Coffee about pricing');
    // A coffee earns a thank-you; the dialog offers to say none is needed.
    await logDialog.getByRole('checkbox', { name: 'No thank-you needed for this chat' }).waitFor();
    await logDialog.getByRole('button', { name: 'Log it' }).click();
    await logDialog.waitFor({ state: 'hidden' });
    const owed = page.getByRole('group', { name: 'Thank-you' });
    await owed.getByText('Thank-you owed').waitFor();

    await page.goto(`${session.server.url}/`);
    const line = page.locator('li[data-kind="thank-chat"]', { hasText: 'Rosa Thankful' });
    await line.getByText(/Thank Rosa Thankful for the coffee/).waitFor();
    await line.getByRole('button', { name: 'Thanked' }).click();
    await line.waitFor({ state: 'detached' });

    await page.goto(`${session.server.url}/people/${person.id}`);
    await page.getByText('Thanked', { exact: true }).waitFor();
    expect(await owed.count()).toBe(0);
    // Someone who never needs one: the switch on their page.
    await page.getByRole('switch', { name: 'No thank-you needed' }).check();
    await expect
      .poll(
        async () =>
          (await session.server.api<{ noThankYou: boolean }>('GET', `/api/people/${person.id}`))
            .noThankYou,
      )
      .toBe(true);
  });

  it('erases a person for good only once the name is typed back, and empties the trash (#25.16)', async () => {
    const { page } = session.tab;
    const zed = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Zed Forgotten',
    });
    await page.goto(`${session.server.url}/people/${zed.id}`);
    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Zed Forgotten for good?' });
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Type “Zed Forgotten” to confirm' }).fill('Zed');
    expect(await erase.isDisabled()).toBe(true);
    await dialog
      .getByRole('textbox', { name: 'Type “Zed Forgotten” to confirm' })
      .fill('zed forgotten');
    await erase.click();
    await page.waitForURL(/\/people$/);
    await page.getByText('Erased for good: 1 person.').waitFor();
    const gone = await fetch(`${session.server.url}/api/people/${zed.id}`);
    expect(gone.status).toBe(404);

    const bo = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Bo Trashed',
    });
    await session.server.api('DELETE', `/api/people/${bo.id}`);
    await page.goto(`${session.server.url}/trash`);
    await page.getByRole('button', { name: 'Empty the trash…' }).click();
    const empty = page.getByRole('dialog', { name: 'Empty the trash?' });
    await empty.getByRole('textbox').fill('empty the trash');
    await empty.getByRole('button', { name: 'Empty the trash' }).click();
    await page.getByText('The trash is empty.').waitFor();
  });

  it('saves a view of the list, finds it in the menu, and forgets it (#23.5)', async () => {
    const { page } = session.tab;
    await session.server.api('POST', '/api/people', {
      displayName: 'Vera Viewed',
      roles: ['sponsor'],
      tags: ['views-test'],
    });
    await page.goto(`${session.server.url}/people`);
    await page.getByRole('textbox', { name: 'Tag' }).fill('views-test');
    await page.getByRole('combobox', { name: 'Not contacted in' }).selectOption('90');
    await page.getByRole('button', { name: 'Save as a view…' }).click();
    await page.getByRole('textbox', { name: 'Name of the view' }).fill('Quiet testers');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/people\?view=quiet-testers$/);
    const menu = page.getByRole('link', { name: 'Quiet testers' });
    await menu.waitFor();
    // The whole list, then the view again from the menu: its filters come back with it.
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe('');
    await menu.click();
    await page.getByRole('heading', { name: 'Quiet testers', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Tag' }).inputValue())
      .toBe('views-test');
    expect(await page.getByRole('combobox', { name: 'Not contacted in' }).inputValue()).toBe('90');
    await page
      .getByRole('link', { name: /Vera Viewed/ })
      .first()
      .waitFor();
    expect(await session.server.api('GET', '/api/views')).toEqual([
      {
        name: 'Quiet testers',
        slug: 'quiet-testers',
        filter: { tag: 'views-test', quietDays: 90 },
      },
    ]);
    await page.getByRole('button', { name: 'Forget this view' }).click();
    await menu.waitFor({ state: 'detached' });
    expect(await session.server.api('GET', '/api/views')).toEqual([]);
  });

  it('adds a birthday on a person’s page, and Today names it days ahead (#23.1)', async () => {
    const { page } = session.tab;
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Rita Dated',
    });
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const monthDay = `${String(soon.getUTCMonth() + 1).padStart(2, '0')}-${String(soon.getUTCDate()).padStart(2, '0')}`;
    await page.goto(`${session.server.url}/people/${person.id}`);
    await page.getByRole('textbox', { name: 'Date' }).fill('13-45');
    await page.getByRole('button', { name: 'Add the date' }).click();
    await page.getByText('Write the date as 1986-12-11, or 12-11 without the year.').waitFor();
    await page.getByRole('textbox', { name: 'Date' }).fill(monthDay);
    await page.getByRole('button', { name: 'Add the date' }).click();
    await page
      .getByRole('list', { name: 'Dates' })
      .getByText(/^Birthday: \d+ \w+$/)
      .waitFor();
    await expect
      .poll(
        async () =>
          (await session.server.api<{ dates: unknown[] }>('GET', `/api/people/${person.id}`)).dates,
      )
      .toEqual([{ kind: 'birthday', label: null, on: `--${monthDay}`, yearly: true }]);
    await page.goto(`${session.server.url}/`);
    await page
      .locator('li[data-kind="date"]', { hasText: 'Rita Dated' })
      .getByText(
        /Rita Dated's birthday (today|tomorrow|on \w+) — a good moment to get back in touch/,
      )
      .waitFor();
  });
});
