// What a person can be to the user. Its own module, free of zod, so the web app's first
// screen can list the roles without loading the validation schemas.
export const ROLES = [
  'mentor',
  'mentee',
  'connector',
  'work-friend',
  'peer',
  'sponsor',
  'client',
  'partner',
] as const;
