// Calendars as calendar apps write them (the repository's own samples, test/fixtures/icalendar):
// a recurring series with its exceptions in a defined zone, zones named three ways, Outlook's
// invitation with a Windows zone name — read as Kith imports them.
import { describe, expect, it } from 'vitest';
import { readContactsFile } from '../../src/domain/import/read-file.js';
import { fixture } from '../support/fixtures.js';

const read = (name: string, now: string) =>
  readContactsFile(fixture(`icalendar/${name}`), name, { now: new Date(now) });
const brief = (r: ReturnType<typeof read>) =>
  (r.activities ?? []).map((a) => [a.type, a.at, 'summary' in a ? a.summary : null]);

describe('reading calendars as calendar apps write them', () => {
  it('expands a monthly series in Los Angeles time: taken-out, added, moved and cancelled dates', () => {
    const r = read('recurring-series.ics', '2025-05-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(brief(r)).toEqual([
      // First Tuesdays at 10:00 PST (UTC−8), then PDT (UTC−7) from March; 4 March taken out.
      ['interaction', '2025-01-07T18:00:00.000Z', 'Mentoring call with Chidi'],
      ['interaction', '2025-02-04T18:00:00.000Z', 'Mentoring call with Chidi'],
      ['interaction', '2025-04-01T17:00:00.000Z', 'Mentoring call with Chidi'],
      // 15 April added by RDATE.
      ['interaction', '2025-04-15T17:00:00.000Z', 'Mentoring call with Chidi'],
      ['scheduled', '2025-05-06T17:00:00.000Z', 'Mentoring call with Chidi'],
      // 3 June moved to Thursday 5 June 15:30; 1 July cancelled (and said so).
      ['scheduled', '2025-06-05T22:30:00.000Z', 'Mentoring call with Chidi (moved to Thursday)'],
    ]);
    expect(r.remarks).toEqual(['Events left out: 1 cancelled.']);
    expect(r.activities?.[0]?.with).toContainEqual({
      name: 'Okafor, Chidi',
      email: 'chidi@okafor.example',
    });
  });

  it('reads an IANA zone the file does not define, all-day events, durations and escaped text', () => {
    const r = read('zones-and-guests.ics', '2025-05-01T00:00:00Z');
    expect(r.errors).toEqual([]);
    expect(brief(r)).toEqual([
      // 09:00 in Berlin (CET, UTC+1).
      ['interaction', '2025-03-12T08:00:00.000Z', 'Coffee with Hélène'],
      ['interaction', '2025-03-20T00:00:00.000Z', 'Offsite with Maja'],
      ['interaction', '2025-03-25T17:00:00.000Z', 'Call with Wen'],
    ]);
    const coffee = r.activities?.[0];
    // The room, the guest who declined and the alarm's recipient are not people met.
    expect(coffee?.with).toEqual([
      { name: 'Hélène Dubois', email: 'helene@atelier-dubois.example' },
    ]);
    expect(coffee?.type === 'interaction' && coffee.notes).toBe(
      'Where: Café Einstein, Unter den Linden\n\n' +
        'Her question: how to price a design retainer; she asked for two names.\nBring the deck.',
    );
    expect(r.remarks).toEqual(['Events left out: 1 with nobody else in them.']);
  });

  it('reads Outlook’s invitation in its Windows zone, and leaves an all-hands out', () => {
    const before = read('outlook-invite.ics', '2025-03-25T00:00:00Z');
    // 14:00 in W. Europe Standard Time (CEST from 30 March, UTC+2), still to come: a scheduled chat.
    expect(before.activities?.map((a) => [a.type, a.at, a.with.length])).toEqual([
      ['scheduled', '2025-04-02T12:00:00.000Z', 2],
    ]);
    expect(before.remarks).toEqual(['Events left out: 1 with more than 12 people.']);
  });
});
