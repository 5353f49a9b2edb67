// Today, from the store: loads what the agenda needs — never the whole workspace — and hands
// it to the domain's buildToday, which decides every line.
import { sql } from 'kysely';
import { invalid } from '../domain/errors.js';
import { isRealDate } from '../domain/fields.js';
import { moveOnIfDue } from '../domain/method/ask.js';
import { pacing } from '../domain/method/campaign.js';
import { addDays, isTimeZone, localDate, localNoon } from '../domain/method/calendar.js';
import {
  KEEP_IN_TOUCH_PER_DAY,
  buildToday,
  type TodayItem,
  type TodayPerson,
} from '../domain/method/today.js';
import { searchTerms } from '../domain/text.js';
import { chunk, type StoreContext } from './context.js';
import { asksForAgenda, campaignsForPacing, moveOnOverdueAsks, recentAsksOf } from './asks.js';
import { cadenceOf, rolesOf, tagsOf } from './people.js';
import { searchPeople } from './search-ranking.js';
import { getSettings } from './settings.js';
import { toTask } from './tasks.js';
import { recentHelpers } from './ledger.js';
import { GIVE_BACK_WINDOW_DAYS } from '../domain/connect/ledger.js';
import type { InteractionKind } from '../domain/interaction.js';
import { THANK_YOU_NOTICE_DAYS, type ChatOwed } from '../domain/method/thank-you.js';
import type { PersonDate } from '../domain/person-dates.js';
import { datesOf } from './derived.js';

const DAY_MS = 86_400_000;

export interface Today {
  date: string;
  timeZone: string;
  items: TodayItem[];
}

/** The suggestion pool: recently contacted and never contacted tagged people, text matches per tag. */
const POOL_WARM = 100;
const POOL_COLD = 20;
const POOL_MATCHED = 30;

/**
 * The agenda at a moment. Asks whose time to move on has come are shown as moved on; they
 * are closed for real by moveOnOverdueAsks (Today on the real "now" calls it first).
 */
export async function today(ctx: StoreContext, now: string, timeZone: string): Promise<Today> {
  const date = localDate(now, timeZone);
  const [asks, campaigns, tasks, settings, touch, helpers, chatsOwed, withDates] =
    await Promise.all([
      asksForAgenda(ctx, now),
      // A campaign that has ended never prompts; a day's margin for time zones.
      campaignsForPacing(ctx, addDays(date, -1)),
      ctx.db
        .selectFrom('task')
        .selectAll()
        .where('workspace_id', '=', ctx.workspaceId)
        .where('done_at', 'is', null)
        .where('due_on', '<=', date)
        .orderBy('due_on')
        .orderBy('id')
        .execute(),
      getSettings(ctx),
      keepInTouchCandidates(ctx, date, KEEP_IN_TOUCH_PER_DAY),
      recentHelpers(
        ctx,
        new Date(Date.parse(now) - (GIVE_BACK_WINDOW_DAYS + 1) * DAY_MS).toISOString(),
      ),
      chatsOwingThanks(ctx, now),
      peopleWithDatesAhead(ctx, date),
    ]);
  const policy = {
    nudgeAfterDays: settings.nudgeAfterDays,
    moveOnAfterDays: settings.moveOnAfterDays,
  };
  // Suggestions are needed only for campaigns that prompt for more asks today.
  const prompting = campaigns.filter(
    (c) => pacing(c, c.progress, now, timeZone)?.kind === 'try-more',
  );
  const pool = await suggestionPool(
    ctx,
    prompting.flatMap((c) => c.tags),
  );
  // The pool is loaded in full (tags, roles, organization) for suggestions; keep-in-touch
  // people come with only what that needs, and are suggested only from the pool.
  const [others, otherAsks] = await Promise.all([
    todayPeople(ctx, [...new Set([...asks.map((a) => a.personId), ...pool])]),
    recentAsksOf(ctx, pool, now),
  ]);
  return {
    date,
    timeZone,
    items: buildToday(
      {
        people: touch.people,
        alsoDue: touch.alsoDue,
        others,
        asks: asks.map((a) => moveOnIfDue(a, now, timeZone, policy)),
        otherAsks,
        campaigns,
        tasks: tasks.map(toTask),
        roleCadence: settings.roleCadence,
        followUpPolicy: policy,
        giveBack: helpers,
        chatsOwed,
        withDates,
        datesAheadDays: settings.datesAheadDays,
      },
      now,
      timeZone,
    ),
  };
}

/** The farthest Today looks ahead for dates (the setting's bound). */
const DATES_AHEAD_MAX = 60;

/**
 * The live people with a date whose day falls in the coming weeks, by the index of their
 * dates' days (month·100+day; two ranges at the year's turn, and 29 February always, which
 * falls on the 28th in other years). The domain decides which come within the user's days.
 */
