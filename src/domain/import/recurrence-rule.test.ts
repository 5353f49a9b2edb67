import { describe, expect, it } from 'vitest';
import { recurrenceRuleProblem } from './recurrence-rule.js';

describe('recurrence rules checked before they are expanded', () => {
  it.each([
    'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20251231T235959Z',
    'FREQ=MONTHLY;BYDAY=1TU',
    'FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=2',
    'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
    'FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU',
    'FREQ=DAILY;COUNT=10;WKST=MO',
    'RSCALE=GREGORIAN;FREQ=YEARLY;SKIP=FORWARD',
    'freq=weekly;byday=mo',
  ])('takes %s', (rule) => {
    expect(recurrenceRuleProblem(rule)).toBeNull();
  });

  it.each([
    ['FREQ=DAILY;BYMONTH=13 x', /BYMONTH "13 X" is not a number/],
    ['FREQ=DAILY;BYMONTH=13', /BYMONTH 13 is outside 1..12/],
    ['FREQ=WEEKLY;BYDAY=MO, TU', /BYDAY " TU" is not a day/],
    ['FREQ=YEARLY;BYWEEKNO=60', /BYWEEKNO 60 is outside/],
    ['FREQ=MONTHLY;INTERVAL=0', /INTERVAL "0"/],
    ['FREQ=DAILY;COUNT=99999999999', /COUNT/],
    ['RSCALE=CHINESE;FREQ=YEARLY', /CHINESE calendar/],
    ['FREQ=', /FREQ "" is not a frequency/],
    ['BYDAY=MO', /no FREQ/],
    ['FREQ=DAILY;FREQ=WEEKLY', /FREQ is given twice/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20250101', /both COUNT and UNTIL/],
    ['FREQ=DAILY;FOO=1', /FOO is not part/],
  ])('names what is wrong with %s', (rule, problem) => {
    expect(recurrenceRuleProblem(rule)).toMatch(problem);
  });
});
