// Who is signed in, as the web app keeps it: one query, and what to do when it changes.
import type { QueryClient } from '@tanstack/react-query';

export const AUTH_KEY = ['auth'] as const;

/**
 * After signing in or out: forget every answer the last person was given, and ask the server
 * again who is there (the gate follows).
 */
export function forgetAndAsk(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== AUTH_KEY[0] });
  void queryClient.invalidateQueries({ queryKey: AUTH_KEY });
}
