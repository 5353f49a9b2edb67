// The `kith` command as users run it: the compiled CLI (dist/cli/main.js) bundled with its
// dependencies into dist/bin/, split so that each command loads only what it uses (the store,
// the server and the sample network are chunks of their own, loaded on first use). Resolving
// and reading hundreds of small modules (kysely alone is ~300) was most of a command's start.
// better-sqlite3 is a native addon and stays a package; the worker threads run the compiled
// files in dist/store/.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bin', { recursive: true, force: true });
await build({
  entryPoints: { kith: 'dist/cli/main.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'pg-native'],
  // Bundled CommonJS packages (pg, papaparse…) call require(): give ESM chunks one.
  banner: {
    js: "import { createRequire as __kithRequire } from 'node:module'; const require = __kithRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
