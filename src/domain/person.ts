// A person in the user's network: who they are, where they work, how we relate, and
// how often to keep in touch. One zod schema serves the API, the CLI and OpenAPI.
import { z } from 'zod';
import { ROLES } from './roles.js';
import { cadenceSchema } from './cadence.js';
import { handleSchema } from './reach.js';
import { DATE_KINDS, personDatesSchema } from './person-dates.js';
import {
  LIMITS,
  isoDate,
  notesText,
  optionalText,
  requiredText,
  timestamp,
  uniqueList,
} from './fields.js';

export { ROLES };
export const roleSchema = z.enum(ROLES, {
  error: (issue) => `"${String(issue.input)}" is not a role; use one of ${ROLES.join(', ')}`,
});
export type Role = z.infer<typeof roleSchema>;

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (issue) => `"${String(issue.input)}" is not an email address` }));

const phoneSchema = z
  .string()
  .trim()
  // Digits with the usual separators, "(905) 555-1234" included, and an extension.
  .regex(/^\+?[0-9(][0-9 ().\-/]{2,30}( ?(ext\.?|x) ?[0-9]{1,6})?$/i, {
    error: 'is not a phone number',
  });

const webUrl = z
  .string()
  .trim()
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: (issue) => `"${String(issue.input)}" is not a web address (http or https)`,
    }),
  );

/**
 * What one item of a person's lists must be, and what it is called when one is not: an
 * import leaves out an unusable value of an otherwise good row rather than refuse the file.
 */
export const LIST_ITEMS = {
  emails: { schema: emailSchema, called: 'email', problem: 'not an email address' },
  phones: { schema: phoneSchema, called: 'phone', problem: 'not a phone number' },
  links: { schema: webUrl, called: 'web address', problem: 'not a web address (http or https)' },
  handles: {
    schema: handleSchema,
    called: 'messaging handle',
    problem: 'not a messaging handle (service:name)',
  },
} as const;

/** LinkedIn profile URLs, normalized to https://www.linkedin.com/in/<handle>. */
export const linkedinSchema = webUrl
  // zod goes on checking after a malformed address: the host is read without ever throwing.
  .refine((u) => /^(www\.|[a-z]{2}\.)?linkedin\.com$/i.test(hostOf(u)), {
    error: 'must be a linkedin.com address',
  })
  .transform((u) => normalizeLinkedin(u));

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function normalizeLinkedin(url: string): string {
  try {
    const path = new URL(url).pathname.replace(/\/+$/, '');
    return `https://www.linkedin.com${path}`;
  } catch {
    return url;
  }
}

export const tagSchema = z
  .string()
  .trim()
  .min(1, { error: 'a tag must not be blank' })
  .max(60, { error: 'a tag is longer than 60 characters' })
  .transform((t) => t.replace(/\s+/g, ' ').toLowerCase());

/** Fields a person can be created with; only the display name is required. */
export const personFields = {
  displayName: requiredText(LIMITS.name, 'display name'),
  givenName: optionalText(LIMITS.name, 'given name'),
  familyName: optionalText(LIMITS.name, 'family name'),
  emails: uniqueList(emailSchema, 'emails'),
  phones: uniqueList(phoneSchema, 'phones'),
  linkedin: linkedinSchema.nullable(),
  links: uniqueList(webUrl, 'links'),
  /** Messaging handles, "telegram:@dana" (reach.ts). */
  handles: uniqueList(handleSchema, 'handles'),
  organization: optionalText(LIMITS.name, 'organization'),
  title: optionalText(LIMITS.shortText, 'title'),
  unit: optionalText(LIMITS.shortText, 'unit'),
  location: optionalText(LIMITS.shortText, 'location'),
  howWeMet: optionalText(LIMITS.longText, 'how we met'),
  metOn: isoDate.nullable(),
  tags: uniqueList(tagSchema, 'tags'),
  roles: uniqueList(roleSchema, 'roles'),
  notes: notesText,
  cadence: cadenceSchema,
  /** A birthday, anniversaries and named dates (person-dates.ts). */
  dates: personDatesSchema,
  /** Chats with them owe no thank-you (a partner, a manager one meets daily). */
  noThankYou: z.boolean({ error: 'must be true or false' }),
};

export const personCreateSchema = z
  .object({
    ...personFields,
    givenName: personFields.givenName.optional(),
    familyName: personFields.familyName.optional(),
    emails: personFields.emails.optional(),
    phones: personFields.phones.optional(),
    linkedin: personFields.linkedin.optional(),
    links: personFields.links.optional(),
    handles: personFields.handles.optional(),
    organization: personFields.organization.optional(),
    title: personFields.title.optional(),
    unit: personFields.unit.optional(),
    location: personFields.location.optional(),
    howWeMet: personFields.howWeMet.optional(),
    metOn: personFields.metOn.optional(),
    tags: personFields.tags.optional(),
    roles: personFields.roles.optional(),
    notes: personFields.notes.optional(),
    cadence: personFields.cadence.optional(),
    dates: personFields.dates.optional(),
    noThankYou: personFields.noThankYou.optional(),
  })
  .strict();
export type PersonCreate = z.output<typeof personCreateSchema>;

