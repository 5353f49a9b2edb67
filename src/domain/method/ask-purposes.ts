// What an ask is for (a module of its own: the CLI lists them in its help without the schemas).
export const ASK_PURPOSES = ['path', 'feedback', 'advice', 'intro'] as const;
export type AskPurpose = (typeof ASK_PURPOSES)[number];
