// Small display helpers shared by the screens.
export function relativeDay(iso: string | null, now = new Date()): string {
  if (!iso) return 'never';
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  if (days < 0) return 'upcoming';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 730) return `${Math.round(days / 30)} months ago`;
  return `${Math.round(days / 365)} years ago`;
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
