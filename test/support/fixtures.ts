// Sample files for the tests. The repository's own (test/fixtures/, written for Kith's tests:
// see test/fixtures/README.md) are always there; the real-world corpus in ../shared/fixtures
// (files from other projects' test suites) is an extra that runs only where it is present.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** A file of the repository's own fixtures, by its path under test/fixtures/. */
export const fixturePath = (path: string) => join(ROOT, 'test', 'fixtures', path);
export const fixture = (path: string) => new Uint8Array(readFileSync(fixturePath(path)));

/** The real-world corpus beside the repository, or null (said once per suite) when absent. */
export function realWorldCorpus(suite: string): string | null {
  const dir = join(ROOT, '..', 'shared', 'fixtures');
  if (existsSync(dir)) return dir;
  console.warn(
    `${suite}: SKIPPED — the real-world corpus ../shared/fixtures is not beside this clone ` +
      '(an extra; the repository’s own test/fixtures cover the same formats).',
  );
  return null;
}
