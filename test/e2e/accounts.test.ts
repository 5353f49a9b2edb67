// Accounts in the browser: the owner makes the first account, invites a member by link; the
// member joins, adds a passkey (Chromium's virtual authenticator, through the DevTools
// protocol), signs out and back in with it; neither sees the other's network; sign-out brings
// the sign-in page back. The sign-in screens pass the accessibility audit at both widths and
// in both themes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  screenshot,
  seriousViolations,
  startServer,
  type TestServer,
} from './browser.js';
import type { Browser } from 'playwright-core';

const PASSWORD = 'a long enough password';
const MARKER = 'Qvzmemberonly';

/** The server as a browser must reach it for passkeys: by name (an IP address is no RP ID). */
const byName = (url: string) => url.replace('127.0.0.1', 'localhost');

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

describe('accounts in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startServer({ KITH_ACCOUNTS: '1' });
    base = byName(server.url);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs up the owner, invites a member who signs in with a passkey, and keeps their networks apart', async () => {
    const owner = await openPage(browser);
    await owner.page.goto(base);
    await owner.page.getByRole('heading', { name: 'Make the owner’s account' }).waitFor();
    await screenshot(owner.page, 'sign-up-owner');
    await owner.page.getByLabel('Your name').fill('Olivia Owner');
    await owner.page.getByLabel('Email').fill('olivia@example.org');
    await owner.page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await owner.page.getByRole('button', { name: 'Make my account' }).click();
    // In: the app itself, with the first-run offer of an empty network.
    await owner.page.getByRole('navigation').waitFor();
    await owner.page.evaluate(async () => {
      await fetch('/api/people', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ displayName: 'Priya Ownersfriend' }),
      });
    });

    await owner.page.goto(`${base}/settings`);
    await owner.page.getByRole('heading', { name: 'Invite people' }).waitFor();
    await owner.page.getByLabel('Their email (optional)').fill('max@example.org');
    await owner.page.getByRole('button', { name: 'Make an invitation link' }).click();
    const link = await owner.page.locator('code', { hasText: '/sign-up?invitation=' }).innerText();
    await screenshot(owner.page, 'settings-accounts');

    const member = await openPage(browser);
    await virtualAuthenticator(member.page);
    await member.page.goto(link);
    await member.page.getByRole('heading', { name: 'Join Kith' }).waitFor();
    await expect.poll(() => member.page.getByLabel('Email').inputValue()).toBe('max@example.org');
    await screenshot(member.page, 'sign-up-invited');
    await member.page.getByLabel('Your name').fill('Max Member');
    await member.page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await member.page.getByRole('button', { name: 'Join' }).click();
    await member.page.getByRole('navigation').waitFor();
    expect(new URL(member.page.url()).pathname).toBe('/');

    // The member's network is empty: nothing of the owner's.
    const seen = await member.page.evaluate(async () => (await fetch('/api/people')).text());
    expect(seen).not.toContain('Ownersfriend');

    await member.page.goto(`${base}/settings`);
    await member.page.getByLabel('Name for a new passkey').fill('Test phone');
    await member.page.getByRole('button', { name: 'Add a passkey' }).click();
    await member.page.getByRole('cell', { name: 'Test phone', exact: true }).waitFor();
    // Members do not invite.
    expect(await member.page.getByRole('heading', { name: 'Invite people' }).count()).toBe(0);

    await member.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await member.page.getByRole('heading', { name: 'Sign in to Kith' }).waitFor();
    expect(await member.page.evaluate(async () => (await fetch('/api/people')).status)).toBe(401);
    await member.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await member.page.getByRole('navigation').waitFor();
    const state = await member.page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(state).toMatchObject({ account: { email: 'max@example.org', role: 'member' } });

    // A team: the owner makes it and adds the member; both share; the owner's "who can help"
    // finds the person only the member knows, and nothing of the member's notes.
    await member.page.evaluate(async (marker) => {
      const post = (path: string, body: unknown) =>
        fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ id: string }>);
      const tom = await post('/api/people', {
        displayName: 'Tom Berg',
        organization: 'Acme',
        title: 'Head of tax',
        notes: `private ${marker}`,
      });
      await post('/api/interactions', {
        kind: 'coffee',
        occurredAt: '2026-12-01',
        participantIds: [tom.id],
        summary: `coffee ${marker}`,
      });
    }, MARKER);
    await owner.page.goto(`${base}/settings`);
    await owner.page.getByLabel('New team').fill('Consulting crew');
    await owner.page.getByRole('button', { name: 'Make a team' }).click();
    const ownerTeam = owner.page.getByTestId('team');
    await ownerTeam.getByLabel('Add a member by email').fill('max@example.org');
    await ownerTeam.getByRole('button', { name: 'Add', exact: true }).click();
    await ownerTeam.getByText('Max Member (max@example.org)').waitFor();
    const ownerShares = ownerTeam.getByLabel('Share my people and ties with this team');
    await ownerShares.click();
    await expect.poll(() => ownerShares.isChecked()).toBe(true);
    await member.page.goto(`${base}/settings`);
    const memberTeam = member.page.getByTestId('team');
    await memberTeam.getByText('Consulting crew').waitFor();
    const memberShares = memberTeam.getByLabel('Share my people and ties with this team');
    await memberShares.click();
    await expect.poll(() => memberShares.isChecked()).toBe(true);
    await expect.poll(() => memberTeam.getByText('shares', { exact: true }).count()).toBe(2);
    await screenshot(member.page, 'settings-teams');
    expect(await seriousViolations(member.page)).toEqual([]);

    await owner.page.goto(`${base}/who?q=acme`);
    const answer = owner.page.getByTestId('who-teammate');
    await answer.getByText('Tom Berg, Head of tax at Acme').waitFor();
    expect(await answer.innerText()).toMatch(/Max \(your teammate\) knows Tom Berg at Acme/);
    await screenshot(owner.page, 'who-teammates');
    expect(await seriousViolations(owner.page)).toEqual([]);
    await answer.getByRole('button', { name: 'Ask Max to introduce you' }).click();
    const dialog = owner.page.getByRole('dialog');
    await dialog.waitFor();
    expect(
      await dialog
        .getByRole('textbox', { name: /question/i })
        .first()
        .inputValue(),
    ).toMatch(/introduce me to Tom Berg/);
    await owner.page.keyboard.press('Escape');
    const seenByOwner = await owner.page.evaluate(async () => {
      const paths = [
        '/api/people?limit=500',
        '/api/who?q=acme',
        '/api/who?q=tax',
        '/api/teams',
        '/api/today',
        '/api/network',
        '/api/export?format=json',
      ];
      return (await Promise.all(paths.map(async (p) => (await fetch(p)).text()))).join('\n');
    });
    expect(seenByOwner).toContain('Tom Berg');
    expect(seenByOwner).not.toContain(MARKER);

    // A wrong password is said so, next to nothing changed.
    await member.page
      .getByRole('button', { name: 'Sign out', exact: true })
      .click()
      .catch(async () => {
        await member.page.goto(`${base}/settings`);
        await member.page.getByRole('button', { name: 'Sign out', exact: true }).click();
      });
    await member.page.getByRole('heading', { name: 'Sign in to Kith' }).waitFor();
    await member.page.getByLabel('Email').fill('max@example.org');
    await member.page.getByRole('textbox', { name: 'Password' }).fill('not my password');
    await member.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await member.page
      .getByRole('alert')
      .filter({ hasText: 'Email or password is wrong.' })
      .waitFor();

    // The account and team screens on a phone, in the dark: audited, nothing wider than it.
    await owner.page.setViewportSize({ width: 375, height: 800 });
    await owner.page.emulateMedia({ colorScheme: 'dark' });
    for (const [path, ready, name] of [
      ['/settings', owner.page.getByRole('heading', { name: 'Teams' }), 'settings-accounts-dark'],
      ['/who?q=acme', owner.page.getByTestId('who-teammate'), 'who-teammates-dark'],
    ] as const) {
      await owner.page.goto(`${base}${path}`);
      await ready.waitFor();
      expect(await seriousViolations(owner.page)).toEqual([]);
      expect(
        await owner.page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      ).toBeLessThanOrEqual(0);
      await screenshot(owner.page, name);
    }
    expect(owner.errors.filter((e) => !/401/.test(e))).toEqual([]);
    await owner.close();
    await member.close();
  }, 90_000);

  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [375, 1280])
      it(`shows the sign-in page at ${width} px, ${colorScheme}, with no serious accessibility problem`, async () => {
        const tab = await openPage(browser, { width, colorScheme });
        await tab.page.goto(base);
        await tab.page.getByRole('heading', { name: 'Sign in to Kith' }).waitFor();
        expect(await seriousViolations(tab.page)).toEqual([]);
        const overflow = await tab.page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(tab.page, `sign-in-${colorScheme}`);
        await tab.close();
      });
});
