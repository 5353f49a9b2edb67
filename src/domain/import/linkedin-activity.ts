// The rest of LinkedIn's export: messages.csv (every message the user sent or received) and
// Invitations.csv (invitations to connect not yet accepted, both ways).
//
// Messages become interactions of kind "message": one per conversation and day, since a
// conversation is read as an exchange, not as many separate events; its notes hold the day's
// messages. The user is whoever takes part in the most conversations (the export is theirs);
// everyone else in a conversation is one of its people, found later by profile or name.
// An invitation the user sent becomes an ask waiting for their answer; one the user received,
// an ask made of the user, waiting for the user's. The people invited, or inviting, are
// brought in as well.
import { isRealDate, LIMITS } from '../fields.js';
import { fingerprintOf, linkedinOf, type ImportedActivity, type PersonRef } from './activity.js';
import { importedPerson, type ImportedPerson, type RowError } from './contacts-csv.js';
import { cellsOf, columnOf, eachCsvRow, readCsv } from './csv.js';
import { repairText } from './text-repair.js';

export interface ActivityRead {
  people: ImportedPerson[];
  activities: ImportedActivity[];
  errors: RowError[];
  ignoredColumns: string[];
  /** What the reader left out on purpose, in a sentence or two. */
  remarks?: string[];
}

const fix = (text: string | undefined) => repairText(text ?? '').text.trim();

const MESSAGE_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(?:UTC|Z|GMT))?$/i;

/** "2023-09-04 14:22:10 UTC" (messages.csv) as ISO-8601 in UTC. */
export function messageDate(text: string): string | undefined {
  const m = MESSAGE_DATE.exec(text.trim());
  if (!m) return undefined;
  // Written out, not through Date: a file holds hundreds of thousands of these.
  const [, day = '', h = '', mi = '', s = '00'] = m;
  if (!isRealDate(day)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  // Joined rather than a template: a template's result is a tree of its pieces until something
  // reads it whole, and a reader keeps 200,000 of these (it took a third of the reading time).
  return [day, 'T', h, ':', mi, ':', s, '.000Z'].join('');
}

/** "1/15/24, 10:03 AM" (Invitations.csv, US style, no zone: read as UTC) as ISO-8601. */
export function invitationDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})\s*([AP]M)?$/i.exec(
    text.trim(),
  );
  if (!m) return messageDate(text);
  const year = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
  let hour = Number(m[4]);
  const pm = (m[6] ?? '').toUpperCase() === 'PM';
  if (m[6]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const date = new Date(Date.UTC(year, Number(m[1]) - 1, Number(m[2]), hour, Number(m[5])));
  return date.getUTCDate() === Number(m[2]) &&
    date.getUTCMonth() === Number(m[1]) - 1 &&
    hour < 24 &&
    Number(m[5]) < 60
    ? date.toISOString()
    : undefined;
}

export const isMessagesHeader = (line: string) =>
  /CONVERSATION ID/i.test(line) && /SENDER PROFILE URL/i.test(line);
export const isInvitationsHeader = (line: string) =>
  /^"?From"?,"?To"?,"?Sent At"?/i.test(line.replace(/^\ufeff/, ''));

const MESSAGE_COLUMNS =
  /^(CONVERSATION ID|CONVERSATION TITLE|FROM|SENDER PROFILE URL|TO|RECIPIENT PROFILE URLS|DATE|CONTENT|FOLDER|SUBJECT)$/i;

interface Message {
  line: number;
  title: string;
  from: PersonRef;
  to: PersonRef[];
  at: string;
  content: string;
}

/** The people of a "TO" cell: names split on commas, paired with the profile addresses. */
function recipients(names: string, urls: string, profile: (u: string) => string | undefined) {
  const nameList = names.split(/\s*,\s*/).map((n) => fix(n));
  const urlList = urls.split(/[\s,]+/).filter(Boolean);
  const count = Math.max(nameList.filter(Boolean).length, urlList.length);
  const out: PersonRef[] = [];
  for (let i = 0; i < count; i++) {
    const linkedin = profile(urlList[i] ?? '');
    out.push({ name: nameList[i] ?? '', ...(linkedin ? { linkedin } : {}) });
  }
  return out.filter((r) => r.name || r.linkedin);
}

const refKeys = new WeakMap<PersonRef, string>();
const refKey = (r: PersonRef) => {
  let key = refKeys.get(r);
  if (key === undefined) {
    key = r.linkedin ?? `name:${r.name.toLowerCase()}`;
    refKeys.set(r, key);
  }
  return key;
};

/** Where messages.csv keeps each thing; -1 for a column the file lacks. */
interface MessageColumns {
  id: number;
  title: number;
  from: number;
  fromUrl: number;
  to: number;
  toUrls: number;
  date: number;
  content: number;
  folder: number;
}

