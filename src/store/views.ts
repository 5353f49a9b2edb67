// The People list's saved views, kept with the workspace's settings (a handful of small
// filters); the rules — names, slugs, what a view may hold — are domain/views.ts.
import { findView, withView, type SavedView } from '../domain/views.js';
import { inTransaction, type StoreContext } from './context.js';
import { updateSettings } from './settings-change.js';
import { getSettings } from './settings.js';

export async function listViews(ctx: StoreContext): Promise<SavedView[]> {
  return (await getSettings(ctx)).views;
}

/** Save a view (one of the same name is replaced); the view as kept. */
export async function saveView(ctx: StoreContext, input: unknown): Promise<SavedView> {
  return inTransaction(ctx, async (tx) => {
    const views = withView((await getSettings(tx)).views, input);
    await updateSettings(tx, { views });
    return findView(views, (input as { name: string }).name);
  });
}

export async function removeView(ctx: StoreContext, wanted: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const views = (await getSettings(tx)).views;
    const gone = findView(views, wanted);
    await updateSettings(tx, { views: views.filter((v) => v.slug !== gone.slug) });
  });
}

export async function getView(ctx: StoreContext, wanted: string): Promise<SavedView> {
  return findView(await listViews(ctx), wanted);
}
