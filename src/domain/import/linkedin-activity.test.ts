import { describe, expect, it } from 'vitest';
import {
  invitationDate,
  messageDate,
  readLinkedInInvitations,
  readLinkedInMessages,
  acceptedInvitationsRemark,
  invitationAnsweredAt,
} from './linkedin-activity.js';

const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n';
const ME = 'Alex Doe,https://www.linkedin.com/in/alexdoe';
const PRIYA = 'Priya Raman,https://www.linkedin.com/in/priya-raman';
const TOM = 'Tom Becker,https://www.linkedin.com/in/tombecker/';

describe('LinkedIn messages', () => {
  const file =
    HEADER +
    `c1,,${PRIYA},${ME},2024-03-05 09:12:44 UTC,,"Hi Alex, happy to chat about data science.",INBOX\r\n` +
    `c1,,${ME},${PRIYA},2024-03-05 10:01:02 UTC,,"Thank you!\nWould Thursday work?",INBOX\r\n` +
    `c1,,${PRIYA},${ME},2024-03-07 08:00:00 UTC,,Thursday it is,INBOX\r\n` +
    `c2,Hiring,${TOM},${ME},2024-04-01 12:30:00 UTC,,donâ€™t hesitate to ask,ARCHIVE\r\n` +
    `c3,,Some Recruiter,https://www.linkedin.com/in/recruiter,${ME},2024-04-02 12:30:00 UTC,,Opportunity!,SPAM\r\n`;

  it('makes one interaction per conversation and day, with the people other than the user', () => {
    const read = readLinkedInMessages(file, 'messages.csv');
    expect(read.errors).toEqual([]);
    expect(
      read.activities.map((a) => ({
        line: a.source.line,
        at: a.at,
        with: a.with.map((w) => w.name),
        summary: 'summary' in a ? a.summary : '',
      })),
    ).toEqual([
      {
        line: 2,
        at: '2024-03-05T09:12:44.000Z',
        with: ['Priya Raman'],
        summary: '2 LinkedIn messages with Priya Raman',
      },
      {
        line: 5,
        at: '2024-03-07T08:00:00.000Z',
        with: ['Priya Raman'],
        summary: 'a LinkedIn message with Priya Raman',
      },
      {
        line: 6,
        at: '2024-04-01T12:30:00.000Z',
        with: ['Tom Becker'],
        summary: 'a LinkedIn message: Hiring',
      },
    ]);
    const [first, , third] = read.activities;
    expect(first && 'notes' in first ? first.notes : '').toBe(
      'Priya Raman (09:12 UTC): Hi Alex, happy to chat about data science.\n\n' +
        'Alex Doe (10:01 UTC): Thank you!\nWould Thursday work?',
    );
    // Mojibake repaired; profile addresses normalized like everywhere else.
    expect(third && 'notes' in third ? third.notes : '').toContain('don’t hesitate');
    expect(third?.with[0]?.linkedin).toBe('https://www.linkedin.com/in/tombecker');
  });

  it('gives the same keys and fingerprints to the same file, and new fingerprints to changed days', () => {
    const again = readLinkedInMessages(file, 'messages.csv');
    const once = readLinkedInMessages(file, 'messages.csv');
    expect(again.activities.map((a) => [a.key, a.fingerprint])).toEqual(
      once.activities.map((a) => [a.key, a.fingerprint]),
    );
    const more = readLinkedInMessages(
      `${file}c1,,${ME},${PRIYA},2024-03-07 09:00:00 UTC,,See you then,INBOX\r\n`,
      'messages.csv',
    );
    const day = (r: typeof once, key: string) => r.activities.find((a) => a.key === key);
    const key = 'linkedin-message:c1:2024-03-07';
    expect(day(more, key)?.fingerprint).not.toBe(day(once, key)?.fingerprint);
    expect(day(more, 'linkedin-message:c1:2024-03-05')?.fingerprint).toBe(
      day(once, 'linkedin-message:c1:2024-03-05')?.fingerprint,
    );
  });

  it('names the file, line and column of a row it cannot read', () => {
    const bad = `${file}c4,,${TOM},${ME},yesterday,,hi,INBOX\r\n,,${TOM},${ME},2024-04-01 12:30:00 UTC,,hi,INBOX\r\n`;
    const read = readLinkedInMessages(bad, 'messages.csv');
    expect(read.errors).toEqual([
      {
        file: 'messages.csv',
        line: 8,
        field: 'DATE',
        message: 'DATE: "yesterday" is not a date like 2023-09-04 14:22:10 UTC',
      },
      {
        file: 'messages.csv',
        line: 9,
        field: 'CONVERSATION ID',
        message: 'CONVERSATION ID: is empty',
      },
    ]);
  });

  it('reads its dates strictly', () => {
    expect(messageDate('2023-09-04 14:22:10 UTC')).toBe('2023-09-04T14:22:10.000Z');
    expect(messageDate('2023-02-30 14:22:10 UTC')).toBeUndefined();
    expect(messageDate('2023-09-04 25:22:10 UTC')).toBeUndefined();
    expect(invitationDate('1/15/24, 10:03 AM')).toBe('2024-01-15T10:03:00.000Z');
    expect(invitationDate('12/31/2023, 12:05 AM')).toBe('2023-12-31T00:05:00.000Z');
    expect(invitationDate('2/3/24, 12:45 PM')).toBe('2024-02-03T12:45:00.000Z');
    expect(invitationDate('13/15/24, 10:03 AM')).toBeUndefined();
    expect(invitationDate('1/15/24, 13:03 PM')).toBeUndefined();
  });
});