const messageColumns = (header: string[]): MessageColumns => ({
  id: columnOf(header, 'CONVERSATION ID'),
  title: columnOf(header, 'CONVERSATION TITLE'),
  from: columnOf(header, 'FROM'),
  fromUrl: columnOf(header, 'SENDER PROFILE URL'),
  to: columnOf(header, 'TO'),
  toUrls: columnOf(header, 'RECIPIENT PROFILE URLS'),
  date: columnOf(header, 'DATE'),
  content: columnOf(header, 'CONTENT'),
  folder: columnOf(header, 'FOLDER'),
});

/** Read messages.csv into one interaction per conversation and day. */
export function readLinkedInMessages(text: string, file: string): ActivityRead {
  let col: MessageColumns | null = null;
  const cell = (values: string[], column: number) => (column < 0 ? '' : (values[column] ?? ''));
  // Addresses repeat on every message of a conversation: each is checked once.
  const profiles = new Map<string, string | undefined>();
  const profile = (url: string) => {
    if (!url) return undefined;
    if (!profiles.has(url)) profiles.set(url, linkedinOf(url));
    return profiles.get(url);
  };
  // The same people write to each other all through a conversation: each is read once.
  const senders = new Map<string, Map<string, PersonRef>>();
  const sender = (name: string, url: string) => {
    let byUrl = senders.get(name);
    if (!byUrl) senders.set(name, (byUrl = new Map()));
    let ref = byUrl.get(url);
    if (!ref) {
      const linkedin = profile(url);
      ref = { name: fix(name), ...(linkedin ? { linkedin } : {}) };
      byUrl.set(url, ref);
    }
    return ref;
  };
  const recipientLists = new Map<string, Map<string, PersonRef[]>>();
  const to = (names: string, urls: string) => {
    let byUrls = recipientLists.get(names);
    if (!byUrls) recipientLists.set(names, (byUrls = new Map()));
    let list = byUrls.get(urls);
    if (!list) {
      list = recipients(names, urls, profile);
      byUrls.set(urls, list);
    }
    return list;
  };
  const errors: RowError[] = [];
  // Messages by conversation, conversations in the order the file first names them.
  const conversations = new Map<string, Message[]>();
  const header = eachCsvRow(text, file, isMessagesHeader, (row, header) => {
    col ??= messageColumns(header);
    const c = row.values;
    const folder = cell(c, col.folder);
    // Drafts and spam are not conversations the user had.
    if (folder && /^\s*(spam|draft)/i.test(folder)) return;
    const conversation = cell(c, col.id).trim();
    if (!conversation) {
      errors.push({
        file,
        line: row.line,
        field: 'CONVERSATION ID',
        message: 'CONVERSATION ID: is empty',
      });
      return;
    }
    const at = messageDate(cell(c, col.date));
    if (!at) {
      errors.push({
        file,
        line: row.line,
        field: 'DATE',
        message: `DATE: "${cell(c, col.date).slice(0, 40)}" is not a date like 2023-09-04 14:22:10 UTC`,
      });
      return;
    }
    let list = conversations.get(conversation);
    if (!list) conversations.set(conversation, (list = []));
    list.push({
      line: row.line,
      title: fix(cell(c, col.title)),
      from: sender(cell(c, col.from), cell(c, col.fromUrl)),
      to: to(cell(c, col.to), cell(c, col.toUrls)),
      at,
      content: fix(cell(c, col.content)),
    });
  });
  // The user: in more conversations than anyone else.
  const inConversations = new Map<string, number>();
  for (const list of conversations.values()) {
    const here = new Set<string>();
    for (const m of list) {
      here.add(refKey(m.from));
      for (const r of m.to) here.add(refKey(r));
    }
    for (const key of here) inConversations.set(key, (inConversations.get(key) ?? 0) + 1);
  }
  let owner = '';
  let most = 0;
  for (const [key, count] of inConversations) {
    if (count > most) [owner, most] = [key, count];
  }
  // A conversation with only one other person leaves the user unknown: then nobody is left out.
  if (conversations.size < 2) owner = '';

  // Each conversation's days, in the order the file first names them.
  const people = new Map<string, Map<string, PersonRef>>();
  const days: { conversation: string; day: string; line: number; messages: Message[] }[] = [];
  for (const [conversation, list] of conversations) {
    const set = new Map<string, PersonRef>();
    const byDay = new Map<string, Message[]>();
    for (const m of list) {
      const fromKey = refKey(m.from);
      if (fromKey !== owner) set.set(fromKey, m.from);
      for (const r of m.to) {
        const key = refKey(r);
        if (key !== owner) set.set(key, r);
      }
      const day = m.at.slice(0, 10);
      let messages = byDay.get(day);
      if (!messages) {
        byDay.set(day, (messages = []));
        days.push({ conversation, day, line: m.line, messages });
      }
      messages.push(m);
    }
    people.set(conversation, set);
  }
  days.sort((a, b) => a.line - b.line);
  const activities: ImportedActivity[] = [];
  for (const { conversation, day, messages: list } of days) {
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.line - b.line));
    const first = list[0];
    if (!first) continue;
    const others = [...(people.get(conversation)?.values() ?? [])];
    if (others.length === 0) continue;
    let notes = list
      .map((m) => `${m.from.name || 'Someone'} (${m.at.slice(11, 16)} UTC): ${m.content}`)
      .join('\n\n');
    if (notes.length > LIMITS.notes) notes = `${notes.slice(0, LIMITS.notes - 1)}…`;
    const count = list.length === 1 ? 'a LinkedIn message' : `${list.length} LinkedIn messages`;
    const summary = first.title
      ? `${count}: ${first.title}`.slice(0, LIMITS.shortText)
      : `${count} with ${others.map((o) => o.name || 'someone').join(', ')}`.slice(
          0,
          LIMITS.shortText,
        );
    activities.push({
      type: 'interaction',
      kind: 'message',
      source: { file, line: first.line },
      key: `linkedin-message:${conversation}:${day}`,
      fingerprint: fingerprintOf(summary, notes),
      at: first.at,
      with: others,
      summary,
      notes: notes || null,
    });
  }
  return {
    people: [],
    activities,
    errors,
    ignoredColumns: header.filter((h) => h && !MESSAGE_COLUMNS.test(h)),
  };
}

