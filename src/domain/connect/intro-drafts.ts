// The three messages of a double opt-in introduction, from editable templates: ask A whether
// they would like to meet B; then ask B; then the message that connects them.
export const INTRO_MESSAGES = ['ask-a', 'ask-b', 'connect'] as const;
export type IntroMessage = (typeof INTRO_MESSAGES)[number];

export const DEFAULT_INTRO_TEMPLATES: Record<IntroMessage, string> = {
  'ask-a': [
    'Hi {first_name},',
    '',
    'I think you would enjoy meeting {other_name}: {reason}',
    '',
    'Would you like me to introduce you? No pressure at all if now is not a good time.',
    '',
    '{my_name}',
  ].join('\n'),
  'ask-b': [
    'Hi {first_name},',
    '',
    '{other_name} would be glad to meet you: {reason}',
    '',
    'Shall I introduce you two? A simple no is fine too.',
    '',
    '{my_name}',
  ].join('\n'),
  connect: [
    'Hi {first_name} and {other_name},',
    '',
    'As promised, meet each other: {reason}',
    '',
    'I will let you take it from here.',
    '',
    '{my_name}',
  ].join('\n'),
};
