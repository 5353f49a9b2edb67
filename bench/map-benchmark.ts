// Network map benchmark (issue #5: "stays usable at 10k nodes"): a demo workspace served by
// the built server, the Network map opened in Debian's Chromium showing the closest 10,000
// people. Measures, inside the page: navigation → the map drawn (its canvas in the DOM and
// the caption with the counts), the time the layout takes to settle, and how long frames take
// meanwhile (the page stays usable when no frame is long); then how long a zoom takes to draw.
//
//   npm run bench:map                         # 12,000 people, 10 ties drawn per person
//   npm run bench:map -- --reuse              # keep the workspace a previous run filled
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { generateNetwork } from '../src/demo/generate-network.js';
import { openStore } from '../src/store/open-store.js';
import { quantile, serveBuilt } from './support.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '12000' },
    knows: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: '.bench' },
    reuse: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const runs = Number(values.runs);

mkdirSync(values.dir, { recursive: true });
const file = join(values.dir, `map-${people}-${values.knows}.db`);
if (!(values.reuse && existsSync(file))) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const store = await openStore({ kind: 'sqlite', file });
  const loaded = await store.bulkLoad(
    generateNetwork({
      size: people,
      seed: 42,
      interactionsPerPerson: 5,
      knowsPerPerson: Number(values.knows),
      today: new Date(),
    }),
  );
  await store.close();
  console.log(`  loaded ${loaded.people} people, ${loaded.knows} ties`);
}

if (!existsSync('dist/web/index.html')) throw new Error('Run `npm run build` first.');
const { url } = await serveBuilt(file);

const browser = await chromium.launch({
  executablePath: process.env.KITH_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
console.log(`Kith network map benchmark: ${people} people, Chromium headless (software WebGL)`);
const drawn: number[] = [];
const settled: number[] = [];
const frames: number[] = [];
const zooms: number[] = [];
let caption = '';
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Frame lengths, from the first frame on: a long frame is a moment the page cannot answer.
  await page.addInitScript(`
    window.frameGaps = [];
    let last = performance.now();
    const tick = (t) => { window.frameGaps.push([t, t - last]); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  `);
  await page.goto(`${url}/network`);
  await page.getByLabel('People shown').selectOption('10000');
  const start = await page.evaluate(() => performance.now());
  await page
    .getByRole('img', { name: /^Network map of 10000 people/ })
    .waitFor({ timeout: 60_000 });
  await page.getByTestId('network-map').locator('canvas').first().waitFor();
  drawn.push((await page.evaluate(() => performance.now())) - start);
  await page.getByText('Settling…').waitFor({ state: 'detached', timeout: 120_000 });
  const end = await page.evaluate(() => performance.now());
  settled.push(end - start);
  // Frames that ended while the layout ran.
  const gaps = (await page.evaluate('window.frameGaps')) as [number, number][];
  const during = gaps.filter(([t]) => t >= start && t <= end).map(([, gap]) => gap);
  frames.push(...during);
  caption = (await page.getByText(/of [\d,]+ people, [\d,]+ ties/).textContent()) ?? '';
  // A zoom: the wheel over the map, then the next two frames.
  const box = await page.getByTestId('network-map').boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await page.evaluate(() => performance.now());
  await page.mouse.wheel(0, -400);
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  zooms.push((await page.evaluate(() => performance.now())) - before);
  if (errors.length) throw new Error(`console errors: ${errors.join('; ')}`);
  await context.close();
}
await browser.close();
const line = (label: string, list: number[]) => {
  const s = [...list].sort((a, b) => a - b);
  return `  ${label.padEnd(40)} median ${quantile(s, 0.5).toFixed(0)} ms  p95 ${quantile(s, 0.95).toFixed(0)} ms  worst ${(s.at(-1) ?? NaN).toFixed(0)} ms  (n=${s.length})`;
};
console.log(`  ${caption.trim()}`);
console.log(line('show 10,000 → map drawn', drawn));
console.log(line('→ layout settled', settled));
console.log(line('frame length while settling', frames));
console.log(line('wheel zoom → drawn', zooms));
process.exit(0);
