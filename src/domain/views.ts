// Saved views: a filter of the People list kept under a name ("Mentors abroad", "Not in touch
// for 90 days"), shown in the navigation and usable from the CLI (`kith people --view …`).
import { z } from 'zod';
import { KithError } from './errors.js';
import { personListQuerySchema } from './person.js';
import { nameKey } from './text.js';

/** What a view keeps: the list's filters and its order (never a page). */
export const viewFilterSchema = personListQuerySchema
  .pick({ role: true, tag: true, organization: true, unit: true, quietDays: true, sort: true })
  .strict();
export type ViewFilter = z.output<typeof viewFilterSchema>;

export const MAX_VIEWS = 30;

export const viewInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: 'a view needs a name' })
      .max(60, { error: 'a view’s name is longer than 60 characters' }),
    filter: viewFilterSchema,
  })
  .strict();

export const savedViewSchema = viewInputSchema.extend({ slug: z.string() });
export type SavedView = z.output<typeof savedViewSchema>;

/** "Mentors abroad" → "mentors-abroad": how a view is named in an address and the CLI. */
export function slugOf(name: string): string {
  return (
    nameKey(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'view'
  );
}

/** The views with this one saved: a view of the same name (or slug) is replaced. */
export function withView(views: readonly SavedView[], input: unknown): SavedView[] {
  const parsed = viewInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'view';
    throw new KithError('invalid_input', `${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  if (Object.keys(parsed.data.filter).length === 0)
    throw new KithError(
      'invalid_input',
      'filter: a view keeps at least one filter or an order (a role, a tag, an organization, a unit, days without contact)',
      'filter',
    );
  const view = { ...parsed.data, slug: slugOf(parsed.data.name) };
  const others = views.filter((v) => v.slug !== view.slug);
  if (others.length >= MAX_VIEWS)
    throw new KithError('invalid_input', `view: at most ${MAX_VIEWS} saved views`, 'view');
  return [...others, view].sort((a, b) => a.name.localeCompare(b.name));
}

/** The view a user named, by its name or slug, or an error listing the views there are. */
export function findView(views: readonly SavedView[], wanted: string): SavedView {
  const slug = slugOf(wanted);
  const found = views.find((v) => v.slug === slug);
  if (found) return found;
  throw new KithError(
    'not_found',
    views.length
      ? `No saved view is called "${wanted}"; there are: ${views.map((v) => v.slug).join(', ')}`
      : `No saved view is called "${wanted}": there are none yet`,
    'view',
  );
}
