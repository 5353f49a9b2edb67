// What an export says happened, beside who is in it: conversations, invitations and calendar
// events. Each activity names the people in it the way the file does (a profile address, an
// email, a name), carries a key that stays the same from one export to the next — so that
// importing the file again finds it and changes nothing — and a fingerprint of its content, so
// an updated export can update what changed in it.
import { linkedinSchema } from '../person.js';
import type { InteractionKind } from '../interaction.js';
import type { AskDirection } from '../method/ask.js';
import { nameKey } from '../text.js';
import type { SourceRef } from './contacts-csv.js';

/** Someone in an activity, as the file names them. */
export interface PersonRef {
  name: string;
  linkedin?: string;
  email?: string;
}

interface ActivityBase {
  source: SourceRef;
  /** The same activity in any later export has the same key. */
  key: string;
  /** Changes when the activity's content changes. */
  fingerprint: string;
  /** When it happened (or will), ISO-8601 in UTC. */
  at: string;
  /** The other people in it; the user is left out. */
  with: PersonRef[];
}

export type ImportedActivity = ActivityBase &
  (
    | { type: 'interaction'; kind: InteractionKind; summary: string; notes: string | null }
    /** A chat in the calendar that has not happened yet. */
    | { type: 'scheduled'; summary: string; minutes: number }
    /**
     * An invitation: sent by the user, an ask waiting for their answer (outgoing); received,
     * an ask made of the user, waiting for the user's answer (incoming).
     */
    | { type: 'invitation'; direction: AskDirection; question: string }
  );

/** A LinkedIn profile address as Kith stores it, or undefined when it is not one. */
export function linkedinOf(url: string | undefined): string | undefined {
  if (!url || !url.trim()) return undefined;
  const parsed = linkedinSchema.safeParse(url.trim());
  return parsed.success ? (parsed.data ?? undefined) : undefined;
}

/** Who in Kith a reference is: by profile, then email, then a name only one person has. */
export function resolveRef(
  ref: PersonRef,
  known: {
    byLinkedin: Map<string, string>;
    byEmail: Map<string, string>;
    byName: Map<string, string[]>;
  },
): string | null {
  const byProfile = ref.linkedin ? known.byLinkedin.get(ref.linkedin) : undefined;
  if (byProfile) return byProfile;
  const byEmail = ref.email ? known.byEmail.get(ref.email.toLowerCase()) : undefined;
  if (byEmail) return byEmail;
  const named = ref.name.trim() ? (known.byName.get(nameKey(ref.name)) ?? []) : [];
  return named.length === 1 ? (named[0] ?? null) : null;
}

/** A short, stable fingerprint of some text (FNV-1a, 32 bits): not for secrets, for change. */
export function fingerprintOf(...parts: (string | number | null | undefined)[]): string {
  // The parts joined by U+0000, hashed without making the joined copy (a day's messages can
  // be long, and an export has tens of thousands of days).
  let hash = 0x811c9dc5;
  parts.forEach((part, n) => {
    // The U+0000 between parts: XOR with zero leaves the hash; the multiplication remains.
    if (n > 0) hash = Math.imul(hash, 0x01000193);
    const text = String(part ?? '');
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  });
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** What kind of chat a calendar event was, from its words. */
export function kindOfEvent(
  summary: string,
  location: string,
  description: string,
): InteractionKind {
  const words = `${summary} ${location}`.toLowerCase();
  if (/coffee|café|cafe|tea\b|lunch|breakfast|dinner|drinks/.test(words)) return 'coffee';
  if (
    /zoom\.us|meet\.google|teams\.microsoft|webex|whereby|video/.test(
      `${words} ${description.toLowerCase()}`,
    )
  )
    return 'video-call';
  if (/\bcall\b|phone/.test(words)) return 'call';
  return 'meeting';
}

/**
 * The last contact each of `people` has from these interactions: the latest time among those
 * they took part in (times are UTC ISO-8601, so they order as text). For people new to Kith,
 * whose only interactions are the ones an import brings.
 */
export function latestInteractionOf(
  interactions: Iterable<{ at: string; personIds: readonly string[] }>,
  people: ReadonlySet<string>,
): Map<string, string> {
  const latest = new Map<string, string>();
  for (const { at, personIds } of interactions) {
    for (const id of personIds) {
      if (!people.has(id)) continue;
      const known = latest.get(id);
      if (known === undefined || known < at) latest.set(id, at);
    }
  }
  return latest;
}
