// A campaign: a run of chats toward one aim ("explore independent consulting"), paced two at
// a time — when fewer than a batch of asks are open, it is time to try two more.
import type { Role } from '../person.js';
import { fold, matchesEveryTerm, searchTerms } from '../text.js';
import { isOpen, type Ask } from './ask.js';
import { daysBetween, localDate } from './calendar.js';

export interface Campaign {
  id: string;
  name: string;
  aim: string;
  /** How many chats the campaign aims for. */
  targetChats: number;
  /** How many asks to keep open at once ("two, then two more"). */
  batchSize: number;
  endsOn: string | null;
  /** What the people to ask should know about: matched against tags, titles, organizations. */
  tags: string[];
}

export interface CampaignProgress {
  asked: number;
  replied: number;
  met: number;
  declined: number;
  movedOn: number;
  open: number;
  /** Replies (including declines) over asks sent; null before any ask was sent. */
  responseRate: number | null;
  medianDaysToReply: number | null;
  insights: number;
  introductions: number;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const DAY_MS = 86_400_000;

export function campaignProgress(
  asks: readonly Ask[],
  gathered: { insights: number; introductions: number } = { insights: 0, introductions: 0 },
): CampaignProgress {
  const sent = asks.filter((a) => a.sentAt);
  const answered = sent.filter((a) => a.repliedAt || a.state === 'declined');
  const replyDays = sent
    .filter((a): a is Ask & { sentAt: string; repliedAt: string } => !!a.sentAt && !!a.repliedAt)
    .map((a) => (Date.parse(a.repliedAt) - Date.parse(a.sentAt)) / DAY_MS);
  return {
    asked: sent.length,
    replied: sent.filter((a) => a.repliedAt).length,
    met: asks.filter((a) => a.state === 'met' || a.state === 'thanked').length,
    declined: asks.filter((a) => a.state === 'declined').length,
    movedOn: asks.filter((a) => a.state === 'moved-on').length,
    open: asks.filter((a) => isOpen(a.state)).length,
    responseRate: sent.length ? answered.length / sent.length : null,
    medianDaysToReply: median(replyDays),
    insights: gathered.insights,
    introductions: gathered.introductions,
  };
}

export type Pacing =
  | { kind: 'try-more'; count: number; message: string }
  | { kind: 'done'; message: string }
  | { kind: 'ended'; message: string }
  | null;

/** What pacing looks at: counted by the store in SQL, or by campaignProgress from the asks. */
export type PacingCounts = Pick<CampaignProgress, 'asked' | 'met' | 'open'>;

/** While fewer than a batch of asks are open, prompt for more, until the target is met. */
export function pacing(
  campaign: Campaign,
  progress: PacingCounts,
  now: string,
  timeZone: string,
): Pacing {
  if (progress.met >= campaign.targetChats) {
    return {
      kind: 'done',
      message: `${campaign.name}: ${progress.met} chats, the target is reached.`,
    };
  }
  if (campaign.endsOn && daysBetween(campaign.endsOn, localDate(now, timeZone)) > 0) {
    return { kind: 'ended', message: `${campaign.name} ended on ${campaign.endsOn}.` };
  }
  const count = Math.min(campaign.batchSize - progress.open, campaign.targetChats - progress.met);
  if (count <= 0) return null;
  const words = ['', 'one more', 'two more', 'three more'];
  const more = progress.asked === 0 ? `${count}` : (words[count] ?? `${count} more`);
  return {
    kind: 'try-more',
    count,
    message: `${campaign.name}: time to try ${more} (${progress.met} of ${campaign.targetChats} chats so far).`,
  };
}

/** Someone asked within this many days is not suggested again. */
export const RECENTLY_ASKED_DAYS = 90;

export interface Candidate {
  id: string;
  tags: readonly string[];
  roles: readonly Role[];
  title: string | null;
  organization: string | null;
  lastContactAt: string | null;
}

export interface Suggestion {
  id: string;
  fit: number;
  warm: boolean;
  reasons: string[];
}

/**
 * Whom to ask next: people whose tags, title or organization fit the campaign, not asked in
 * the last `recentDays`; warm contacts (you have talked before) rank before strangers.
 */
export function suggestPeople(
  campaign: Campaign,
  people: readonly Candidate[],
  asksByPerson: ReadonlyMap<string, readonly Pick<Ask, 'state' | 'sentAt'>[]>,
  now: string,
  options: { limit?: number; recentDays?: number } = {},
): Suggestion[] {
  const recentDays = options.recentDays ?? RECENTLY_ASKED_DAYS;
  // A topic fits a title or an organization as a search would find it there: each of its words
  // starts a word ("pricing" fits "Pricing lead"; "art" does not fit "Startup founder").
  const wanted = campaign.tags.map((tag) => ({ tag: fold(tag), terms: searchTerms(tag) }));
  const suggestions: Suggestion[] = [];
  for (const p of people) {
    const asks = asksByPerson.get(p.id) ?? [];
    const recent = asks.some(
      (a) =>
        isOpen(a.state) ||
        (a.sentAt && (Date.parse(now) - Date.parse(a.sentAt)) / DAY_MS < recentDays),
    );
    if (recent) continue;
    const reasons: string[] = [];
    let fit = 0;
    for (const { tag, terms } of wanted) {
      if (p.tags.some((t) => fold(t) === tag)) {
        fit += 3;
        reasons.push(`knows about ${tag}`);
      } else if (p.title && matchesEveryTerm(p.title, terms)) {
        fit += 2;
        reasons.push(`${p.title}`);
      } else if (p.organization && matchesEveryTerm(p.organization, terms)) {
        fit += 1;
        reasons.push(`works at ${p.organization}`);
      }
    }
    if (fit === 0) continue;
    if (p.roles.includes('connector')) reasons.push('a connector');
    suggestions.push({ id: p.id, fit, warm: p.lastContactAt !== null, reasons });
  }
  return suggestions
    .sort((a, b) => Number(b.warm) - Number(a.warm) || b.fit - a.fit || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 5);
}

export interface WeekOfProgress {
  /** The Monday (UTC) that starts the week, YYYY-MM-DD. */
  week: string;
  asked: number;
  replied: number;
  met: number;
}

/** Monday of the (UTC) week of an instant, as YYYY-MM-DD. */
function weekOf(iso: string): string {
  const d = new Date(iso);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A campaign's asks sent, replies and chats, added up week by week (for its chart). */
export function weeklyProgress(
  asks: readonly Pick<Ask, 'sentAt' | 'repliedAt' | 'metAt'>[],
): WeekOfProgress[] {
  const counts = new Map<string, { asked: number; replied: number; met: number }>();
  const count = (at: string | null, key: 'asked' | 'replied' | 'met') => {
    if (!at) return;
    const week = weekOf(at);
    const c = counts.get(week) ?? { asked: 0, replied: 0, met: 0 };
    c[key] += 1;
    counts.set(week, c);
  };
  for (const a of asks) {
    count(a.sentAt, 'asked');
    count(a.repliedAt, 'replied');
    count(a.metAt, 'met');
  }
  const total = { asked: 0, replied: 0, met: 0 };
  return [...counts.keys()].sort().map((week) => {
    const c = counts.get(week) ?? { asked: 0, replied: 0, met: 0 };
    total.asked += c.asked;
    total.replied += c.replied;
    total.met += c.met;
    return { week, ...total };
  });
}
