// The settings `kith settings set <key>` changes, and the change each makes (a module of its
// own: the CLI lists the keys in its help without loading the schemas).
export const SETTING_KEYS = {
  'my-name': (v: string) => ({ myName: v }),
  'my-intro': (v: string) => ({ myIntro: v }),
  'nudge-after': (v: string) => ({ nudgeAfterDays: Number(v) }),
  'move-on-after': (v: string) => ({ moveOnAfterDays: Number(v) }),
  'time-zone': (v: string) => ({ timeZone: v.trim() === '' || v === 'system' ? null : v }),
  'my-organization': (v: string) => ({ myOrganization: v }),
  'my-unit': (v: string) => ({ myUnit: v }),
  'dates-ahead': (v: string) => ({ datesAheadDays: Number(v) }),
  'thank-you-kinds': (v: string) => ({
    thankYouKinds: v
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '' && k !== 'none'),
  }),
} as const;
