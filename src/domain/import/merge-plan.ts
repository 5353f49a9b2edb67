// What importing a contact into someone already in Kith changes. The rules keep the user's
// work: a field the user filled in is never overwritten by a file, unless the file changed
// that field since it was last imported and the user had kept the imported value; an empty
// field is filled; addresses, phones, links and tags are added to, never taken away.
import type { PersonCreate, PersonData, PersonPatch } from '../person.js';

const SCALARS = [
  'organization',
  'title',
  'unit',
  'linkedin',
  'metOn',
  'howWeMet',
  'notes',
] as const;
const LISTS = ['emails', 'phones', 'links', 'handles', 'tags'] as const;

type Scalar = (typeof SCALARS)[number];
type ListField = (typeof LISTS)[number];

/** What one kind of export last brought for a person (see import_source). */
export type ImportedFields = Partial<Record<Scalar, string | null>> &
  Partial<Record<ListField, string[]>> & { dates?: string[] };

/** A date as one string, to compare what files said and what a person has. */
const dateKey = (d: { kind: string; label?: string | null; on: string }) =>
  `${d.kind}|${d.label ?? ''}|${d.on}`;

export function importedFields(incoming: PersonCreate): ImportedFields {
  const out: ImportedFields = {};
  for (const f of SCALARS) {
    const v = incoming[f];
    if (v !== undefined && v !== null) out[f] = v;
  }
  for (const f of LISTS) {
    const v = incoming[f];
    if (v && v.length) out[f] = [...v];
  }
  if (incoming.dates?.length) out.dates = incoming.dates.map(dateKey);
  return out;
}

export interface MergePlan {
  patch: PersonPatch;
  /** The fields that change, for the report. */
  changes: string[];
}

export function planMerge(
  current: PersonData,
  incoming: PersonCreate,
  previous: ImportedFields | null,
): MergePlan {
  const patch: Record<string, unknown> = {};
  const changes: string[] = [];
  for (const f of SCALARS) {
    const value = incoming[f];
    if (value === undefined || value === null) continue;
    const now = current[f];
    if (now === value) continue;
    const before = previous?.[f];
    const untouched = now === null || now === '' || (previous !== null && now === before);
    if (before === value) continue; // The file says what it said last time: the user's edit stands.
    if (!untouched) continue;
    patch[f] = value;
    changes.push(f);
  }
  for (const f of LISTS) {
    const value = incoming[f] ?? [];
    const now = current[f];
    const added = value.filter((v) => !now.includes(v));
    if (added.length === 0) continue;
    patch[f] = [...now, ...added];
    changes.push(f);
  }
  // Dates the person does not have yet are added; a birthday only to someone without one.
  const dates = (incoming.dates ?? []).filter(
    (d) =>
      !current.dates.some((k) => dateKey(k) === dateKey(d)) &&
      !(d.kind === 'birthday' && current.dates.some((k) => k.kind === 'birthday')),
  );
  if (dates.length) {
    patch.dates = [...current.dates, ...dates];
    changes.push('dates');
  }
  return { patch: patch as PersonPatch, changes };
}