/** A patch: any subset of the fields; lists replace the whole list. */
export const personPatchSchema = personCreateSchema.partial().strict();
export type PersonPatch = z.output<typeof personPatchSchema>;

/** A person with every field filled in: what a new person gets from a create input. */
export type PersonData = {
  [K in keyof typeof personFields]-?: z.output<(typeof personFields)[K]>;
};

export function personDataFrom(input: PersonCreate): PersonData {
  return {
    displayName: input.displayName,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    emails: input.emails ?? [],
    phones: input.phones ?? [],
    linkedin: input.linkedin ?? null,
    links: input.links ?? [],
    handles: input.handles ?? [],
    organization: input.organization ?? null,
    title: input.title ?? null,
    unit: input.unit ?? null,
    location: input.location ?? null,
    howWeMet: input.howWeMet ?? null,
    metOn: input.metOn ?? null,
    tags: input.tags ?? [],
    roles: input.roles ?? [],
    notes: input.notes ?? null,
    cadence: input.cadence ?? { kind: 'none' },
    dates: input.dates ?? [],
    noThankYou: input.noThankYou ?? false,
  };
}

/** Apply a patch to a person's data: fields absent from the patch are kept. */
export function applyPersonPatch(current: PersonData, patch: PersonPatch): PersonData {
  const next = { ...current };
  for (const key of Object.keys(patch) as (keyof PersonPatch)[]) {
    const value = patch[key];
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  return next;
}

export const personSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  linkedin: z.string().nullable(),
  links: z.array(z.string()),
  handles: z.array(z.string()),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  location: z.string().nullable(),
  howWeMet: z.string().nullable(),
  metOn: z.string().nullable(),
  tags: z.array(z.string()),
  roles: z.array(roleSchema),
  notes: z.string().nullable(),
  cadence: cadenceSchema,
  dates: z.array(
    z.object({
      kind: z.enum(DATE_KINDS),
      label: z.string().nullable(),
      on: z.string(),
      yearly: z.boolean(),
    }),
  ),
  noThankYou: z.boolean(),
  lastContactAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  archivedAt: timestamp.nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const PERSON_SORTS = ['name', 'recent', 'organization', 'last-contact'] as const;

export const personListQuerySchema = z
  .object({
    role: roleSchema.optional(),
    tag: tagSchema.optional(),
    organization: z.string().trim().min(1).optional(),
    unit: z.string().trim().min(1).optional(),
    /** People of exactly this name, accents and case aside ("is Ada Lovelace already here?"). */
    name: z.string().trim().min(1).max(300).optional(),
    // "true"/"false" from a query string; a boolean when the store is called directly (the
    // API's parsed query is parsed again by the store, so both must pass).
    archived: z
      .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
      .optional(),
    /** Not contacted in this many days (or never): "who have I let drift?" */
    quietDays: z.coerce
      .number()
      .int({ error: 'must be a whole number of days' })
      .min(1, { error: 'at least 1 day' })
      .max(3650, { error: 'at most 3650 days' })
      .optional(),
    sort: z.enum(PERSON_SORTS).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type PersonListQuery = z.output<typeof personListQuerySchema>;

export const personPageSchema = z.object({
  items: z.array(personSchema),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
});
export type PersonPage = z.infer<typeof personPageSchema>;

export const PERSON_BULK_ACTIONS = ['add-tag', 'remove-tag', 'archive', 'restore'] as const;

/** The filters of the people list, without its order and page: which people "all" means. */
export const personFilterSchema = personListQuerySchema
  .pick({
    role: true,
    tag: true,
    organization: true,
    unit: true,
    name: true,
    archived: true,
    quietDays: true,
  })
  .strict();
export type PersonFilter = z.output<typeof personFilterSchema>;

/** How many people one bulk action may change when they are chosen by a filter. */
export const BULK_MATCHING_LIMIT = 100_000;

/**
 * One action on many people at once (the People screen's bulk select): all or none. The
 * people are named by id (those ticked), or by the list's filters (everyone they match).
 */
export const personBulkSchema = z
  .object({
    ids: z
      .array(z.string().trim().min(1))
      .min(1, { error: 'choose at least one person' })
      .max(1000, { error: 'at most 1000 people at a time' })
      .optional(),
    matching: personFilterSchema.optional(),
    action: z.enum(PERSON_BULK_ACTIONS, {
      error: (issue) =>
        `"${String(issue.input)}" is not a bulk action; use one of ${PERSON_BULK_ACTIONS.join(', ')}`,
    }),
    tag: tagSchema.optional(),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.matching === undefined), {
    error: 'name the people by ids or by matching (the list’s filters), one of the two',
    path: ['ids'],
  })
  .refine((b) => (b.action === 'add-tag' || b.action === 'remove-tag') === (b.tag !== undefined), {
    error: 'a tag goes with add-tag and remove-tag, and only with them',
    path: ['tag'],
  });
export type PersonBulk = z.output<typeof personBulkSchema>;

export const personBulkResultSchema = z.object({
  action: z.enum(PERSON_BULK_ACTIONS),
  changed: z.int().describe('People whose data changed'),
  unchanged: z.int().describe('People who already were as asked'),
});
export type PersonBulkResult = z.infer<typeof personBulkResultSchema>;
