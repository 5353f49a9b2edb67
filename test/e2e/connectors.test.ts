// Connectors in the browser: make an introduction end to end (double opt-in, each message
// drafted), and ask who can help with finance, then follow a warm path to a drafted ask.
import { describe, expect, it } from 'vitest';
import { browserSession, foreignRequests } from './browser.js';

interface Person {
  id: string;
  displayName: string;
}
interface Introduction {
  id: string;
  kind: string;
  state: string;
  personAName: string;
  personBName: string;
  history: { action: string }[];
}
interface Ask {
  personId: string;
  personName: string;
  purpose: string;
  question: string;
  state: string;
}

describe('connectors in the web app', { timeout: 120_000 }, () => {
  const session = browserSession({ demoSize: 200 });

  it('makes an introduction end to end, drafting each message', async () => {
    const { page } = session.tab;
    await session.server.api('PATCH', '/api/settings', { myName: 'Alex Rivera' });
    const sam = await session.server.api<Person>('POST', '/api/people', {
      displayName: 'Samira Quist',
    });
    const lee = await session.server.api<Person>('POST', '/api/people', {
      displayName: 'Leopold Varga',
    });
    await page.goto(new URL('/introductions', session.server.url).href);
    await page.getByRole('button', { name: 'Introduce two people' }).click();
    const dialog = page.getByRole('dialog', { name: 'Introduce two people' });
    const pick = async (label: string, name: string) => {
      const box = dialog.getByRole('combobox', { name: label });
      await box.fill(name.split(' ')[0] ?? name);
      await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    };
    // Nothing is sent without a reason: the field says so.
    await pick('First person (asked first)', 'Samira Quist');
    await pick('Second person', 'Leopold Varga');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await dialog.getByText(/reason must not be blank|reason is required/).waitFor();
    await dialog
      .getByRole('textbox', { name: 'Why they should meet' })
      .fill('you both run small design studios');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = page.getByTestId('introduction').filter({ hasText: 'Samira Quist' });
    await card.getByText('Proposed').waitFor();
    // The first message goes to Samira and names Leopold.
    await card.getByRole('button', { name: 'Draft the message' }).click();
    const draft = page.getByRole('dialog', { name: 'Ask Samira' });
    await expect
      .poll(async () => draft.getByTestId('intro-draft').inputValue())
      .toContain('Hi Samira,');
    expect(await draft.getByTestId('intro-draft').inputValue()).toContain(
      'meeting Leopold Varga: you both run small design studios',
    );
    await page.keyboard.press('Escape');
    for (const step of [
      'I asked Samira',
      'Samira said yes',
      'I asked Leopold',
      'Leopold said yes',
    ]) {
      await card.getByRole('button', { name: step }).click();
      await card.getByRole('button', { name: step }).waitFor({ state: 'detached' });
    }
    await card.getByRole('button', { name: 'Draft the message' }).click();
    const connect = page.getByRole('dialog', { name: 'The message that connects them' });
    await expect
      .poll(async () => connect.getByTestId('intro-draft').inputValue())
      .toContain('Hi Samira and Leopold,');
    await page.keyboard.press('Escape');
    await card.getByRole('button', { name: 'I introduced them' }).click();
    await card.getByText('Made').waitFor();

    const made = await session.server.api<Introduction[]>('GET', '/api/introductions?kind=made');
    const ours = made.find((i) => i.personAName === 'Samira Quist');
    expect(ours?.state).toBe('made');
    expect(ours?.history.map((h) => h.action)).toEqual([
      'propose',
      'ask-a',
      'accept-a',
      'ask-b',
      'accept-b',
      'make',
    ]);
    // The new tie is recorded, and giving back shows in Samira's ledger.
    const ledger = await session.server.api<{ gave: number }>(
      'GET',
      `/api/people/${sam.id}/ledger`,
    );
    expect(ledger.gave).toBe(1);
    const ties = await session.server.api<{ personA: string; personB: string }[]>(
      'GET',
      `/api/people/${lee.id}/knows`,
    );
    expect(ties.some((t) => t.personA === sam.id || t.personB === sam.id)).toBe(true);
  });

  it('asks who can help with finance and follows a warm path to a drafted ask', async () => {
    const { page } = session.tab;
    await page.getByRole('link', { name: 'Who can help' }).click();
    await page.getByRole('textbox', { name: 'Who can help with…' }).fill('finance');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByTestId('who-direct').first().waitFor();
    const path = page.getByTestId('who-path').first();
    await path.waitFor();
    const explanation = (await path.getByText(/^ask .+ to introduce you to /).textContent()) ?? '';
    const connector = /^ask (\S+) to /.exec(explanation)?.[1] ?? '';
    expect(connector).not.toBe('');
    await path.getByRole('button', { name: `Ask ${connector} for the introduction` }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask one specific question' });
    const question = dialog.getByRole('textbox', { name: 'The question' });
    expect(await question.inputValue()).toMatch(
      /^Would you introduce me to .+\? I would like to ask about finance\.$/,
    );
    await dialog.getByRole('button', { name: 'Save as draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Asks' }).first().waitFor();
    const drafts = await session.server.api<Ask[]>('GET', '/api/asks?state=draft');
    const made = drafts.find((a) => a.purpose === 'intro' && a.question.includes('finance'));
    expect(made?.personName.split(' ')[0]).toBe(connector);
    expect(foreignRequests(session.tab.requests, session.server.url)).toEqual([]);
    expect(session.tab.errors).toEqual([]);
  });
});