/**
 * When a waiting invitation was answered, given the day the person became a connection:
 * LinkedIn lists only pending invitations, so a connection made on the invitation's day or
 * later accepted it. At noon that day (UTC), never before it was sent nor after now; null
 * when they were connected before it was sent (that is not an answer to it).
 */
export function invitationAnsweredAt(
  sentAt: string,
  connectedOn: string,
  now: string,
): string | null {
  if (connectedOn < sentAt.slice(0, 10)) return null;
  const noon = `${connectedOn}T12:00:00.000Z`;
  return noon < sentAt ? sentAt : noon > now ? now : noon;
}

/** The import report's line for invitations found accepted, naming the first five people. */
export function acceptedInvitationsRemark(names: readonly string[], dryRun: boolean): string[] {
  const n = names.length;
  if (n === 0) return [];
  const more = n > 5 ? ` and ${n - 5} more` : '';
  return [
    `${n} LinkedIn invitation${n === 1 ? ' was' : 's were'} accepted since (now connected: ${names.slice(0, 5).join(', ')}${more}): ${dryRun ? 'would be marked' : 'marked'} answered.`,
  ];
}

const INVITATION_COLUMNS =
  /^(From|To|Sent At|Message|Direction|inviterProfileUrl|inviteeProfileUrl)$/i;

/** Read Invitations.csv: the people in them, and an ask (the user's, or made of them) for each. */
export function readLinkedInInvitations(text: string, file: string): ActivityRead {
  const table = readCsv(text, file, isInvitationsHeader);
  const people: ImportedPerson[] = [];
  const activities: ImportedActivity[] = [];
  const errors: RowError[] = [];
  for (const row of table.rows) {
    const c = cellsOf(table, row);
    const direction = (c.Direction ?? '').trim().toUpperCase();
    if (direction !== 'INCOMING' && direction !== 'OUTGOING') {
      errors.push({
        file,
        line: row.line,
        field: 'Direction',
        message: `Direction: "${(c.Direction ?? '').slice(0, 40)}" is neither INCOMING nor OUTGOING`,
      });
      continue;
    }
    const at = invitationDate(c['Sent At'] ?? '');
    if (!at) {
      errors.push({
        file,
        line: row.line,
        field: 'Sent At',
        message: `Sent At: "${(c['Sent At'] ?? '').slice(0, 40)}" is not a date like 1/15/24, 10:03 AM`,
      });
      continue;
    }
    const outgoing = direction === 'OUTGOING';
    const name = fix(outgoing ? c.To : c.From);
    const url = (outgoing ? c.inviteeProfileUrl : c.inviterProfileUrl) ?? '';
    const person = importedPerson(
      {
        displayName: name,
        linkedin: url.trim() || undefined,
        howWeMet: outgoing ? 'Invited to connect on LinkedIn' : 'Invited me to connect on LinkedIn',
      },
      { file, line: row.line },
    );
    if (!('person' in person)) {
      errors.push(person);
      continue;
    }
    people.push(person);
    const ref: PersonRef = {
      name: person.person.displayName,
      ...(person.person.linkedin ? { linkedin: person.person.linkedin } : {}),
    };
    const message = fix(c.Message);
    const base = {
      source: { file, line: row.line },
      key: `linkedin-invitation:${direction.toLowerCase()}:${refKey(ref)}:${at}`,
      fingerprint: fingerprintOf(message),
      at,
      with: [ref],
    };
    activities.push({
      ...base,
      type: 'invitation',
      direction: outgoing ? 'outgoing' : 'incoming',
      question: (message || 'Would you like to connect on LinkedIn?').slice(0, LIMITS.longText),
    });
  }
  return {
    people,
    activities,
    errors,
    ignoredColumns: table.header.filter((h) => h && !INVITATION_COLUMNS.test(h)),
  };
}
