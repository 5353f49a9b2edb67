import { describe, expect, it } from 'vitest';
import { calendarOf, toIcalendar } from './icalendar.js';

describe('the calendar Kith writes', () => {
  const events = calendarOf({
    today: '2026-11-29',
    chats: [
      {
        id: 'a1',
        person: 'Priya',
        question: 'Why data?',
        at: '2026-12-03T15:00:00.000Z',
        minutes: 45,
      },
    ],
    keepInTouch: [
      { id: 'p1', person: 'Overdue', dueOn: '2026-11-01', snoozedUntil: null },
      { id: 'p2', person: 'Snoozed', dueOn: '2026-11-01', snoozedUntil: '2026-12-10' },
      { id: 'p3', person: 'Coming', dueOn: '2026-12-05', snoozedUntil: null },
    ],
    followUps: [
      { id: 't1', title: 'Send the paper', person: 'Priya', dueOn: '2026-11-20' },
      { id: 't2', title: 'Book a room', person: null, dueOn: '2026-12-01' },
    ],
  });

  it('puts what is late on today, a snoozed reminder on the day the snooze ends', () => {
    expect(events.map((e) => [e.uid, 'day' in e ? e.day : e.at])).toEqual([
      ['ask-a1@kith', '2026-12-03T15:00:00.000Z'],
      ['touch-p1@kith', '2026-11-29'],
      ['touch-p2@kith', '2026-12-10'],
      ['touch-p3@kith', '2026-12-05'],
      ['task-t1@kith', '2026-11-29'],
      ['task-t2@kith', '2026-12-01'],
    ]);
  });

  it('writes all-day events and timed chats, escaped and folded', () => {
    const text = toIcalendar(events, { now: '2026-11-29T10:00:00.000Z', name: 'Kith' });
    expect(text).toContain(
      'BEGIN:VEVENT\r\nUID:ask-a1@kith\r\nDTSTAMP:20261129T100000Z\r\nDTSTART:20261203T150000Z\r\nDURATION:PT45M\r\n',
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20261129\r\nDTEND;VALUE=DATE:20261130\r\n');
    expect(text).toContain('SUMMARY:Follow up: Send the paper\r\nDESCRIPTION:With Priya\r\n');
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
