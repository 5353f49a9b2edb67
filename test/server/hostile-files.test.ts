// A few hundred generated hostile files of every format (test/support/hostile-files.ts, fixed
// seed) sent to the import API on each database: none is answered with a 5xx, every refusal
// says why in words, a refused import writes nothing, and the server keeps answering.
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { describeEachDatabase } from '../support/databases.js';
import { hostileFiles } from '../support/hostile-files.js';

const FILES = hostileFiles(20261207, 280);

describeEachDatabase('hostile files sent to the import API', (db) => {
  let store: Store;
  let app: Hono;
  beforeAll(async () => {
    store = await db().newStore();
    app = createApp(store, { version: 'test', log: () => undefined });
  });

  it(
    'answers every one in words, never 5xx, and a refused one writes nothing',
    { timeout: 300_000 },
    async () => {
      const failures: string[] = [];
      for (const [i, file] of FILES.entries()) {
        const dryRun = i % 5 !== 0;
        const before = await store.counts();
        const res = await app.request('http://127.0.0.1:4321/api/imports', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            fileName: file.name,
            content: Buffer.from(file.bytes).toString('base64'),
            dryRun,
          }),
        });
        const body = (await res.json()) as { status?: string; error?: { message?: string } };
        const label = `#${i} ${file.name} (${file.how}): ${res.status}`;
        if (res.status >= 500) failures.push(`${label} ${JSON.stringify(body).slice(0, 200)}`);
        else if (res.status !== 200 && !body.error?.message)
          failures.push(`${label} without a message`);
        const refused = res.status !== 200 || body.status === 'refused';
        if ((dryRun || refused) && JSON.stringify(await store.counts()) !== JSON.stringify(before))
          failures.push(`${label} changed the workspace`);
      }
      expect(failures).toEqual([]);
      expect((await app.request('http://127.0.0.1:4321/healthz')).status).toBe(200);
    },
  );
});
