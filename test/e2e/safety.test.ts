// What a person types must never turn against them: notes with script-bearing HTML and
// javascript: links render inert; bad input is refused next to the field it concerns, and
// an edit the server refuses is rolled back on screen. Plus the keyboard shortcuts.
import { createServer, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture } from '../support/fixtures.js';
import { browserSession, screenshot } from './browser.js';

/** Another site: one page that posts forms and fetches to Kith as soon as it loads. */
async function evilSite(kith: string): Promise<{ url: string; server: Server }> {
  const page = `<!doctype html><title>Win a prize</title>
<iframe name="sink"></iframe><iframe name="sink2"></iframe>
<form id="undo" method="post" action="${kith}/api/imports/%25/undo" target="sink"><input name="a" value="1"></form>
<form id="feed" method="post" action="${kith}/api/calendar-feed" target="sink2" enctype="text/plain"><input name="a" value="1"></form>
<script>
  document.getElementById('undo').submit();
  document.getElementById('feed').submit();
  fetch('${kith}/api/calendar-feed', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' })
    .catch(() => {})
    .finally(() => { document.title = 'sent'; });
</script>`;
  const server = createServer((_, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Another site, not only another port: Kith answers to localhost too, so it is reachable.
  return { url: `http://localhost:${port}/`, server };
}

const HOSTILE_NOTE = [
  'Met at the **meetup**. <img src=x onerror="window.__kithPwned=\'img\'">',
  '',
  '<script>window.__kithPwned = "script"</script>',
  '',
  '[open the deck](javascript:window.__kithPwned="link")',
  '',
  '[data link](data:text/html,<script>alert(1)</script>)',
  '',
  '<a href="javascript:window.__kithPwned=\'raw-a\'">raw anchor</a>',
  '',
  '![chart](https://tracker.example/pixel.png)',
  '',
  '[their site](https://example.org/about)',
].join('\n');

/** Whether closing the tab now would make the browser ask first (a beforeunload handler). */
const leavingIsQuestioned = async (page: Page) =>
  (await page.evaluate(
    `(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    })()`,
  )) as boolean;

describe('safety in the browser', { timeout: 120_000 }, () => {
  const session = browserSession();

  it('serves the app with a Content-Security-Policy that allows only this server', async () => {
    const response = await fetch(`${session.server.url}/people`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
  });

  it('renders a note with HTML and javascript: links inert', async () => {
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: '<img src=x onerror="window.__kithPwned=\'name\'">Mallory',
      notes: HOSTILE_NOTE,
    });
    await session.server.api('POST', '/api/interactions', {
      participantIds: [person.id],
      kind: 'coffee',
      occurredAt: '2026-11-01T10:00:00Z',
      summary: 'Chat <b onmouseover="window.__kithPwned=\'summary\'">bold</b>',
      notes: '[click](javascript:window.__kithPwned="timeline")',
      insights: ['<img src=x onerror="window.__kithPwned=\'insight\'">'],
    });
    const { page } = session.tab;
    await page.goto(`${session.server.url}/people/${person.id}`);
    await page.getByText('open the deck').waitFor();
    await page.getByRole('list', { name: 'Insights' }).waitFor();

    // The name and the insight show as the text that was typed.
    await page.getByRole('heading', { level: 1, name: /Mallory/ }).waitFor();
    await page.getByText('<img src=x onerror="window.__kithPwned=\'insight\'">').waitFor();

    // Runs in the page (as a string: this project's type checking has no DOM library).
    const inert = (await page.evaluate(`(() => {
      const notes = [...document.querySelectorAll('.kith-markdown')];
      return {
        images: document.querySelectorAll('main img').length,
        scripts: notes.flatMap((n) => [...n.querySelectorAll('script, iframe, object')]).length,
        hrefs: notes.flatMap((n) => [...n.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
        handlers: [...document.querySelectorAll('main *')].filter((el) =>
          [...el.attributes].some((a) => a.name.startsWith('on')),
        ).length,
      };
    })()`)) as { images: number; scripts: number; hrefs: string[]; handlers: number };
    expect(inert.images).toBe(0);
    expect(inert.scripts).toBe(0);
    expect(inert.handlers).toBe(0);
    expect(inert.hrefs).toEqual(['https://example.org/about']);

    // Clicking what looked like links does nothing either.
    await page.getByText('open the deck').click();
    await page.getByText('click', { exact: true }).click();
    await page.getByText('Chat', { exact: false }).first().hover();
    expect(await page.evaluate('window.__kithPwned')).toBeUndefined();
    // The image's address is shown, not fetched.
    await page.getByText(/\[image: chart — https:\/\/tracker\.example\/pixel\.png\]/).waitFor();
    expect(session.tab.requests.filter((url) => url.includes('tracker.example'))).toEqual([]);
    await screenshot(page, 'xss-note');
  });

  it('shows bad input next to its field and changes nothing', async () => {
    const { page } = session.tab;
    await page.goto(`${session.server.url}/people`);
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Erin Example');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('erin.example');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    const email = dialog.getByRole('textbox', { name: 'Email' });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    expect(message).toMatch(/email/i);
    const people = await session.server.api<{ total: number }>('GET', '/api/people');
    expect(people.total).toBe(1);

    // What was typed is not thrown away by a stray Escape or a click beside the dialog.
    await page.keyboard.press('Escape');
    const confirm = dialog.getByRole('alert', { name: 'Close without saving?' });
    await confirm.waitFor();
    // The question has the focus: Enter answers "Keep editing".
    await expect
      .poll(() => page.evaluate('document.activeElement?.textContent'))
      .toBe('Keep editing');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await page.mouse.click(5, 5);
    await expect(email.inputValue()).resolves.toBe('erin.example');
    // Closing the tab now would ask first (the page's beforeunload handler refuses to go quietly).
    expect(await leavingIsQuestioned(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await confirm.getByRole('button', { name: 'Discard' }).click();
    await dialog.waitFor({ state: 'detached' });
    // A dialog nothing was typed into closes at once.
    await page.keyboard.press('n');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await leavingIsQuestioned(page)).toBe(false);
  });

  it('rolls back an edit the server refuses and says why beside the field', async () => {
    const person = await session.server.api<{ id: string }>('POST', '/api/people', {
      displayName: 'Rollback Rita',
      title: 'Analyst',
    });
    const { page } = session.tab;
    await page.goto(`${session.server.url}/people/${person.id}`);
    await page.getByText('Analyst', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Edit title' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    expect(await leavingIsQuestioned(page)).toBe(false);
    await title.fill('x'.repeat(301));
    expect(await leavingIsQuestioned(page)).toBe(true);
    await title.press('Enter');
    // The server refuses; the field reopens with the message, the page shows the old title.
    await page.getByText(/longer than 300|at most 300/).waitFor();
    await expect.poll(() => page.getByText('Analyst', { exact: true }).count()).toBeGreaterThan(0);
    const saved = await session.server.api<{ title: string }>('GET', `/api/people/${person.id}`);
    expect(saved.title).toBe('Analyst');
  });

  it('works from the keyboard: / searches, N adds, L logs, Ctrl+K jumps', async () => {
    const { page } = session.tab;
    session.tab.errors.length = 0; // the refused edit above logged its 400 on purpose
    await page.goto(`${session.server.url}/people`);
    await page.getByTestId('person-row').first().waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('Rita');
    await page.getByText('1 match, best first').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rollback Rita' }).waitFor();

    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+k');
    await page.keyboard.type('log an');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Log an interaction' }).waitFor();
    await page.keyboard.press('Escape');
    expect(session.tab.errors).toEqual([]);
  });

  it('refuses what a page of another site sends: no import undone, no feed address renewed', async () => {
    const content = Buffer.from(fixture('linkedin/Connections.csv')).toString('base64');
    const imported = await session.server.api<{ runId: string }>('POST', '/api/imports', {
      fileName: 'Connections.csv',
      content,
    });
    const feed = await session.server.api<{ path: string }>('POST', '/api/calendar-feed');
    const people = async () =>
      (await session.server.api<{ total: number }>('GET', '/api/people')).total;
    const before = await people();
    const evil = await evilSite(session.server.url);
    try {
      const { page } = session.tab;
      await page.goto(evil.url);
      await page.waitForFunction('document.title === "sent"');
      // The forms' answers arrive in their frames; give them time to land, then look.
      await page.waitForTimeout(500);
      const runs = await session.server.api<{ id: string; undoneAt: string | null }[]>(
        'GET',
        '/api/imports',
      );
      expect(runs.find((r) => r.id === imported.runId)?.undoneAt).toBeNull();
      expect((await session.server.api<{ path: string }>('GET', '/api/calendar-feed')).path).toBe(
        feed.path,
      );
      expect(await people()).toBe(before);
    } finally {
      evil.server.close();
    }
  });
});
