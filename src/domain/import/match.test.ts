import { describe, expect, it } from 'vitest';
import { exportedPersonId, fileKeysOf, matchOf, type KnownPeople } from './match.js';

const known: KnownPeople = {
  byEmail: new Map([['ada@example.com', 'p-email']]),
  byLinkedin: new Map([['https://www.linkedin.com/in/ada', 'p-linkedin']]),
  byPhone: new Map([['442079460000', 'p-phone']]),
  byName: new Map([
    [
      'ada lovelace',
      [
        {
          id: 'p-name',
          organization: 'analytical engines',
          emails: ['ada@engines.example'],
          phones: ['+44 20 7946 1111'],
          linkedin: null,
        },
      ],
    ],
  ]),
};

describe('matching an imported row', () => {
  it('does not take the same name at the same organization for them when their identifiers disagree', () => {
    const maria = { displayName: 'Ada Lovelace', organization: 'Analytical Engines' };
    // Another email, none shared: another person of that name, for the user to review.
    expect(matchOf({ ...maria, emails: ['ada.l@other.example'] }, known)).toEqual({
      review: 'p-name',
    });
    // Another phone number: the same.
    expect(matchOf({ ...maria, phones: ['+1 212 555 0199'] }, known)).toEqual({ review: 'p-name' });
    // Nothing that disagrees: the same person.
    expect(matchOf({ ...maria, phones: ['+44 20 7946 1111'] }, known)).toMatchObject({
      id: 'p-name',
    });
    expect(matchOf(maria, known)).toMatchObject({ id: 'p-name', by: 'name and organization' });
  });

  it('goes email, then LinkedIn, then phone digits, then name with organization', () => {
    const ada = { displayName: 'Ada Lovelace' };
    expect(
      matchOf(
        { ...ada, emails: ['ada@example.com'], linkedin: 'https://www.linkedin.com/in/ada' },
        known,
      ),
    ).toEqual({ id: 'p-email', by: 'email' });
    expect(matchOf({ ...ada, linkedin: 'https://www.linkedin.com/in/ada' }, known)).toEqual({
      id: 'p-linkedin',
      by: 'linkedin',
    });
    expect(matchOf({ ...ada, phones: ['+44 (20) 7946-0000'] }, known)).toEqual({
      id: 'p-phone',
      by: 'phone',
    });
    expect(matchOf({ ...ada, organization: 'Analytical Engines' }, known)).toEqual({
      id: 'p-name',
      by: 'name and organization',
    });
  });

  it('flags the same name alone for review, and ignores numbers too short to be phones', () => {
    expect(matchOf({ displayName: 'ADA LOVELACE', organization: 'Elsewhere' }, known)).toEqual({
      review: 'p-name',
    });
    const short = { ...known, byPhone: new Map([['123', 'p-short']]) };
    expect(matchOf({ displayName: 'Bo', phones: ['123'] }, short)).toBeNull();
  });

  it('takes a card UID seen before over every other identifier', () => {
    const byUid = { ...known, byUid: new Map([['android-1', 'p-uid']]) };
    const other = { displayName: 'Someone Else', emails: ['ada@example.com'] };
    expect(matchOf(other, byUid, 'android-1')).toEqual({ id: 'p-uid', by: 'card UID' });
    expect(matchOf(other, byUid, 'android-2')).toEqual({ id: 'p-email', by: 'email' });
    expect(fileKeysOf(other, 'android-1')).toEqual(['uid:android-1', 'email:ada@example.com']);
  });

  it('reads the person a Kith export names in its UIDs, and nothing else', () => {
    expect(exportedPersonId('urn:uuid:01A00000-0000-7000-8000-000000000001')).toBe(
      '01a00000-0000-7000-8000-000000000001',
    );
    for (const uid of ['android-1', 'urn:uuid:nope', '01a00000-0000-7000-8000-000000000001'])
      expect(exportedPersonId(uid)).toBeNull();
  });
});
