// A whole network as plain data, with people referred to by a local key: what the demo
// generator produces and what bulk loading (and later, importers) writes in one go.
import type { z } from 'zod';
import { KithError } from './errors.js';
import { interactionCreateSchema } from './interaction.js';
import { personCreateSchema, personDataFrom, type PersonData } from './person.js';

export interface NetworkPerson {
  key: string;
  person: unknown;
}

export interface NetworkInteraction {
  participants: string[];
  interaction: unknown;
}

export interface NetworkData {
  people: NetworkPerson[];
  interactions: NetworkInteraction[];
}

const bulkInteractionSchema = interactionCreateSchema.omit({ participantIds: true });

export interface ValidNetwork {
  people: { key: string; data: PersonData }[];
  interactions: { participants: string[]; data: z.output<typeof bulkInteractionSchema> }[];
}

/** Check every row; the first bad one is an error naming its row and field. */
export function validateNetwork(network: NetworkData): ValidNetwork {
  const keys = new Set<string>();
  const people = network.people.map((row, index) => {
    const parsed = personCreateSchema.safeParse(row.person);
    if (!parsed.success) throw rowError('people', index, parsed.error);
    if (keys.has(row.key)) {
      throw new KithError(
        'invalid_input',
        `people[${index}]: the key "${row.key}" is used twice`,
        `people.${index}`,
      );
    }
    keys.add(row.key);
    return { key: row.key, data: personDataFrom(parsed.data) };
  });
  const interactions = network.interactions.map((row, index) => {
    const parsed = bulkInteractionSchema.safeParse(row.interaction);
    if (!parsed.success) throw rowError('interactions', index, parsed.error);
    if (row.participants.length === 0) {
      throw new KithError(
        'invalid_input',
        `interactions[${index}]: no participants`,
        `interactions.${index}`,
      );
    }
    const unknown = row.participants.find((k) => !keys.has(k));
    if (unknown !== undefined) {
      throw new KithError(
        'invalid_input',
        `interactions[${index}]: no person has the key "${unknown}"`,
        `interactions.${index}.participants`,
      );
    }
    return { participants: [...new Set(row.participants)], data: parsed.data };
  });
  return { people, interactions };
}

function rowError(list: string, index: number, error: z.ZodError): KithError {
  const issue = error.issues[0];
  const field = [list, index, ...(issue?.path ?? []).map(String)].join('.');
  return new KithError(
    'invalid_input',
    `${list}[${index}] ${field}: ${issue?.message ?? 'invalid'}`,
    field,
  );
}
