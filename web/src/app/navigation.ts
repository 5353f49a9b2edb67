// The app's places: the navigation bar and the command palette's "Go to …" list both come
// from here.
import {
  IconAffiliate,
  IconArrowsJoin,
  IconChartPie,
  IconCopy,
  IconFileImport,
  IconMessageQuestion,
  IconRocket,
  IconSettings,
  IconSun,
  IconTrash,
  IconUsers,
  IconZoomQuestion,
} from '@tabler/icons-react';

export const NAV = [
  { href: '/', label: 'Today', icon: IconSun, hint: 'The day’s agenda' },
  { href: '/people', label: 'People', icon: IconUsers, hint: 'Everyone in your network' },
  { href: '/asks', label: 'Asks', icon: IconMessageQuestion, hint: 'The board of asks' },
  { href: '/campaigns', label: 'Campaigns', icon: IconRocket, hint: 'Runs of chats' },
  {
    href: '/introductions',
    label: 'Introductions',
    icon: IconArrowsJoin,
    hint: 'Introductions received, and the ones you make',
  },
  { href: '/who', label: 'Who can help', icon: IconZoomQuestion, hint: 'Find someone who knows X' },
  { href: '/insights', label: 'Insights', icon: IconChartPie, hint: 'Your network’s make-up' },
  { href: '/network', label: 'Network map', icon: IconAffiliate, hint: 'Who knows whom, drawn' },
  {
    href: '/import',
    label: 'Import & export',
    icon: IconFileImport,
    hint: 'Bring contacts, conversations and calendars in; take everything out',
  },
  {
    href: '/duplicates',
    label: 'Duplicates',
    icon: IconCopy,
    hint: 'People who may be one person: merge them, or keep them apart',
  },
  { href: '/trash', label: 'Trash', icon: IconTrash, hint: 'Archived people, to restore' },
  {
    href: '/settings',
    label: 'Settings',
    icon: IconSettings,
    hint: 'Your name and introduction, templates, timing, time zone',
  },
] as const;
