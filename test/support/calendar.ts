// Calendar files for tests: events as their lines, wrapped as an iCalendar file.

/** An iCalendar file of these events (each given as its lines, BEGIN/END:VEVENT added). */
export const calendarFile = (...events: string[][]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/**
 * A weekly one-to-one with Priya Raman (priya@example.com), Mondays 10:00 UTC from 6 January
 * 2020, for ever or `until` a moment (iCalendar UTC form), with `more` lines.
 */
export const weeklyWithPriya = ({ until, more = [] }: { until?: string; more?: string[] } = {}) => [
  'UID:weekly',
  'DTSTART:20200106T100000Z',
  `RRULE:FREQ=WEEKLY;BYDAY=MO${until ? `;UNTIL=${until}` : ''}`,
  'SUMMARY:1:1 with Priya',
  'ATTENDEE;CN=Priya Raman:mailto:priya@example.com',
  ...more,
];
