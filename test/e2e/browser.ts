// End-to-end harness: the built server on a temporary SQLite file (or a PostgreSQL schema), Debian's Chromium driven
// by playwright-core (never a downloaded browser), a record of every request the page makes,
// console errors, the axe-core audit and screenshots into test-artifacts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { prepare, type Dialect } from '../support/databases.js';

export const CHROMIUM = process.env.KITH_CHROMIUM ?? '/usr/bin/chromium';
/** The database the browser suites' servers use unless a test names one: KITH_E2E_DB. */
const E2E_DATABASE: Dialect = process.env.KITH_E2E_DB === 'postgres' ? 'postgres' : 'sqlite';
const ROOT = new URL('../../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');

export interface TestServer {
  url: string;
  /** Call the API the way a script would (to set up data quickly). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The built server on a database of its own: a new SQLite file, or — `database: 'postgres'`,
 * as a team's server runs — a new schema on KITH_TEST_PG, dropped when the server stops.
 */
export async function startServer(
  env: Record<string, string> = {},
  database: Dialect = E2E_DATABASE,
): Promise<TestServer> {
  const main = join(ROOT, 'dist', 'bin', 'kith.js');
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` first (npm test does).');
  }
  const { target, cleanup } = await prepare(database);
  const where =
    target.kind === 'postgres'
      ? { KITH_DB: '', DATABASE_URL: target.url }
      : { KITH_DB: target.file, DATABASE_URL: '' };
  const child: ChildProcess = spawn(process.execPath, [main, 'serve', '--port', '0'], {
    env: { ...process.env, ...where, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(url + path, {
        method,
        headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(data)}`);
      return data;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await cleanup();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set KITH_CHROMIUM.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    // No transitions: the audit then sees each screen as it settles, not half faded in.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  // A step that waits longer than this has failed; its own error says which one.
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, requests, errors, close: () => context.close() };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (its source evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not block) and returns the serious and critical
 * violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded !== 'object') await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
}

/** Requests that went anywhere but the test server. */
export function foreignRequests(requests: string[], serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  tab: WatchedPage;
}

/**
 * A server on a new SQLite file (optionally with the sample network), Chromium and one tab,
 * for the tests of one describe block; all closed after it.
 */
export function browserSession(
  options: { demoSize?: number; width?: number; database?: Dialect } = {},
): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startServer({}, options.database ?? E2E_DATABASE);
    if (options.demoSize) await session.server.api('POST', '/api/demo', { size: options.demoSize });
    session.browser = await launchBrowser();
    session.tab = await openPage(session.browser, { width: options.width });
  });
  afterAll(async () => {
    await session.tab?.close();
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
