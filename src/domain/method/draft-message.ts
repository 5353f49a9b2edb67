// Drafting the message of an ask from an editable template: a one-sentence introduction of
// the user, then the asks, then the time request. Placeholders look like {first_name}; a
// placeholder with no value, or one the template language does not know, is an error that
// names it — a message never goes out with a hole in it.
import { KithError } from '../errors.js';
import type { AskPurpose } from './ask.js';

export const PLACEHOLDERS = [
  'first_name',
  'my_name',
  'my_intro',
  'question',
  'minutes',
  'work',
  'topic',
  'organization',
  'other_name',
  'reason',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type DraftValues = Partial<Record<Placeholder, string | number | null>>;

export const DEFAULT_TEMPLATES: Record<AskPurpose, string> = {
  path: [
    'Hi {first_name},',
    '',
    '{my_intro}',
    '',
    'I would love to learn about your path and how things work at {organization}. One question in particular: {question}',
    '',
    'Would you have {minutes} minutes for a short chat in the next couple of weeks?',
    '',
    'Thank you,',
    '{my_name}',
  ].join('\n'),
  feedback: [
    'Hi {first_name},',
    '',
    '{my_intro}',
    '',
    'You have done this before, so I would value your feedback on one piece of work: {work}. My question: {question}',
    '',
    'Could we take {minutes} minutes to go through it?',
    '',
    'Thank you,',
    '{my_name}',
  ].join('\n'),
  advice: [
    'Hi {first_name},',
    '',
    '{my_intro}',
    '',
    'I am working through {topic} and you have walked this path. {question}',
    '',
    'Would {minutes} minutes work for you some time soon?',
    '',
    'Thank you,',
    '{my_name}',
  ].join('\n'),
  intro: [
    'Hi {first_name},',
    '',
    '{my_intro}',
    '',
    '{question}',
    '',
    'If it is easier, I am happy to send a short note you can forward.',
    '',
    'Thank you,',
    '{my_name}',
  ].join('\n'),
};

const PATTERN = /\{([a-z_]+)\}/g;

/** The placeholders a template uses, each once, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PATTERN)].map((m) => m[1] ?? ''))];
}

/** Check a template before it is saved: every placeholder must be one Kith fills in. */
export function checkTemplate(template: string): void {
  const unknown = placeholdersOf(template).filter(
    (p) => !(PLACEHOLDERS as readonly string[]).includes(p),
  );
  if (unknown.length > 0) {
    throw new KithError(
      'invalid_input',
      `template: unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}; ` +
        `use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      'template',
    );
  }
}

/** What each placeholder is, to a person filling it in (and the blank a draft shows for it). */
export const PLACEHOLDER_LABELS: Record<Placeholder, string> = {
  first_name: 'their first name',
  my_name: 'your name',
  my_intro: 'a sentence about you',
  question: 'your question',
  minutes: 'how many minutes',
  work: 'the piece of work',
  topic: 'the topic',
  organization: 'their organization',
  other_name: 'the other person’s name',
  reason: 'why they should meet',
};

export interface Draft {
  text: string;
  /** Placeholders with no value yet: shown as "[your name]" in the text, to be asked for. */
  missing: Placeholder[];
}

/**
 * Fill a template, always: a placeholder with no value yet shows as its label in brackets
 * ("[your name]") and is listed in `missing`, so a door can ask for it beside the draft.
 */
export function draftWithBlanks(template: string, values: DraftValues): Draft {
  checkTemplate(template);
  const missing: Placeholder[] = [];
  const text = template.replace(PATTERN, (_m, name: string) => {
    const key = name as Placeholder;
    const value = values[key];
    if (value === undefined || value === null || String(value).trim() === '') {
      if (!missing.includes(key)) missing.push(key);
      return `[${PLACEHOLDER_LABELS[key]}]`;
    }
    return String(value).trim();
  });
  return { text, missing };
}

/** Fill a template. Every placeholder it uses needs a non-empty value. */
export function renderDraft(template: string, values: DraftValues): string {
  checkTemplate(template);
  const missing = placeholdersOf(template).filter((p) => {
    const v = values[p as Placeholder];
    return v === undefined || v === null || String(v).trim() === '';
  });
  if (missing.length > 0) {
    throw new KithError(
      'invalid_input',
      `draft: no value for ${missing.map((m) => `{${m}}`).join(', ')}`,
      missing[0],
      { missing },
    );
  }
  return template.replace(PATTERN, (_m, name: string) =>
    String(values[name as Placeholder]).trim(),
  );
}
