// Errors are values with a code, a message for a person, and the field at fault.
// The doors turn them into exit codes (CLI) or HTTP status codes (API).
import type { z } from 'zod';

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'ambiguous'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_state'
  /** A request the server will not take from where it came (another site's page). */
  | 'forbidden'
  /** Nobody is signed in (or the token is unknown): the server has accounts. */
  | 'unauthorized'
  /** Too many failed sign-ins for one account or from one address, for a while. */
  | 'too_many_requests'
  /** The database is held by another process for longer than a write waits. */
  | 'busy';

export class KithError extends Error {
  override readonly name = 'KithError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toJSON(): { code: ErrorCode; message: string; field?: string; details?: unknown } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

export const invalid = (field: string, message: string): KithError =>
  new KithError('invalid_input', `${field}: ${message}`, field);

export const notFound = (what: string, key: string): KithError =>
  new KithError('not_found', `No ${what} matches "${key}".`);

/** The first zod issue, named by its field path ("emails.1"), as a KithError. */
export function fromZodError(error: z.ZodError, prefix?: string): KithError {
  const issue = error.issues[0];
  if (!issue) return new KithError('invalid_input', 'Invalid input.');
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const field = path || 'input';
  return new KithError('invalid_input', `${field}: ${issue.message}`, field, {
    issues: error.issues.map((i) => ({
      field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || 'input',
      message: i.message,
    })),
  });
}

/**
 * What text Kith keeps, on every door and both databases: any Unicode text but the NUL
 * character (PostgreSQL cannot store it, and no name or note holds one) and halves of a
 * character (a lone UTF-16 surrogate, which no encoding can write out).
 */
export function unstorableIn(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (/[\uD800-\uDFFF]/.test(text) && LONE_SURROGATE.test(text))
    return 'must not contain half of a character (a lone UTF-16 surrogate)';
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in a value (an object, a list, a string) that Kith cannot keep. */
function firstUnstorable(value: unknown, path: string[] = []): KithError | null {
  if (typeof value === 'string') {
    const problem = unstorableIn(value);
    const field = path.join('.') || 'input';
    return problem ? new KithError('invalid_input', `${field}: ${problem}`, field) : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstUnstorable(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUnstorable(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Parse with a zod schema, turning a failure into a KithError that names the field; text Kith
 * cannot keep (unstorableIn) is refused the same way, whatever the schema.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
): z.output<S> {
  const unstorable = firstUnstorable(value, prefix ? [prefix] : []);
  if (unstorable) throw unstorable;
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
