import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, changeSettings, settingsPatchSchema } from './settings.js';

describe('settings', () => {
  it('defaults to a week before a nudge and a week more before moving on', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      nudgeAfterDays: 7,
      moveOnAfterDays: 7,
      roleCadence: { mentor: 42 },
    });
  });

  it('changes only what a patch names', () => {
    const patch = settingsPatchSchema.parse({ myName: 'Sam' });
    expect(patch).toEqual({ myName: 'Sam' });
    expect(changeSettings({ ...DEFAULT_SETTINGS, nudgeAfterDays: 3 }, patch)).toMatchObject({
      myName: 'Sam',
      nudgeAfterDays: 3,
    });
  });

  it('refuses a bad value or a template with an unknown placeholder, naming it', () => {
    expect(() => changeSettings(DEFAULT_SETTINGS, { nudgeAfterDays: 0 })).toThrow(
      /^nudgeAfterDays: at least 1 day/,
    );
    expect(() =>
      changeSettings(DEFAULT_SETTINGS, { templates: { path: 'Hi {frist_name}' } }),
    ).toThrow(/^templates\.path: template: unknown placeholder \{frist_name\}/);
  });
});
