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
