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
