// App-wide actions any screen, shortcut or the command palette can start: log an
// interaction (optionally with people already chosen) and add a person.
import { createContext, useContext } from 'react';
import type { Interaction } from '../../../src/domain/interaction.js';

export interface ParticipantChoice {
  id: string;
  displayName: string;
}

export interface AppActions {
  logInteraction(participants?: ParticipantChoice[]): void;
  /** Change an interaction already logged. */
  editInteraction(interaction: Interaction): void;
  addPerson(): void;
  /** Ask someone one specific question. */
  newAsk(): void;
}

export const ActionsContext = createContext<AppActions>({
  logInteraction: () => undefined,
  editInteraction: () => undefined,
  addPerson: () => undefined,
  newAsk: () => undefined,
});

export const useAppActions = (): AppActions => useContext(ActionsContext);
