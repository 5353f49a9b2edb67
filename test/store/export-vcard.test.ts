// vCard export, read back with ical.js and with Python's vobject, with nothing lost.
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { foldLine } from '../../src/domain/export/vcard.js';
import { describeEachDatabase } from '../support/databases.js';
import { parseIndependently } from '../support/independent-parser.js';

describeEachDatabase('vCard export', (db) => {
  it('writes cards an independent parser reads back field for field', async () => {
    const store = await db().newStore();
    const notes = `Met at the offsite; "great mentor", likes \\backslashes\\.\nSecond line — 👋🏽 ${'long '.repeat(40)}`;
    await store.people.create({
      displayName: 'Zoë Ångström, PhD',
      givenName: 'Zoë',
      familyName: 'Ångström',
      organization: 'Analytical Engines; Ltd',
      unit: 'R&D',
      title: 'CTO, acting',
      emails: ['zoe@example.com', 'z@example.org'],
      phones: ['+44 20 7946 0000'],
      linkedin: 'https://www.linkedin.com/in/zoe',
      links: ['https://zoe.example.com/'],
      tags: ['taxes', 'independent consulting'],
      notes,
    });
    await store.people.create({ displayName: '山本 太郎' });
    const archived = await store.people.create({ displayName: 'In The Trash' });
    await store.people.archive(archived.id);

    const { people, text } = await store.exports.vcard();
    expect(people).toBe(2);
    for (const line of text.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    const parsed = ICAL.parse(text) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map(
      (c) => new ICAL.Component(c as unknown[]),
    );
    expect(cards).toHaveLength(2);
    const zoe = cards.find((c) => c.getFirstPropertyValue('fn') === 'Zoë Ångström, PhD');
    expect(zoe?.getFirstPropertyValue('version')).toBe('4.0');
    expect(zoe?.getFirstPropertyValue('n')).toEqual(['Ångström', 'Zoë', '', '', '']);
    expect(zoe?.getFirstPropertyValue('org')).toEqual(['Analytical Engines; Ltd', 'R&D']);
    expect(zoe?.getFirstPropertyValue('title')).toBe('CTO, acting');
    expect(zoe?.getAllProperties('email').map((p) => p.getFirstValue())).toEqual([
      'zoe@example.com',
      'z@example.org',
    ]);
    expect(zoe?.getFirstPropertyValue('tel')).toBe('+44 20 7946 0000');
    expect(zoe?.getAllProperties('url').map((p) => p.getFirstValue())).toEqual([
      'https://www.linkedin.com/in/zoe',
      'https://zoe.example.com/',
    ]);
    expect(zoe?.getFirstProperty('categories')?.getValues()).toEqual([
      'independent consulting',
      'taxes',
    ]);
    expect(zoe?.getFirstPropertyValue('note')).toBe(notes);
    expect(String(zoe?.getFirstPropertyValue('uid'))).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);

    // A second parser, not Kith's own (Python's vobject, warnings as errors), reads the same.
    const independent = parseIndependently('vcard', text);
    expect(independent.map((c) => c.fn)).toEqual(['Zoë Ångström, PhD', '山本 太郎']);
    expect(independent[0]).toMatchObject({
      n: ['Ångström', 'Zoë'],
      org: [['Analytical Engines; Ltd', 'R&D']],
      title: ['CTO, acting'],
      emails: ['zoe@example.com', 'z@example.org'],
      tels: ['+44 20 7946 0000'],
      urls: ['https://www.linkedin.com/in/zoe', 'https://zoe.example.com/'],
      note: [notes],
    });
  });

  it('folds long lines without splitting a character', () => {
    const line = `NOTE:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
