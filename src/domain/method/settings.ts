// The user's settings for the method: who they are (for drafts), their templates, how long
// to wait before a nudge and before moving on, and keep-in-touch defaults per role.
import { z } from 'zod';
import { KithError } from '../errors.js';
import { ROLES } from '../person.js';
import { ASK_PURPOSES } from './ask.js';
import { checkTemplate } from './draft-message.js';
import { isTimeZone } from './calendar.js';
import { DEFAULT_ROLE_CADENCE } from './keep-in-touch.js';
import { INTRO_MESSAGES } from '../connect/intro-drafts.js';
import { interactionKindSchema } from '../interaction.js';
import { DEFAULT_THANK_YOU_KINDS } from './thank-you.js';
import { savedViewSchema, MAX_VIEWS } from '../views.js';

const days = z.int().min(1, { error: 'at least 1 day' }).max(365, { error: 'at most 365 days' });

const fields = {
  myName: z.string().trim().max(200),
  myIntro: z.string().trim().max(1000),
  nudgeAfterDays: days,
  moveOnAfterDays: days,
  roleCadence: z.partialRecord(z.enum(ROLES), days),
  templates: z.partialRecord(z.enum(ASK_PURPOSES), z.string().max(5000)),
  introTemplates: z.partialRecord(z.enum(INTRO_MESSAGES), z.string().max(5000)),
  /** Where the user works: Insights compares the network with it ("your own unit"). */
  myOrganization: z.string().trim().max(200),
  myUnit: z.string().trim().max(200),
  /** The zone days are counted in (nudges, keep-in-touch); null: the machine's. */
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, { error: 'is not a time zone such as Europe/Lisbon' })
    .nullable(),
  /** How many days ahead Today names birthdays and other dates (0: not at all). */
  datesAheadDays: z
    .int({ error: 'must be a whole number of days' })
    .min(0, { error: 'at least 0 days' })
    .max(60, { error: 'at most 60 days' }),
  /** The People list's saved views (domain/views.ts; changed through their own doors). */
  views: z.array(savedViewSchema).max(MAX_VIEWS),
  /** The kinds of chat that earn a thank-you when logged. */
  thankYouKinds: z.array(interactionKindSchema).transform((kinds) => [...new Set(kinds)]),
};

export const settingsSchema = z
  .object({
    myName: fields.myName.default(''),
    myIntro: fields.myIntro.default(''),
    nudgeAfterDays: fields.nudgeAfterDays.default(7),
    moveOnAfterDays: fields.moveOnAfterDays.default(7),
    roleCadence: fields.roleCadence.default(DEFAULT_ROLE_CADENCE),
    templates: fields.templates.default({}),
    introTemplates: fields.introTemplates.default({}),
    myOrganization: fields.myOrganization.default(''),
    myUnit: fields.myUnit.default(''),
    timeZone: fields.timeZone.default(null),
    thankYouKinds: fields.thankYouKinds.default([...DEFAULT_THANK_YOU_KINDS]),
    views: fields.views.default([]),
    datesAheadDays: fields.datesAheadDays.default(7),
  })
  .strict();

/** A change to some settings: absent keys stay as they are (no defaults filled in). */
export const settingsPatchSchema = z.object(fields).partial().strict();
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Keys a user can set one at a time, with how the text they type is read. */
export { SETTING_KEYS } from './setting-keys.js';

/** Merge a change into settings, checking every template's placeholders. */
export function changeSettings(current: Settings, change: unknown): Settings {
  const merged = settingsSchema.safeParse({ ...current, ...(change as object) });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'settings';
    throw new KithError('invalid_input', `${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  for (const [field, template] of [
    ...Object.entries(merged.data.templates).map(([k, t]) => [`templates.${k}`, t] as const),
    ...Object.entries(merged.data.introTemplates).map(
      ([k, t]) => [`introTemplates.${k}`, t] as const,
    ),
  ]) {
    try {
      checkTemplate(template ?? '');
    } catch (error) {
      if (error instanceof KithError)
        throw new KithError('invalid_input', `${field}: ${error.message}`, field);
      throw error;
    }
  }
  return merged.data;
}