async function peopleWithDatesAhead(
  ctx: StoreContext,
  date: string,
): Promise<{ id: string; name: string; dates: PersonDate[] }[]> {
  const from = Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  const last = addDays(date, DATES_AHEAD_MAX);
  const to = Number(last.slice(5, 7)) * 100 + Number(last.slice(8, 10));
  const rows = await ctx.db
    .selectFrom('person_date')
    .innerJoin('person', 'person.id', 'person_date.person_id')
    .select(['person.id', 'person.display_name', 'person.dates'])
    .distinct()
    .where('person_date.workspace_id', '=', ctx.workspaceId)
    .where('person.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(from <= to
          ? [eb.between('person_date.month_day', from, to)]
          : [eb('person_date.month_day', '>=', from), eb('person_date.month_day', '<=', to)]),
        eb('person_date.month_day', '=', 229),
      ]),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, dates: datesOf(r.dates) }));
}

/** At most this many chats owing a thank-you are read for a day's list. */
const CHATS_OWED_READ = 50;

/**
 * Chats of the last days that owe a thank-you, each with the people in it who want one
 * (those in the trash or marked "no thank-you needed" left out); the domain words the lines.
 */
async function chatsOwingThanks(ctx: StoreContext, now: string): Promise<ChatOwed[]> {
  // A day's margin for time zones; the domain counts the days in the user's.
  const since = new Date(Date.parse(now) - (THANK_YOU_NOTICE_DAYS + 1) * DAY_MS).toISOString();
  const chats = await ctx.db
    .selectFrom('interaction')
    .select(['id', 'kind', 'occurred_at'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('thank_you', '=', 'owed')
    .where('occurred_at', '>=', since)
    .where('occurred_at', '<=', now)
    .orderBy('occurred_at', 'desc')
    .limit(CHATS_OWED_READ)
    .execute();
  if (chats.length === 0) return [];
  const people = await ctx.db
    .selectFrom('interaction_participant as p')
    .innerJoin('person', 'person.id', 'p.person_id')
    .select(['p.interaction_id', 'person.id', 'person.display_name'])
    .where('p.workspace_id', '=', ctx.workspaceId)
    .where(
      'p.interaction_id',
      'in',
      chats.map((c) => c.id),
    )
    .where('person.no_thank_you', '=', 0)
    .where('person.archived_at', 'is', null)
    .orderBy('person.name_key')
    .orderBy('person.id')
    .execute();
  return chats.map((c) => ({
    interactionId: c.id,
    kind: c.kind as InteractionKind,
    occurredAt: c.occurred_at,
    people: people
      .filter((p) => p.interaction_id === c.id)
      .map((p) => ({ id: p.id, displayName: p.display_name })),
  }));
}

/**
 * Who may be due to keep in touch with on `date`, from the stored due dates (UTC days, each
 * within a day of the exact one in any zone — see storedDueOn). Loads the most overdue
 * `shown` and everyone who could tie with them, and everyone near the edge (stored today or
 * tomorrow, and one-time reminders, which can be done on the day); the others surely due are
 * only counted. Each comes with the cadence in force, so no roles need loading.
 */
export async function keepInTouchCandidates(
  ctx: StoreContext,
  date: string,
  shown: number,
): Promise<{ people: TodayPerson[]; alsoDue: number }> {
  const lastPossible = addDays(date, 1);
  const surelyDueBy = addDays(date, -1);
  const due = () =>
    ctx.db
      .selectFrom('person')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('touch_due_on', '<=', lastPossible)
      .where('archived_at', 'is', null);
  const nth = await due()
    .select('touch_due_on')
    .where('cadence_kind', '!=', 'once')
    .orderBy('touch_due_on')
    .limit(1)
    .offset(shown - 1)
    .executeTakeFirst();
  // In one zone every stored date is off the same way (zones east of UTC: the same day or
  // one later; west: the same or one earlier), so someone stored a day later than the nth
  // person can still be as late as they are, and come first by name; two days later cannot.
  const cut = nth?.touch_due_on
    ? minDate(addDays(nth.touch_due_on, 1), lastPossible)
    : lastPossible;
  const columns = [
    'id',
    'display_name',
    'cadence_kind',
    'cadence_on',
    'touch_every_days',
    'last_contact_at',
    'created_at',
    'snoozed_until',
  ] as const;
  // Three index ranges rather than one OR, which would make the planner read every row.
  const [top, edge, once, counted] = await Promise.all([
    due().select(columns).where('touch_due_on', '<=', cut).execute(),
    cut < lastPossible
      ? due()
          .select(columns)
          .where('touch_due_on', '>', cut)
          .where('touch_due_on', '>=', date)
          .execute()
      : Promise.resolve([]),
    cut < date
      ? due()
          .select(columns)
          .where('touch_due_on', '>', cut)
          .where('touch_due_on', '<', date)
          .where('cadence_kind', '=', 'once')
          .execute()
      : Promise.resolve([]),
    cut < surelyDueBy
      ? due()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('touch_due_on', '>', cut)
          .where('touch_due_on', '<=', surelyDueBy)
          .where('cadence_kind', '!=', 'once')
          .executeTakeFirstOrThrow()
      : { n: 0 },
  ]);
  const people = [...top, ...edge, ...once].map((r): TodayPerson => ({
    id: r.id,
    displayName: r.display_name,
    tags: [],
    roles: [],
    title: null,
    organization: null,
    lastContactAt: r.last_contact_at,
    createdAt: r.created_at,
    snoozedUntil: r.snoozed_until,
    cadence:
      r.cadence_kind === 'once' && r.cadence_on
        ? { kind: 'once', on: r.cadence_on }
        : r.touch_every_days
          ? { kind: 'every', days: r.touch_every_days }
          : { kind: 'none' },
  }));
  return { people, alsoDue: Number(counted.n) };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * People to consider suggesting for campaigns with these tags — a bounded pool, so a large
 * workspace is never scanned: the people tagged with one of them you were in touch with most
 * recently, a few tagged people never contacted, and, unless the warm part is full, the best
 * text matches of each tag (title, organization…). The domain's suggestPeople decides who
 * fits and in which order.
 */
export async function suggestionPool(
  ctx: StoreContext,
  tags: readonly string[],
): Promise<string[]> {
  const names = [...new Set(tags)];
  if (names.length === 0) return [];
  const tagged = () =>
    ctx.db
      .selectFrom('person')
      .select('person.id')
      .where('person.workspace_id', '=', ctx.workspaceId)
      .where('person.archived_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_tag')
            .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
            .whereRef('person_tag.person_id', '=', 'person.id')
            .where('tag.name', 'in', names)
            .select(sql.lit(1).as('one')),
        ),
      );
  const [warm, cold] = await Promise.all([
    tagged()
      .where('person.last_contact_at', 'is not', null)
      .orderBy('person.last_contact_at', 'desc')
      .limit(POOL_WARM)
      .execute(),
    tagged()
      .where('person.last_contact_at', 'is', null)
      // Ordering by the indexed column (all null here) steers the planner to that index.
      .orderBy('person.last_contact_at')
      .limit(POOL_COLD)
      .execute(),
  ]);
  // Text matches (a title or organization that names the topic) matter when few people are
  // tagged with it; when a full pool of warm tagged people is there, they are the ones to ask
  // (suggestions put warm ties first), and ranking every text match of a common word is the
  // slowest part of the day's list on PostgreSQL.
  const matched =
    warm.length >= POOL_WARM
      ? []
      : await Promise.all(
          names.map((tag) => {
            const terms = searchTerms(tag);
            return terms.length ? searchPeople(ctx, terms, POOL_MATCHED) : Promise.resolve([]);
          }),
        );
  return [...new Set([...warm, ...cold, ...matched.flat()].map((r) => r.id))];
}

/** What Today needs of each of these people. */
export async function todayPeople(
  ctx: StoreContext,
  ids: readonly string[],
): Promise<TodayPerson[]> {
  if (ids.length === 0) return [];
  const rows = (
    await Promise.all(
      chunk([...ids], 5_000).map((part) =>
        ctx.db
          .selectFrom('person')
          .leftJoin('organization', 'organization.id', 'person.organization_id')
          .select([
            'person.id',
            'person.display_name',
            'person.title',
            'person.created_at',
            'person.cadence_kind',
            'person.cadence_days',
            'person.cadence_on',
            'person.snoozed_until',
            'person.archived_at',
            'organization.name as organization',
            'person.last_contact_at',
          ])
          .where('person.workspace_id', '=', ctx.workspaceId)
          .where('person.id', 'in', part)
          .execute(),
      ),
    )
  ).flat();
  const [tags, roles] = await Promise.all([tagsOf(ctx, [...ids]), rolesOf(ctx, [...ids])]);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    tags: tags.get(r.id) ?? [],
    roles: roles.get(r.id) ?? [],
    title: r.title,
    organization: r.organization,
    lastContactAt: r.last_contact_at,
    createdAt: r.created_at,
    snoozedUntil: r.snoozed_until,
    archived: r.archived_at !== null,
    cadence: cadenceOf(r),
  }));
}

/**
 * Today as the doors ask for it: a given day (planning ahead: nothing is written), or now —
 * when asks whose time has come are first closed as moved on, for real.
 */
export async function agendaFor(
  ctx: StoreContext,
  asked: { date?: string; timeZone?: string; fallbackTimeZone: string },
): Promise<Today> {
  // The zone asked for, else the one in settings, else the door's (KITH_TZ or the machine's).
  const timeZone = asked.timeZone ?? (await getSettings(ctx)).timeZone ?? asked.fallbackTimeZone;
  const request = { date: asked.date, timeZone };
  if (!isTimeZone(request.timeZone)) {
    throw invalid('timeZone', `"${request.timeZone}" is not a time zone such as Europe/Lisbon`);
  }
  if (request.date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(request.date) || !isRealDate(request.date)) {
      throw invalid('date', 'must be a date as YYYY-MM-DD');
    }
    return today(ctx, localNoon(request.date, request.timeZone), request.timeZone);
  }
  const now = ctx.now().toISOString();
  await moveOnOverdueAsks(ctx, now, request.timeZone);
  return today(ctx, now, request.timeZone);
}
