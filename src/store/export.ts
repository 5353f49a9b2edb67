// Taking the network out: people (vCard, CSV), and the calendar (iCalendar) of scheduled
// chats, keep-in-touch days and follow-ups. People are read a page at a time so a large
// workspace never sits in one query's result, then written by a domain serializer.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { toCsv } from '../domain/export/csv.js';
import { calendarOf, toIcalendar, type CalendarEvent } from '../domain/export/icalendar.js';
import { toVcard } from '../domain/export/vcard.js';
import { KithError } from '../domain/errors.js';
import { addDays, isTimeZone, localDate } from '../domain/method/calendar.js';
import type { Person } from '../domain/person.js';
import type { StoreContext } from './context.js';
import { listPeople } from './people.js';
import { getSettings } from './settings.js';
import { datesOf } from './derived.js';

const PAGE = 1000;
/** Keep-in-touch days this far ahead are in the calendar; later ones come as time passes. */
export const FEED_DAYS_AHEAD = 90;
/** A calendar with thousands of reminders on one day helps nobody: the soonest this many. */
export const FEED_MAX_REMINDERS = 500;
/** At most this many people's dates in the calendar (each repeats by itself once there). */
export const FEED_MAX_DATED = 5000;

export const EXPORT_FORMATS = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  vcard: { contentType: 'text/vcard; charset=utf-8', extension: 'vcf' },
  ics: { contentType: 'text/calendar; charset=utf-8', extension: 'ics' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export async function allPeople(ctx: StoreContext): Promise<Person[]> {
  const out: Person[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listPeople(ctx, { limit: PAGE, offset, sort: 'name' });
    out.push(...page.items);
    if (page.items.length < PAGE) return out;
  }
}

export async function exportVcard(ctx: StoreContext): Promise<{ people: number; text: string }> {
  const people = await allPeople(ctx);
  const photos = await ctx.db
    .selectFrom('person_photo')
    .innerJoin('person', 'person.id', 'person_photo.person_id')
    .select(['person_photo.person_id', 'person_photo.mime', 'person_photo.data'])
    .where('person_photo.workspace_id', '=', ctx.workspaceId)
    .where('person.archived_at', 'is', null)
    .execute();
  return {
    people: people.length,
    text: toVcard(people, new Map(photos.map((p) => [p.person_id, p]))),
  };
}

export async function exportCsv(ctx: StoreContext): Promise<{ people: number; text: string }> {
  const people = await allPeople(ctx);
  return { people: people.length, text: toCsv(people) };
}

/** The events of the calendar: what is coming, from today in the user's time zone. */
export async function calendarEvents(ctx: StoreContext): Promise<CalendarEvent[]> {
  const settings = await getSettings(ctx);
  const zone = settings.timeZone && isTimeZone(settings.timeZone) ? settings.timeZone : 'UTC';
  const today = localDate(ctx.now(), zone);
  const ws = ctx.workspaceId;
  const [chats, due, tasks, dated] = await Promise.all([
    ctx.db
      .selectFrom('ask')
      .innerJoin('person', 'person.id', 'ask.person_id')
      .select(['ask.id', 'ask.question', 'ask.minutes', 'ask.scheduled_for', 'person.display_name'])
      .where('ask.workspace_id', '=', ws)
      .where('ask.state', '=', 'scheduled')
      .where('ask.scheduled_for', 'is not', null)
      .orderBy('ask.scheduled_for')
      .execute(),
    ctx.db
      .selectFrom('person')
      .select(['id', 'display_name', 'touch_due_on', 'snoozed_until'])
      .where('workspace_id', '=', ws)
      .where('archived_at', 'is', null)
      .where('touch_due_on', 'is not', null)
      .where('touch_due_on', '<=', addDays(today, FEED_DAYS_AHEAD))
      .orderBy('touch_due_on')
      .orderBy('id')
      .limit(FEED_MAX_REMINDERS)
      .execute(),
    ctx.db
      .selectFrom('task')
      .leftJoin('person', 'person.id', 'task.person_id')
      .select(['task.id', 'task.title', 'task.due_on', 'person.display_name'])
      .where('task.workspace_id', '=', ws)
      .where('task.done_at', 'is', null)
      .orderBy('task.due_on')
      .execute(),
    ctx.db
      .selectFrom('person')
      .select(['id', 'display_name', 'dates'])
      .where('workspace_id', '=', ws)
      .where('archived_at', 'is', null)
      .where('dates', 'is not', null)
      .orderBy('id')
      .limit(FEED_MAX_DATED)
      .execute(),
  ]);
  return calendarOf({
    today,
    chats: chats.map((c) => ({
      id: c.id,
      person: c.display_name,
      question: c.question,
      at: c.scheduled_for ?? '',
      minutes: c.minutes,
    })),
    keepInTouch: due.map((p) => ({
      id: p.id,
      person: p.display_name,
      dueOn: p.touch_due_on ?? today,
      snoozedUntil: p.snoozed_until,
    })),
    followUps: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      person: t.display_name,
      dueOn: t.due_on,
    })),
    dates: dated.map((p) => ({ id: p.id, person: p.display_name, dates: datesOf(p.dates) })),
  });
}

export async function exportCalendar(ctx: StoreContext): Promise<{ events: number; text: string }> {
  const events = await calendarEvents(ctx);
  return {
    events: events.length,
    text: toIcalendar(events, { now: ctx.now().toISOString(), name: 'Kith' }),
  };
}

/** The calendar feed's secret token, if there is one. */
export async function feedToken(ctx: StoreContext): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('calendar_feed')
    .select('token')
    .where('workspace_id', '=', ctx.workspaceId)
    .executeTakeFirst();
  return row?.token ?? null;
}

/** A new secret token for the feed; the old address stops working at once. */
export async function renewFeed(ctx: StoreContext): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await ctx.db.deleteFrom('calendar_feed').where('workspace_id', '=', ctx.workspaceId).execute();
  await ctx.db
    .insertInto('calendar_feed')
    .values({ workspace_id: ctx.workspaceId, token, created_at: ctx.now().toISOString() })
    .execute();
  return token;
}

export async function revokeFeed(ctx: StoreContext): Promise<void> {
  await ctx.db.deleteFrom('calendar_feed').where('workspace_id', '=', ctx.workspaceId).execute();
}

/** The workspace whose feed has this secret, if any (a feed is reached without signing in). */
export async function feedWorkspace(ctx: StoreContext, token: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('calendar_feed')
    .select('workspace_id')
    .where('token', '=', token)
    .executeTakeFirst();
  return row?.workspace_id ?? null;
}

/** The calendar for a feed address; a token that is not (or no longer) the feed's is refused. */
export async function feedCalendar(ctx: StoreContext, token: string): Promise<string> {
  const current = await feedToken(ctx);
  // Compared in constant time: how long a refusal takes tells a guesser nothing.
  if (!current || !sameSecret(current, token))
    throw new KithError('not_found', 'No calendar feed has this address.', 'token');
  return (await exportCalendar(ctx)).text;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
