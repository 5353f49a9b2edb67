// Accounts: who signs in, and the rules that do not need a database — what a valid email,
// password and token name are, and when too many failed sign-ins lock an account or an address.
import { z } from 'zod';

export const ROLES = ['owner', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'at most 254 characters')
  .pipe(z.email('not an email address'));

/** Long enough to resist guessing; bounded so hashing one costs a known amount of work. */
export const passwordSchema = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200, 'at most 200 characters');

const nameSchema = z.string().trim().min(1, 'required').max(120, 'at most 120 characters');

export const signUpSchema = z
  .object({
    email: emailSchema,
    name: nameSchema,
    password: passwordSchema,
    /** The invitation's secret, from the link an owner sent; not needed by the first account. */
    invitation: z.string().max(200).optional(),
  })
  .strict();

export const signInSchema = z
  .object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) })
  .strict();

export const passwordChangeSchema = z
  .object({ current: z.string().max(200), password: passwordSchema })
  .strict();

export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const authStateSchema = z.object({
  /** local: a server on this machine with no accounts; everything is open to it. */
  mode: z.enum(['local', 'accounts']),
  account: accountSchema.nullable(),
  /** No account exists yet: the first to sign up becomes the owner. */
  firstAccount: z.boolean(),
  /** The signed-in request came with a token, not a session: it cannot manage accounts. */
  viaToken: z.boolean(),
});
export type AuthState = z.infer<typeof authStateSchema>;

export const tokenCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'required').max(80, 'at most 80 characters'),
    readOnly: z.boolean().default(false),
  })
  .strict();

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's first characters, to tell it apart; the token itself is shown only once. */
  prefix: z.string(),
  readOnly: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const invitationCreateSchema = z
  .object({ email: emailSchema.optional() })
  .strict()
  .optional();

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createdInvitationSchema = invitationSchema.extend({
  /** The link to send, shown once. */
  url: z.string(),
});

export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type PasskeyInfo = z.infer<typeof passkeySchema>;

/** How long things last. */
export const SESSION_DAYS = 30;
export const INVITATION_DAYS = 7;
export const CHALLENGE_MINUTES = 5;

/**
 * Failed sign-ins allowed in a window before more are refused: a few per account (a person
 * mistyping), more per address (several people behind one office's address).
 */
export const SIGN_IN_LIMITS = { email: 5, address: 20, windowMinutes: 15 } as const;

/**
 * Minutes until another attempt is taken, given the times of recent failures for one key
 * (newest or oldest first, any order), or 0 when one may be tried now.
 */
export function lockedForMinutes(failures: readonly string[], limit: number, now: Date): number {
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const recent = failures
    .map((at) => Date.parse(at))
    .filter((t) => now.getTime() - t < windowMs)
    .sort((a, b) => a - b);
  if (recent.length < limit) return 0;
  // Free again when the oldest failure that still counts leaves the window.
  const freeAt = (recent[recent.length - limit] ?? now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}
