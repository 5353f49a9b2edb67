import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, checkTemplate, placeholdersOf, renderDraft } from './draft-message.js';

const values = {
  first_name: 'Dana',
  my_name: 'Sam',
  my_intro: 'I lead data at Bluefin and am exploring independent consulting.',
  question: 'How did you find your first two clients?',
  minutes: 30,
  organization: 'Meridian',
  work: 'my rate card',
  topic: 'going independent',
};

describe('drafting an ask', () => {
  it('fills the default template for each purpose: intro, the asks, then the time request', () => {
    const text = renderDraft(DEFAULT_TEMPLATES.path, values);
    expect(text).toContain('Hi Dana,');
    expect(text.indexOf('I lead data')).toBeLessThan(text.indexOf('How did you find'));
    expect(text.indexOf('How did you find')).toBeLessThan(text.indexOf('30 minutes'));
    for (const template of Object.values(DEFAULT_TEMPLATES)) {
      expect(renderDraft(template, values)).not.toMatch(/\{[a-z_]+\}/);
    }
  });

  it('names every placeholder that has no value', () => {
    expect(() =>
      renderDraft(DEFAULT_TEMPLATES.feedback, { ...values, work: ' ', first_name: null }),
    ).toThrow('draft: no value for {first_name}, {work}');
  });

  it('refuses a template with a placeholder Kith does not know', () => {
    expect(() => checkTemplate('Hi {firstname}, {question}')).toThrow(
      /unknown placeholder \{firstname\}/,
    );
    expect(placeholdersOf('{question} {question} {minutes}')).toEqual(['question', 'minutes']);
  });
});
