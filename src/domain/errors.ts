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

/** Parse with a zod schema, turning a failure into a KithError that names the field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
