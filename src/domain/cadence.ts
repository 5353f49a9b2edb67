// Keep-in-touch cadence: none, one time on a date, or every N days.
// The CLI and web accept a short text form ("every 6w", "once 2027-01-15", "none").
import { z } from 'zod';
import { isoDate } from './fields.js';

export const cadenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('once'), on: isoDate }),
  z.object({
    kind: z.literal('every'),
    days: z
      .int()
      .min(1, { error: 'must be at least 1 day' })
      .max(3650, { error: 'must be at most 10 years' }),
  }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

export { formatCadence, parseCadence } from './cadence-text.js';
