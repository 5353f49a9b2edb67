// A whole network as plain data, with people referred to by a local key: what the demo
// generator produces and what bulk loading (and later, importers) writes in one go.
import { z } from 'zod';
import { KithError } from './errors.js';
import { interactionCreateSchema } from './interaction.js';
import {
  INCOMING_NOT_IN_CAMPAIGN,
  newAsk,
  transition,
  type Ask,
  type AskAction,
} from './method/ask.js';
import { askActionSchema, askCreateSchema, campaignCreateSchema } from './method/schemas.js';
import { personCreateSchema, personDataFrom, type PersonData } from './person.js';
import { LIMITS, optionalText } from './fields.js';
import { TIE_STRENGTHS, tieLabelSchema, type TieLabel } from './connect/schemas.js';

export interface NetworkPerson {
  key: string;
  person: unknown;
}

export interface NetworkInteraction {
  participants: string[];
  interaction: unknown;
}

export interface NetworkCampaign {
  key: string;
  campaign: unknown;
}

/**
 * An ask with its story: created at `ask.at`, then each step (send, reply, meet…) at its own
 * time, replayed through the ask lifecycle so a history that could not happen is refused.
 */
export interface NetworkAsk {
  person: string;
  campaign?: string;
  ask: unknown;
  steps?: unknown[];
}

/** Two people who know each other ("worked together at Ledgerly"), how well: a tie label. */
export interface NetworkKnows {
  a: string;
  b: string;
  context?: string | null;
  strength?: TieLabel;
}

export interface NetworkData {
  people: NetworkPerson[];
  interactions: NetworkInteraction[];
  campaigns?: NetworkCampaign[];
  asks?: NetworkAsk[];
  knows?: NetworkKnows[];
}

const bulkInteractionSchema = interactionCreateSchema.omit({ participantIds: true });
const bulkAskSchema = askCreateSchema
  .omit({ personId: true, campaignId: true, askedAt: true })
  .extend({ at: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time' }) });
const bulkStepSchema = z.intersection(
  askActionSchema,
  z.object({ at: z.iso.datetime({ offset: true, error: 'each step needs its date-time' }) }),
);

export interface ValidNetwork {
  people: { key: string; data: PersonData }[];
  interactions: { participants: string[]; data: z.output<typeof bulkInteractionSchema> }[];
  campaigns: { key: string; data: z.output<typeof campaignCreateSchema> }[];
  /** The ask as its steps left it (id and person filled in by the store). */
  asks: { person: string; campaign: string | null; ask: Ask; channel: string | null }[];
  knows: { a: string; b: string; context: string | null; strength: number }[];
}

const bulkKnowsSchema = z
  .object({
    context: optionalText(LIMITS.shortText, 'context').optional(),
    strength: tieLabelSchema.optional(),
  })
  .loose();

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
  const campaignKeys = new Set<string>();
  const campaigns = (network.campaigns ?? []).map((row, index) => {
    const parsed = campaignCreateSchema.safeParse(row.campaign);
    if (!parsed.success) throw rowError('campaigns', index, parsed.error);
    if (campaignKeys.has(row.key)) {
      throw new KithError(
        'invalid_input',
        `campaigns[${index}]: the key "${row.key}" is used twice`,
        `campaigns.${index}`,
      );
    }
    campaignKeys.add(row.key);
    return { key: row.key, data: parsed.data };
  });
  const asks = (network.asks ?? []).map((row, index) => {
    const at = `asks.${index}`;
    if (!keys.has(row.person)) {
      throw new KithError(
        'invalid_input',
        `asks[${index}]: no person has the key "${row.person}"`,
        `${at}.person`,
      );
    }
    if (row.campaign !== undefined && !campaignKeys.has(row.campaign)) {
      throw new KithError(
        'invalid_input',
        `asks[${index}]: no campaign has the key "${row.campaign}"`,
        `${at}.campaign`,
      );
    }
    const parsed = bulkAskSchema.safeParse(row.ask);
    if (!parsed.success) throw rowError('asks', index, parsed.error);
    if (row.campaign !== undefined && parsed.data.direction === 'incoming') {
      throw new KithError(
        'invalid_input',
        `asks[${index}]: ${INCOMING_NOT_IN_CAMPAIGN}`,
        `${at}.campaign`,
      );
    }
    let ask = newAsk({ id: '', personId: row.person, ...parsed.data });
    (row.steps ?? []).forEach((raw, step) => {
      const parsedStep = bulkStepSchema.safeParse(raw);
      if (!parsedStep.success) {
        const issue = parsedStep.error.issues[0];
        const field = [at, 'steps', step, ...(issue?.path ?? []).map(String)].join('.');
        throw new KithError(
          'invalid_input',
          `asks[${index}].steps[${step}] ${field}: ${issue?.message ?? 'invalid'}`,
          field,
        );
      }
      const { at: when, ...action } = parsedStep.data;
      try {
        ask = transition(ask, action as AskAction, when);
      } catch (error) {
        if (!(error instanceof KithError)) throw error;
        throw new KithError(
          'invalid_input',
          `asks[${index}].steps[${step}]: ${error.message}`,
          `${at}.steps.${step}`,
        );
      }
    });
    return {
      person: row.person,
      campaign: row.campaign ?? null,
      ask,
      channel: parsed.data.channel ?? null,
    };
  });
  const pairs = new Set<string>();
  const knows = (network.knows ?? []).map((row, index) => {
    for (const side of ['a', 'b'] as const) {
      if (!keys.has(row[side])) {
        throw new KithError(
          'invalid_input',
          `knows[${index}]: no person has the key "${row[side]}"`,
          `knows.${index}.${side}`,
        );
      }
    }
    if (row.a === row.b) {
      throw new KithError(
        'invalid_input',
        `knows[${index}]: a person does not "know" themselves`,
        `knows.${index}.b`,
      );
    }
    const pair = row.a < row.b ? `${row.a}\u0000${row.b}` : `${row.b}\u0000${row.a}`;
    if (pairs.has(pair)) {
      throw new KithError(
        'invalid_input',
        `knows[${index}]: "${row.a}" and "${row.b}" are paired twice`,
        `knows.${index}`,
      );
    }
    pairs.add(pair);
    const parsed = bulkKnowsSchema.safeParse(row);
    if (!parsed.success) throw rowError('knows', index, parsed.error);
    return {
      a: row.a,
      b: row.b,
      context: parsed.data.context ?? null,
      strength: TIE_STRENGTHS[parsed.data.strength ?? 'good'],
    };
  });
  return { people, interactions, campaigns, asks, knows };
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
