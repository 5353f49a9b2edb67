// Exports checked by parsers that are not Kith's own: Debian's Python vobject and icalendar
// (installed by .ci/run). Any warning from them fails the check (python3 -W error).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'independent-parser.py');

export function parseIndependently<T = Record<string, unknown>[]>(
  kind: 'vcard' | 'ics',
  text: string,
): T {
  const out = execFileSync('/usr/bin/python3', ['-W', 'error', SCRIPT, kind], {
    input: Buffer.from(text, 'utf8'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return JSON.parse(out.toString('utf8')) as T;
}
