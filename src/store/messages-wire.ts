// How the thread that reads messages.csv hands its answer back. Copying between threads, V8
// rebuilds every object one by one: 80,000 conversation-days as objects took up to 0.9 s to
// take in on the main thread, which waits for them. As columns — one array per field, the
// people once each with each day's people as positions — the same answer takes ~0.2 s.
import type { ImportedActivity, PersonRef } from '../domain/import/activity.js';
import type { InteractionKind } from '../domain/interaction.js';
import type { ActivityRead } from '../domain/import/linkedin-activity.js';

type Interaction = Extract<ImportedActivity, { type: 'interaction' }>;

/** The conversations of an answer, a column per field. */
export interface PackedInteractions {
  files: string[];
  /** Per conversation-day: its file (a position in `files`), line, and so on. */
  file: Int32Array;
  line: Int32Array;
  kinds: InteractionKind[];
  kind: Int32Array;
  key: string[];
  fingerprint: string[];
  at: string[];
  summary: string[];
  notes: (string | null)[];
  people: PersonRef[];
  /** Conversation i's people are people[withPeople[k]] for k from withStart[i] to withStart[i + 1]. */
  withStart: Int32Array;
  withPeople: Int32Array;
}

/** An answer as it crosses: the rest of it as is, its activities packed when they can be. */
export type WireRead = Omit<ActivityRead, 'activities'> &
  ({ activities: ImportedActivity[] } | { packed: PackedInteractions });

/** Positions of values in a list of distinct ones, in order of first appearance. */
function interner<T>() {
  const values: T[] = [];
  const index = new Map<T, number>();
  return {
    values,
    of(value: T): number {
      let at = index.get(value);
      if (at === undefined) {
        at = values.length;
        values.push(value);
        index.set(value, at);
      }
      return at;
    },
  };
}

/** Packed when every activity is a conversation (what messages.csv gives); else as is. */
export function toWire(read: ActivityRead): WireRead {
  const { activities, ...rest } = read;
  const interactions: Interaction[] = [];
  for (const a of activities) {
    if (a.type !== 'interaction') return read;
    interactions.push(a);
  }
  const n = interactions.length;
  const files = interner<string>();
  const kinds = interner<InteractionKind>();
  // The same person object is in every day of a conversation: it crosses once.
  const people = interner<PersonRef>();
  const packed: PackedInteractions = {
    files: files.values,
    file: new Int32Array(n),
    line: new Int32Array(n),
    kinds: kinds.values,
    kind: new Int32Array(n),
    key: new Array<string>(n),
    fingerprint: new Array<string>(n),
    at: new Array<string>(n),
    summary: new Array<string>(n),
    notes: new Array<string | null>(n),
    people: people.values,
    withStart: new Int32Array(n + 1),
    withPeople: new Int32Array(interactions.reduce((sum, a) => sum + a.with.length, 0)),
  };
  let k = 0;
  interactions.forEach((a, i) => {
    packed.file[i] = files.of(a.source.file);
    packed.line[i] = a.source.line;
    packed.kind[i] = kinds.of(a.kind);
    packed.key[i] = a.key;
    packed.fingerprint[i] = a.fingerprint;
    packed.at[i] = a.at;
    packed.summary[i] = a.summary;
    packed.notes[i] = a.notes;
    packed.withStart[i] = k;
    for (const person of a.with) packed.withPeople[k++] = people.of(person);
  });
  packed.withStart[n] = k;
  return { ...rest, packed };
}

/** The answer as the reader made it (people shared between days as they were). */
export function fromWire(wire: WireRead): ActivityRead {
  if (!('packed' in wire)) return wire;
  const { packed: p, ...rest } = wire;
  const activities: ImportedActivity[] = new Array<ImportedActivity>(p.key.length);
  for (let i = 0; i < activities.length; i++) {
    const withPeople: PersonRef[] = [];
    for (let k = p.withStart[i] ?? 0; k < (p.withStart[i + 1] ?? 0); k++)
      withPeople.push(p.people[p.withPeople[k] ?? 0] as PersonRef);
    activities[i] = {
      type: 'interaction',
      kind: p.kinds[p.kind[i] ?? 0] as InteractionKind,
      source: { file: p.files[p.file[i] ?? 0] ?? '', line: p.line[i] ?? 0 },
      key: p.key[i] ?? '',
      fingerprint: p.fingerprint[i] ?? '',
      at: p.at[i] ?? '',
      with: withPeople,
      summary: p.summary[i] ?? '',
      notes: p.notes[i] ?? null,
    };
  }
  return { ...rest, activities };
}
