// One shape for form errors, whether the shared zod schema caught them in the browser or
// the API answered with them: { field: message }, keyed by the top-level field.
import type { z } from 'zod';
import { ApiError } from '../api';

export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}

/** Errors for the form's fields; anything the form has no field for goes under "form". */
export function apiFieldErrors(error: unknown, fields: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError)) {
    return { form: error instanceof Error ? error.message : String(error) };
  }
  const out: FieldErrors = {};
  for (const field of fields) {
    const message = error.messageFor(field);
    if (message) out[field] = message;
  }
  if (Object.keys(out).length === 0) out.form = error.message;
  return out;
}

/** Validate with a shared schema; the parsed value, or the errors by field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { errors: zodFieldErrors(result.error) };
}
