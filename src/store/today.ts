// Today, from the store: loads what the agenda needs and hands it to the domain's buildToday.
import { sql } from 'kysely';
import { invalid } from '../domain/errors.js';
import { isRealDate } from '../domain/fields.js';
import { isTimeZone, localDate, localNoon } from '../domain/method/calendar.js';
import { buildToday, type TodayItem, type TodayPerson } from '../domain/method/today.js';
import { moveOnIfDue } from '../domain/method/ask.js';
import type { Role } from '../domain/person.js';
import type { StoreContext } from './context.js';
import { asksForAgenda, listCampaigns, moveOnOverdueAsks } from './asks.js';
import { cadenceOf, rolesOf, tagsOf } from './people.js';
import { getSettings } from './settings.js';
import { listTasks } from './tasks.js';

export interface Today {
  date: string;
  timeZone: string;
  items: TodayItem[];
}

/**
 * The agenda at a moment. Asks whose time to move on has come are shown as moved on; they
 * are closed for real by moveOnOverdueAsks (Today on the real "now" calls it first).
 */
export async function today(ctx: StoreContext, now: string, timeZone: string): Promise<Today> {
  const [asks, campaigns, tasks, settings] = await Promise.all([
    asksForAgenda(ctx, now),
    listCampaigns(ctx),
    listTasks(ctx),
    getSettings(ctx),
  ]);
  const policy = {
    nudgeAfterDays: settings.nudgeAfterDays,
    moveOnAfterDays: settings.moveOnAfterDays,
  };
  const roleDefaults = Object.keys(settings.roleCadence);
  // People who can appear: those with a cadence, a role with a default cadence, or an ask.
  const rows = await ctx.db
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
      'organization.name as organization',
      'person.last_contact_at',
    ])
    .where('person.workspace_id', '=', ctx.workspaceId)
    .where('person.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('person.cadence_kind', '!=', 'none'),
        eb.exists(
          eb
            .selectFrom('person_role')
            .whereRef('person_role.person_id', '=', 'person.id')
            .where('person_role.role', 'in', roleDefaults)
            .select(sql.lit(1).as('one')),
        ),
        eb.exists(
          eb
            .selectFrom('ask')
            .whereRef('ask.person_id', '=', 'person.id')
            .select(sql.lit(1).as('one')),
        ),
        eb.exists(
          eb
            .selectFrom('campaign_tag')
            .innerJoin('person_tag', 'person_tag.tag_id', 'campaign_tag.tag_id')
            .whereRef('person_tag.person_id', '=', 'person.id')
            .select(sql.lit(1).as('one')),
        ),
      ]),
    )
    .execute();
  const ids = rows.map((r) => r.id);
  const [tags, roles] = ids.length
    ? await Promise.all([tagsOf(ctx, ids), rolesOf(ctx, ids)])
    : [new Map(), new Map()];
  const people: TodayPerson[] = rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    tags: tags.get(r.id) ?? [],
    roles: (roles.get(r.id) ?? []) as Role[],
    title: r.title,
    organization: r.organization,
    lastContactAt: r.last_contact_at,
    createdAt: r.created_at,
    snoozedUntil: r.snoozed_until,
    cadence: cadenceOf(r),
  }));
  return {
    date: localDate(now, timeZone),
    timeZone,
    items: buildToday(
      {
        people,
        asks: asks.map((a) => moveOnIfDue(a, now, timeZone, policy)),
        campaigns,
        tasks,
        roleCadence: settings.roleCadence,
        followUpPolicy: policy,
      },
      now,
      timeZone,
    ),
  };
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
