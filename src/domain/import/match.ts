// Who in Kith an imported row is. Certain matches, in this order: the card's UID seen before
// (or a Kith export's own, which names the person), an email address, the LinkedIn profile, a phone number (by its digits, however written), then the same name at
// the same organization — unless what else identifies them disagrees (two "Maria Silva" at
// one bank with different emails are two people). The same name alone, or with contradicting
// identifiers, is not certain: the row is added as someone new and flagged for the user to
// review. The store looks the keys up; the rules are here.
import type { PersonCreate } from '../person.js';
import { nameKey } from '../text.js';

export type MatchedBy = 'card UID' | 'email' | 'linkedin' | 'phone' | 'name and organization';

/** The people of the workspace a file's keys found, by those keys. */
export interface KnownPeople {
  /** By a vCard UID seen before, or a Kith export's (urn:uuid: and the person's id). */
  byUid?: Map<string, string>;
  byEmail: Map<string, string>;
  byLinkedin: Map<string, string>;
  /** By the phone's digits. */
  byPhone: Map<string, string>;
  /** By name key, with the organization's name key and what else identifies them. */
  byName: Map<string, NamedPerson[]>;
}

export interface NamedPerson {
  id: string;
  organization: string | null;
  emails: readonly string[];
  phones: readonly string[];
  linkedin: string | null;
}

/**
 * Whether a row and a person of the same name say they are different people: both have
 * emails and none is shared, both have phones and no number is shared, or both have a LinkedIn
 * profile and it differs. (A row without a kind of identifier says nothing by it.)
 */
export function identifiersDisagree(p: PersonCreate, known: NamedPerson): boolean {
  const emails = p.emails ?? [];
  if (emails.length > 0 && known.emails.length > 0 && !emails.some((e) => known.emails.includes(e)))
    return true;
  const phones = (p.phones ?? []).map(digits).filter((d) => d.length >= MIN_PHONE_DIGITS);
  const knownPhones = known.phones.map(digits).filter((d) => d.length >= MIN_PHONE_DIGITS);
  if (phones.length > 0 && knownPhones.length > 0 && !phones.some((d) => knownPhones.includes(d)))
    return true;
  return !!p.linkedin && !!known.linkedin && p.linkedin !== known.linkedin;
}

/** A phone number's digits: how two ways of writing one number are found to be the same. */
export const digits = (phone: string) => phone.replace(/\D/g, '');

/** Fewer digits than this are an extension or a typo, not a number to match on. */
export const MIN_PHONE_DIGITS = 7;

export function matchOf(
  p: PersonCreate,
  known: KnownPeople,
  uid?: string,
): { id: string; by: MatchedBy } | { review: string } | null {
  const byUid = uid ? known.byUid?.get(uid) : undefined;
  if (byUid) return { id: byUid, by: 'card UID' };
  for (const email of p.emails ?? []) {
    const id = known.byEmail.get(email);
    if (id) return { id, by: 'email' };
  }
  if (p.linkedin) {
    const id = known.byLinkedin.get(p.linkedin);
    if (id) return { id, by: 'linkedin' };
  }
  for (const phone of p.phones ?? []) {
    const key = digits(phone);
    const id = key.length >= MIN_PHONE_DIGITS ? known.byPhone.get(key) : undefined;
    if (id) return { id, by: 'phone' };
  }
  const same = known.byName.get(nameKey(p.displayName)) ?? [];
  const org = p.organization ? nameKey(p.organization) : null;
  const certain = org
    ? same.find((s) => s.organization === org && !identifiersDisagree(p, s))
    : undefined;
  if (certain) return { id: certain.id, by: 'name and organization' };
  const [first] = same;
  return first ? { review: first.id } : null;
}

/** The keys a row is known by within one file, to spot the same person listed twice. */
export const fileKeysOf = (p: PersonCreate, uid?: string) => [
  ...(uid ? [`uid:${uid}`] : []),
  ...(p.emails ?? []).map((e) => `email:${e}`),
  ...(p.linkedin ? [`linkedin:${p.linkedin}`] : []),
];

/** The person a Kith export's UID names (urn:uuid: and the person's id), or null. */
export function exportedPersonId(uid: string): string | null {
  const m = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(uid);
  return m?.[1]?.toLowerCase() ?? null;
}
