import { describe, expect, it } from 'vitest';
import { parseOrThrow } from './errors.js';
import {
  applyPersonPatch,
  personCreateSchema,
  personDataFrom,
  personPatchSchema,
} from './person.js';

const parse = (input: unknown) => parseOrThrow(personCreateSchema, input);

describe('person input', () => {
  it('trims, lower-cases emails and tags, dedupes lists, normalizes LinkedIn', () => {
    const p = parse({
      displayName: '  Ada Lovelace ',
      emails: ['ADA@example.com', 'ada@example.com '],
      tags: ['Finance', ' finance', 'Career   Change'],
      linkedin: 'http://uk.linkedin.com/in/ada/',
    });
    expect(p).toMatchObject({
      displayName: 'Ada Lovelace',
      emails: ['ada@example.com'],
      tags: ['finance', 'career change'],
      linkedin: 'https://www.linkedin.com/in/ada',
    });
  });

  it.each([
    [{ displayName: ' \t ' }, 'displayName', /must not be blank/],
    [{ displayName: 'A\u0000B' }, 'displayName', /NUL character/],
    [{ displayName: 'x'.repeat(201) }, 'displayName', /longer than 200/],
    [{ displayName: 'A', emails: ['a@b'] }, 'emails.0', /not an email address/],
    [{ displayName: 'A', phones: ['call me'] }, 'phones.0', /not a phone number/],
    [{ displayName: 'A', links: ['javascript:alert(1)'] }, 'links.0', /not a web address/],
    [{ displayName: 'A', metOn: '2026-02-29' }, 'metOn', /YYYY-MM-DD/],
    [{ displayName: 'A', roles: ['boss'] }, 'roles.0', /not a role/],
  ])('refuses %j naming %s', (input, field, message) => {
    expect(() => parse(input)).toThrow(message);
    try {
      parse(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('refuses a malformed LinkedIn address with a message instead of throwing', () => {
    // Found by fuzzing the importers: zod checks on after a bad URL, and new URL() threw.
    for (const linkedin of ['http://', 'https://[', 'http://a b', 'https://a:b@']) {
      const parsed = personCreateSchema.safeParse({ displayName: 'Ada', linkedin });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/is not a web address/);
    }
  });

  it('fills defaults for a new person and applies a patch field by field', () => {
    const data = personDataFrom(parse({ displayName: 'Ada' }));
    expect(data).toMatchObject({ emails: [], roles: [], cadence: { kind: 'none' }, notes: null });
    const patch = parseOrThrow(personPatchSchema, { title: 'CTO', notes: '' });
    expect(applyPersonPatch({ ...data, notes: 'old' }, patch)).toMatchObject({
      displayName: 'Ada',
      title: 'CTO',
      notes: null,
    });
  });
});
