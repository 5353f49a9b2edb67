// The extra real-world corpus: calendar files from ical.js's own samples and parser tests
// (../shared/fixtures), read as Kith imports them: none crashes; events with people come out in
// the right zone. Skipped where the corpus is absent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KithError } from '../../src/domain/errors.js';
import { readContactsFile } from '../../src/domain/import/read-file.js';
import { realWorldCorpus } from '../support/fixtures.js';

const CORPUS = realWorldCorpus('Calendars from the real-world corpus');
const FIXTURES = join(CORPUS ?? '', 'icalendar', 'ical.js');
const read = (name: string, now = '2012-11-01T00:00:00Z') =>
  readContactsFile(new Uint8Array(readFileSync(join(FIXTURES, name))), name, {
    now: new Date(now),
  });

describe.skipIf(!CORPUS)('reading calendars from ical.js samples (real-world corpus)', () => {
  it('refuses no calendar whole for an event it cannot use, and never shows an internal error (#25.14)', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.ics'));
    expect(files.length).toBeGreaterThan(30);
    const internal = /is not a function|Cannot read properties|extract integer|undefined/;
    const refused: string[] = [];
    for (const name of files) {
      try {
        const r = read(name);
        expect(r.format, name).toBe('icalendar');
        // An event that cannot be used is a remark with its line; never an error for the file.
        expect(r.errors, name).toEqual([]);
        for (const remark of r.remarks ?? []) expect(remark, name).not.toMatch(internal);
      } catch (error) {
        expect(error, name).toBeInstanceOf(KithError);
        expect((error as KithError).message, name).toMatch(
          new RegExp(`^${name.replace(/\./g, '\\.')}: not a (readable )?calendar`),
        );
        refused.push(name);
      }
    }
    // Only a file with no calendar in it at all may be refused.
    expect(refused).toEqual([]);
  });

  it('expands a finite monthly series with its exception, in Los Angeles time', () => {
    const r = read('samples_recur_instances_finite.ics');
    expect(r.errors).toEqual([]);
    const times = (r.activities ?? []).map((a) => a.at);
    // First Tuesday of the month at 10:00 in Los Angeles (PDT, UTC−7), until the end of 2012.
    expect(times).toContain('2012-10-02T17:00:00.000Z');
    for (const a of r.activities ?? []) {
      expect(a.with.map((w) => w.name)).toContain('Sahaja Lal');
      expect(a.at < '2013-01-01').toBe(true);
    }
    // Still to come on 1 November 2012, after the change to PST (UTC−8): the first Tuesdays of
    // November and December and the two extra dates (RDATE), as scheduled chats.
    expect((r.activities ?? []).filter((a) => a.type === 'scheduled').map((a) => a.at)).toEqual([
      '2012-11-05T18:00:00.000Z',
      '2012-11-06T18:00:00.000Z',
      '2012-11-10T18:00:00.000Z',
      '2012-12-04T18:00:00.000Z',
    ]);
  });

  it('does not take an alarm’s recipient for someone the event was with', () => {
    const r = read('samples_blank_description.ics');
    expect(r.activities).toEqual([]);
    expect(r.remarks).toEqual(['Events left out: 1 with nobody else in them.']);
  });
});
