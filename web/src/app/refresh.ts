// What the web app asks again after a write: every view a chat changes — the people in it,
// their ties and ledgers, Today, who can help, insights, the network map and the People list.
import type { QueryClient } from '@tanstack/react-query';

const SHOWN_FROM_CHATS = [
  'people',
  'stats',
  'today',
  'who',
  'insights',
  'network-map',
  'ties',
  'ledger',
  'asks',
  'campaigns',
] as const;

/** After a chat is logged, edited or taken back, or an ask moves on (meeting one logs a chat). */
export function refreshAfterChats(
  queryClient: QueryClient,
  personIds: readonly string[] = [],
): void {
  for (const key of SHOWN_FROM_CHATS) void queryClient.invalidateQueries({ queryKey: [key] });
  for (const id of new Set(personIds)) {
    void queryClient.invalidateQueries({ queryKey: ['person', id] });
    void queryClient.invalidateQueries({ queryKey: ['interactions', id] });
  }
}
