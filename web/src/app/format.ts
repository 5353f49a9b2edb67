// Small display helpers shared by the screens.
import type { AskState } from '../../../src/domain/method/ask.js';
import { timeAgo } from '../../../src/domain/method/calendar.js';

export function relativeDay(iso: string | null, now = new Date()): string {
  if (!iso) return 'never';
  const days = (now.getTime() - new Date(iso).getTime()) / 86_400_000;
  return days < 0 ? 'upcoming' : timeAgo(days);
}

export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

export const ROLE_LABELS: Record<string, string> = {
  mentor: 'Mentor',
  mentee: 'Mentee',
  connector: 'Connector',
  'work-friend': 'Work friend',
  peer: 'Peer',
  sponsor: 'Sponsor',
  client: 'Client',
  partner: 'Partner',
};

export const KIND_LABELS: Record<string, string> = {
  coffee: 'Coffee',
  'video-call': 'Video call',
  call: 'Call',
  email: 'Email',
  message: 'Message',
  meeting: 'Meeting',
  event: 'Event',
};

/** What an ask is for, as the ask form and the template settings name it. */
export const PURPOSES = [
  { value: 'path', label: 'Learn about their path and how their organization works' },
  { value: 'feedback', label: 'Feedback on one concrete piece of work' },
  { value: 'advice', label: 'Advice on a topic' },
  { value: 'intro', label: 'An introduction to someone' },
];

/** The states of an ask as the board's columns name them. */
export const ASK_STATE_LABELS: Record<AskState, string> = {
  draft: 'Draft',
  sent: 'Sent',
  replied: 'Replied',
  scheduled: 'Scheduled',
  met: 'Met',
  thanked: 'Thanked',
  declined: 'Declined',
  'moved-on': 'Moved on',
};
