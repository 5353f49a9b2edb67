// Reciprocity: what the user asked of a person and what they gave back. A relationship that
// only ever goes one way is flagged kindly, and people who helped lately are suggested for
// giving back (an introduction they would value).

export interface LedgerEntry {
  at: string;
  direction: 'asked' | 'gave';
  /** "asked: How did you price your first project?", "introduced you to Tom Berg" */
  what: string;
}

export interface Ledger {
  asked: number;
  gave: number;
  oneSided: boolean;
  note: string;
  entries: LedgerEntry[];
}

/** Asked this many times with nothing given is one-sided. */
export const ONE_SIDED_AFTER = 2;

export function ledgerOf(firstName: string, entries: readonly LedgerEntry[]): Ledger {
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const asked = sorted.filter((e) => e.direction === 'asked').length;
  const gave = sorted.length - asked;
  const oneSided = asked >= ONE_SIDED_AFTER && gave === 0;
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  let note: string;
  if (asked === 0 && gave === 0) note = `Nothing asked or given yet with ${firstName}.`;
  else if (oneSided)
    note = `You have asked ${firstName} ${times(asked)} and not given back yet: is there someone ${firstName} would like to meet?`;
  else if (gave >= asked) note = `You have given ${firstName} as much as you asked. Well kept.`;
  else note = `You asked ${firstName} ${times(asked)} and gave ${times(gave)}.`;
  return { asked, gave, oneSided, note, entries: sorted };
}

export interface Helper {
  personId: string;
  name: string;
  /** The latest time they helped: a chat that came of an ask, an introduction to someone. */
  helpedAt: string;
  how: string;
  /** The latest time the user gave them something back, if ever. */
  gaveAt: string | null;
}

/** People helped you within this many days are suggested for giving back. */
export const GIVE_BACK_WINDOW_DAYS = 60;

/** Who helped lately and has had nothing back since, most recent help first. */
export function giveBackSuggestions(helpers: readonly Helper[], now: string, limit = 3): Helper[] {
  const since = Date.parse(now) - GIVE_BACK_WINDOW_DAYS * 86_400_000;
  return helpers
    .filter((h) => Date.parse(h.helpedAt) >= since && Date.parse(h.helpedAt) <= Date.parse(now))
    .filter((h) => !h.gaveAt || h.gaveAt < h.helpedAt)
    .sort((a, b) => (a.helpedAt < b.helpedAt ? 1 : a.helpedAt > b.helpedAt ? -1 : 0))
    .slice(0, limit);
}