describe('LinkedIn invitations', () => {
  const file =
    'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n' +
    'Alex Doe,Lena Park,"1/15/24, 10:03 AM",Could I ask you one question about product roles?,OUTGOING,https://www.linkedin.com/in/alexdoe,https://www.linkedin.com/in/lenapark\r\n' +
    'Sam Ortiz,Alex Doe,"2/3/24, 4:45 PM",,INCOMING,https://www.linkedin.com/in/samortiz,https://www.linkedin.com/in/alexdoe\r\n';

  it('turns a sent invitation into the user’s ask and a received one into an ask made of the user, bringing their people', () => {
    const read = readLinkedInInvitations(file, 'Invitations.csv');
    expect(read.errors).toEqual([]);
    expect(
      read.people.map((p) => [p.person.displayName, p.person.linkedin, p.person.howWeMet]),
    ).toEqual([
      ['Lena Park', 'https://www.linkedin.com/in/lenapark', 'Invited to connect on LinkedIn'],
      ['Sam Ortiz', 'https://www.linkedin.com/in/samortiz', 'Invited me to connect on LinkedIn'],
    ]);
    const [sent, received] = read.activities;
    expect(sent).toMatchObject({
      type: 'invitation',
      direction: 'outgoing',
      at: '2024-01-15T10:03:00.000Z',
      question: 'Could I ask you one question about product roles?',
    });
    expect(received).toMatchObject({
      type: 'invitation',
      direction: 'incoming',
      at: '2024-02-03T16:45:00.000Z',
      // No message with it: the invitation's own question.
      question: 'Would you like to connect on LinkedIn?',
      with: [{ name: 'Sam Ortiz', linkedin: 'https://www.linkedin.com/in/samortiz' }],
    });
    // Its key is the one earlier versions gave it (when it became a message): a workspace that
    // imported it then finds it again and does not bring it twice.
    expect(received?.key).toBe(
      'linkedin-invitation:incoming:https://www.linkedin.com/in/samortiz:2024-02-03T16:45:00.000Z',
    );
  });

  it('refuses a direction or date it does not know, naming the line', () => {
    const read = readLinkedInInvitations(
      `${file}A,B,"1/1/24, 1:00 AM",,SIDEWAYS,,\r\nA,B,someday,,OUTGOING,,\r\n`,
      'Invitations.csv',
    );
    expect(read.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'Direction'],
      [5, 'Sent At'],
    ]);
  });
});

describe('an invitation accepted since', () => {
  const sent = '2024-01-15T10:03:00.000Z';
  const now = '2026-11-28T10:00:00.000Z';
  it('is answered at noon of the day they connected, never before it was sent nor after now', () => {
    expect(invitationAnsweredAt(sent, '2024-01-20', now)).toBe('2024-01-20T12:00:00.000Z');
    // Connected the same morning it was sent, after it: not before the invitation.
    expect(invitationAnsweredAt('2024-01-15T14:00:00.000Z', '2024-01-15', now)).toBe(
      '2024-01-15T14:00:00.000Z',
    );
    expect(invitationAnsweredAt(sent, '2026-11-28', '2026-11-28T09:00:00.000Z')).toBe(
      '2026-11-28T09:00:00.000Z',
    );
    // Connected before it was sent: that connection is not an answer to it.
    expect(invitationAnsweredAt(sent, '2024-01-14', now)).toBeNull();
  });

  it('is said in one line naming the first five', () => {
    expect(acceptedInvitationsRemark([], false)).toEqual([]);
    expect(acceptedInvitationsRemark(['Lena Park'], true)).toEqual([
      '1 LinkedIn invitation was accepted since (now connected: Lena Park): would be marked answered.',
    ]);
    expect(acceptedInvitationsRemark(['A', 'B', 'C', 'D', 'E', 'F', 'G'], false)).toEqual([
      '7 LinkedIn invitations were accepted since (now connected: A, B, C, D, E and 2 more): marked answered.',
    ]);
  });
});
